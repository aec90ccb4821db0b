#include "gctq/auth/token_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <thread>

#include "http/fake_clock.h"

namespace gctq::auth {
namespace {

using std::chrono::seconds;
using testing::FakeClock;

/// Hands out "t1", "t2", ... with the given lifetime, or scripted failures.
class ScriptedSource : public TokenSource {
 public:
  explicit ScriptedSource(seconds lifetime) : lifetime_(lifetime) {}
  Result<AccessToken> Fetch() override {
    if (gate_) gate_();
    std::lock_guard lock(mu_);
    if (!failures_.empty()) {
      Error error = failures_.front();
      failures_.pop_front();
      return error;
    }
    return AccessToken{"t" + std::to_string(++issued_), "bearer", lifetime_};
  }
  void FailNext(ErrorCode code) {
    std::lock_guard lock(mu_);
    failures_.push_back(MakeError(code, "token endpoint down"));
  }
  std::function<void()> gate_;  // runs first in every Fetch (set before use)

 private:
  std::mutex mu_;
  seconds const lifetime_;
  int issued_ = 0;
  std::deque<Error> failures_;
};

TEST(TokenCacheTest, ReusesTheTokenUntilNinetyPercentOfItsLife) {
  auto clock = std::make_shared<FakeClock>();
  auto source = std::make_shared<ScriptedSource>(seconds(1000));
  TokenCache cache(source, clock);
  EXPECT_EQ(*cache.Get(), "t1");
  clock->Advance(seconds(899));
  EXPECT_EQ(*cache.Get(), "t1");
  EXPECT_EQ(cache.fetch_count(), 1);
  clock->Advance(seconds(1));
  EXPECT_EQ(*cache.Get(), "t2");
  EXPECT_EQ(cache.fetch_count(), 2);
}

TEST(TokenCacheTest, KeepsServingAValidTokenWhenRefreshFails) {
  auto clock = std::make_shared<FakeClock>();
  auto source = std::make_shared<ScriptedSource>(seconds(1000));
  TokenCache cache(source, clock);
  EXPECT_EQ(*cache.Get(), "t1");
  clock->Advance(seconds(950));
  source->FailNext(ErrorCode::kUnavailable);
  EXPECT_EQ(*cache.Get(), "t1");  // refresh failed, old token still valid
  EXPECT_EQ(*cache.Get(), "t1");  // and no immediate second attempt
  EXPECT_EQ(cache.fetch_count(), 2);
  clock->Advance(seconds(10));
  EXPECT_EQ(*cache.Get(), "t2");
}

TEST(TokenCacheTest, FailsWhenNoValidTokenRemains) {
  auto clock = std::make_shared<FakeClock>();
  auto source = std::make_shared<ScriptedSource>(seconds(1000));
  TokenCache cache(source, clock);
  source->FailNext(ErrorCode::kUnauthenticated);
  auto token = cache.Get();
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(*cache.Get(), "t1");
}

TEST(TokenCacheTest, InvalidateDropsOnlyTheRejectedToken) {
  auto clock = std::make_shared<FakeClock>();
  TokenCache cache(std::make_shared<ScriptedSource>(seconds(1000)), clock);
  EXPECT_EQ(*cache.Get(), "t1");
  cache.Invalidate("t0");  // stale rejection from an older token: ignored
  EXPECT_EQ(*cache.Get(), "t1");
  cache.Invalidate("t1");
  EXPECT_EQ(*cache.Get(), "t2");
  cache.Invalidate("t1");  // a second thread's late 401 for t1 does not drop t2
  EXPECT_EQ(*cache.Get(), "t2");
  EXPECT_EQ(cache.fetch_count(), 2);
}

TEST(TokenCacheTest, SingleFlightUnderConcurrency) {
  constexpr int kThreads = 8;
  auto clock = std::make_shared<FakeClock>();
  auto source = std::make_shared<ScriptedSource>(seconds(1000));
  std::mutex mu;
  std::condition_variable all_arrived;
  int arrived = 0;
  // The one Fetch waits (bounded) until every thread has called Get, so they pile up behind it.
  source->gate_ = [&] {
    std::unique_lock lock(mu);
    all_arrived.wait_for(lock, seconds(5), [&] { return arrived == kThreads; });
  };
  TokenCache cache(source, clock);
  std::vector<std::thread> threads;
  std::vector<std::string> got(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      {
        std::lock_guard lock(mu);
        ++arrived;
      }
      all_arrived.notify_all();
      got[t] = cache.Get().value();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cache.fetch_count(), 1);
  for (auto const& token : got) EXPECT_EQ(token, "t1");
}

TEST(TokenCacheTest, WaitersShareAFailedRefreshInsteadOfRetryingIt) {
  constexpr int kThreads = 6;
  auto clock = std::make_shared<FakeClock>();
  auto source = std::make_shared<ScriptedSource>(seconds(1000));
  source->FailNext(ErrorCode::kUnauthenticated);
  std::mutex mu;
  std::condition_variable all_arrived;
  int arrived = 0;
  source->gate_ = [&] {
    std::unique_lock lock(mu);
    all_arrived.wait_for(lock, seconds(5), [&] { return arrived == kThreads; });
  };
  TokenCache cache(source, clock);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      {
        std::lock_guard lock(mu);
        ++arrived;
      }
      all_arrived.notify_all();
      if (!cache.Get().ok()) ++failures;
    });
  }
  for (auto& thread : threads) thread.join();
  // Threads that arrived during the failed refresh got its error; any late ones refreshed again.
  EXPECT_GE(failures.load(), 1);
  EXPECT_LE(cache.fetch_count(), 1 + (kThreads - failures.load()));
}

}  // namespace
}  // namespace gctq::auth
