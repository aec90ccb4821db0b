#pragma once

// What every lazy expansion of one conversation needs to know about its org.

#include <cstdint>
#include <string>
#include <vector>

#include "generator/generate.h"
#include "model/org.h"

namespace gctq_emulator::gen {

struct OrgContext {
  GeneratorSettings settings;
  std::int64_t anchor_ms = 0;  ///< End of the range.
  Directory directory;
  std::vector<std::vector<std::uint16_t>> queue_members;
  std::string org_phone_digits;  ///< The number customers dial; 10 NANP digits.
};

}  // namespace gctq_emulator::gen
