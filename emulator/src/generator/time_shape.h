#pragma once

#include <cstdint>

#include "generator/rng.h"

namespace gctq_emulator::gen {

/// The org's local time is a fixed UTC-5 ("local-ish" US Eastern, no DST).
inline constexpr std::int64_t kLocalOffsetMs = -5LL * 3600 * 1000;

/// Relative call volume at a UTC instant: weekdays 8-18 local time are busiest.
double CallVolumeWeight(std::int64_t epoch_ms);

/// A start instant in [from_ms, to_ms) drawn with the business-hour and weekday shape.
std::int64_t SampleStartMs(Rng& rng, std::int64_t from_ms, std::int64_t to_ms);

}  // namespace gctq_emulator::gen
