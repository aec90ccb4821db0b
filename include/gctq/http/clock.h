#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace gctq::http {

/// Time source for retry, pacing and token expiry. Injected so tests never really wait.
struct Clock {
  virtual ~Clock() = default;
  /// Monotonic time: for intervals, deadlines and token expiry.
  virtual std::chrono::steady_clock::time_point now() const = 0;
  /// Wall-clock time: only to turn an HTTP-date (Retry-After) into a duration.
  virtual std::chrono::system_clock::time_point wall_now() const = 0;
};

/// The real clocks. Thread-safe; one shared instance.
std::shared_ptr<Clock> SystemClock();

/// Blocks the calling thread for the given duration (tests pass one that advances a fake clock).
using Sleeper = std::function<void(std::chrono::milliseconds)>;

/// std::this_thread::sleep_for.
Sleeper RealSleeper();

}  // namespace gctq::http
