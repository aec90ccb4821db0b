#pragma once

#include <cstdint>
#include <vector>

#include "model/org.h"

namespace gctq_emulator::gen {

/// Divisions, queues, agents and wrap-up codes of a synthetic contact centre; ids depend on `seed` only.
Directory GenerateDirectory(std::uint64_t seed);

/// Agents (indexes into directory.agents) who answer each queue (index into directory.queues).
std::vector<std::vector<std::uint16_t>> QueueMembers(Directory const& directory);

}  // namespace gctq_emulator::gen
