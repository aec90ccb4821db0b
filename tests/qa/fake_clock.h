#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace gctq::qa::testing {

/// Wall time that moves only when the code under test "sleeps". Starts at the real time so
/// signature timestamps look current; records every sleep.
class FakeClock {
 public:
  FakeClock()
      : ms_(std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count()) {}

  std::chrono::system_clock::time_point Now() const {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms_.load()));
  }
  std::int64_t Seconds() const { return ms_.load() / 1000; }
  void Advance(std::chrono::milliseconds d) { ms_ += d.count(); }

  std::function<std::chrono::system_clock::time_point()> AsClock() {
    return [this] { return Now(); };
  }
  std::function<void(std::chrono::milliseconds)> AsSleeper(std::function<void()> on_sleep = {}) {
    return [this, on_sleep](std::chrono::milliseconds d) {
      {
        std::lock_guard lock(mu_);
        sleeps_.push_back(d);
      }
      Advance(d);
      if (on_sleep) on_sleep();
    };
  }
  std::vector<std::chrono::milliseconds> sleeps() {
    std::lock_guard lock(mu_);
    return sleeps_;
  }

 private:
  std::atomic<std::int64_t> ms_;
  std::mutex mu_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace gctq::qa::testing
