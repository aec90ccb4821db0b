#include "generator/time_shape.h"

namespace gctq_emulator::gen {
namespace {
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kHourMs = 3'600'000;
}  // namespace

double CallVolumeWeight(std::int64_t epoch_ms) {
  std::int64_t const local_ms = epoch_ms + kLocalOffsetMs;
  std::int64_t day = local_ms / kDayMs;
  std::int64_t within_day = local_ms % kDayMs;
  if (within_day < 0) {
    within_day += kDayMs;
    --day;
  }
  int const weekday = static_cast<int>(((day + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday; 0 = Sunday.
  int const hour = static_cast<int>(within_day / kHourMs);
  double const hour_weight = (hour >= 8 && hour < 18)                   ? 1.0
                             : (hour == 7 || (hour >= 18 && hour < 21)) ? 0.35
                                                                        : 0.05;
  double const day_weight = (weekday == 0 || weekday == 6) ? 0.3 : 1.0;
  return hour_weight * day_weight;
}

std::int64_t SampleStartMs(Rng& rng, std::int64_t from_ms, std::int64_t to_ms) {
  for (;;) {
    std::int64_t const candidate = rng.Between(from_ms, to_ms - 1);
    if (rng.Unit() < CallVolumeWeight(candidate)) return candidate;
  }
}

}  // namespace gctq_emulator::gen
