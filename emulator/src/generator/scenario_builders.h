#pragma once

// Shorthand for writing scenario templates: A(...) is an agent turn, C(...) a customer turn,
// each with neutral, positive and negative phrasings.

#include <vector>

#include "generator/dialogue_templates.h"

namespace gctq_emulator::gen {

using Variants = std::vector<std::string_view>;

inline Beat A(Variants neutral, Variants positive = {}, Variants negative = {}, double probability = 1.0) {
  return Beat{Who::kAgent, std::move(neutral), std::move(positive), std::move(negative), probability};
}
inline Beat C(Variants neutral, Variants positive = {}, Variants negative = {}, double probability = 1.0) {
  return Beat{Who::kCustomer, std::move(neutral), std::move(positive), std::move(negative), probability};
}

void AddServiceScenarios(std::vector<Scenario>& scenarios);
void AddAccountScenarios(std::vector<Scenario>& scenarios);
void AddOutboundScenarios(std::vector<Scenario>& scenarios);

}  // namespace gctq_emulator::gen
