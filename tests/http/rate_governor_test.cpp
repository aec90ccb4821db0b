#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "gctq/http/pacing.h"
#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::http {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using testing::FakeClock;
using testing::Response;

PacingPolicy Policy(int allowed, double utilization) {
  PacingPolicy policy;
  policy.initial_allowed = allowed;
  policy.target_utilization = utilization;
  return policy;
}

HttpResponse WithLimits(int status, int count, int allowed, int reset) {
  return Response(status, "",
                  {{"inin-ratelimit-count", std::to_string(count)},
                   {"inin-ratelimit-allowed", std::to_string(allowed)},
                   {"inin-ratelimit-reset", std::to_string(reset)}});
}

TEST(RateGovernorTest, AssumesThreeHundredPerMinuteWithHeadroom) {
  RateGovernor governor({}, std::make_shared<FakeClock>());
  EXPECT_EQ(governor.allowed(), 300);
  EXPECT_EQ(governor.interval(), microseconds(static_cast<long>(60'000'000 / (300 * 0.97))));
}

TEST(RateGovernorTest, ConsecutiveSlotsAreOneIntervalApart) {
  auto clock = std::make_shared<FakeClock>();
  RateGovernor governor(Policy(60, 1.0), clock);
  EXPECT_EQ(governor.Reserve(), milliseconds(0));
  EXPECT_EQ(governor.Reserve(), milliseconds(1'000));
  EXPECT_EQ(governor.Reserve(), milliseconds(2'000));
  clock->Advance(std::chrono::seconds(10));  // idle time does not build up a burst
  EXPECT_EQ(governor.Reserve(), milliseconds(0));
  EXPECT_EQ(governor.Reserve(), milliseconds(1'000));
}

TEST(RateGovernorTest, FollowsTheAllowedHeader) {
  auto clock = std::make_shared<FakeClock>();
  RateGovernor governor(Policy(300, 1.0), clock);
  governor.Observe(WithLimits(200, 1, 180, 60));
  EXPECT_EQ(governor.allowed(), 180);
  EXPECT_EQ(governor.interval(), microseconds(60'000'000 / 180));
  governor.Observe(WithLimits(200, 1, 180, 61));  // a longer countdown widens the window
  EXPECT_EQ(governor.interval(), microseconds(61'000'000 / 180));
}

TEST(RateGovernorTest, UsedUpWindowPausesEveryoneUntilReset) {
  auto clock = std::make_shared<FakeClock>();
  RateGovernor governor({}, clock);
  governor.Observe(WithLimits(200, 300, 300, 17));
  EXPECT_EQ(governor.PauseRemaining(), milliseconds(17'000));
  EXPECT_EQ(governor.Reserve(), milliseconds(17'000));
}

TEST(RateGovernorTest, TooManyRequestsPausesUntilRetryAfter) {
  auto clock = std::make_shared<FakeClock>();
  RateGovernor governor({}, clock);
  governor.Observe(Response(429, "", {{"Retry-After", "9"}}));
  EXPECT_EQ(governor.Reserve(), milliseconds(9'000));
  clock->Advance(std::chrono::seconds(9));
  EXPECT_EQ(governor.PauseRemaining(), milliseconds(0));
}

TEST(RateGovernorTest, RetryAfterBeyondCapDoesNotPause) {
  auto clock = std::make_shared<FakeClock>();
  RateGovernor governor({}, clock);
  governor.Observe(Response(429, "", {{"Retry-After", "86400"}}));
  EXPECT_EQ(governor.PauseRemaining(), milliseconds(0));
}

TEST(RateGovernorTest, ThreadsGetDistinctEvenlySpacedSlots) {
  auto clock = std::make_shared<FakeClock>();  // frozen: every wait is measured from one instant
  RateGovernor governor(Policy(600, 1.0), clock);
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::vector<std::vector<milliseconds>> waits(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) waits[t].push_back(governor.Reserve());
    });
  }
  for (auto& thread : threads) thread.join();
  std::vector<milliseconds> all;
  for (auto const& w : waits) all.insert(all.end(), w.begin(), w.end());
  std::ranges::sort(all);
  ASSERT_EQ(all.size(), std::size_t{kThreads * kPerThread});
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], milliseconds(100 * i)) << i;
}

}  // namespace
}  // namespace gctq::http
