#pragma once

// Fixed name lists for agents and customers. Kept free of keyword-vocabulary words.

#include <span>
#include <string_view>

namespace gctq_emulator::gen {

std::span<std::string_view const> FirstNames();
std::span<std::string_view const> LastNames();
std::span<std::string_view const> EmailDomains();  ///< Spoken forms: {"gmail", "com"} joined by " dot ".

}  // namespace gctq_emulator::gen
