#pragma once

// UUID-shaped ids (version 4 layout) drawn from a generator stream, plus a compact 128-bit form
// so an index of 100,000 conversation ids stays small.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "generator/rng.h"

namespace gctq_emulator::gen {

struct Uuid {
  std::uint64_t high = 0, low = 0;
  friend auto operator<=>(Uuid const&, Uuid const&) = default;
};

Uuid RandomUuid(Rng& rng);
std::string ToString(Uuid const& uuid);
/// Parses the canonical 8-4-4-4-12 lower- or upper-case hex form; nullopt otherwise.
std::optional<Uuid> ParseUuid(std::string_view text);

}  // namespace gctq_emulator::gen
