#include "gctq/http/clock.h"

#include <thread>

namespace gctq::http {
namespace {

struct RealClock final : Clock {
  std::chrono::steady_clock::time_point now() const override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace

std::shared_ptr<Clock> SystemClock() {
  static auto const clock = std::make_shared<RealClock>();
  return clock;
}

Sleeper RealSleeper() {
  return [](std::chrono::milliseconds d) {
    if (d > std::chrono::milliseconds::zero()) std::this_thread::sleep_for(d);
  };
}

}  // namespace gctq::http
