#pragma once

// FakeClock: a manual http::Clock for tests, plus a Sleeper that advances it instead of sleeping
// and records every requested sleep. Thread-safe. Create it with std::make_shared (MakeSleeper
// keeps the clock alive through shared_from_this).
//
//   auto clock = std::make_shared<gctq::testing::FakeClock>();
//   options.clock = clock;
//   options.sleeper = clock->MakeSleeper();
//   ... EXPECT_EQ(clock->sleeps(), (std::vector<std::chrono::milliseconds>{3000ms}));

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "gctq/http/clock.h"

namespace gctq::testing {

class FakeClock : public http::Clock, public std::enable_shared_from_this<FakeClock> {
 public:
  /// Starts at an arbitrary steady time and at 2024-01-01T00:00:00Z wall time.
  FakeClock() : wall_(std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}) {}

  std::chrono::steady_clock::time_point now() const override {
    std::lock_guard lock(mu_);
    return steady_;
  }
  std::chrono::system_clock::time_point wall_now() const override {
    std::lock_guard lock(mu_);
    return wall_;
  }

  void Advance(std::chrono::steady_clock::duration d) {
    std::lock_guard lock(mu_);
    steady_ += d;
    wall_ += std::chrono::duration_cast<std::chrono::system_clock::duration>(d);
  }

  /// A Sleeper that records the duration and advances this clock by it.
  http::Sleeper MakeSleeper() {
    return [self = shared_from_this()](std::chrono::milliseconds d) {
      {
        std::lock_guard lock(self->mu_);
        self->sleeps_.push_back(d);
      }
      if (d > std::chrono::milliseconds::zero()) self->Advance(d);
    };
  }

  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mu_);
    return sleeps_;
  }

 private:
  mutable std::mutex mu_;
  std::chrono::steady_clock::time_point steady_{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace gctq::testing
