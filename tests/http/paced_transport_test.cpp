#include <gtest/gtest.h>

#include "gctq/http/pacing.h"
#include "http/fake_clock.h"
#include "http/fake_transport.h"
#include "http/rate_limited_server.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeTransport;
using testing::RateLimitedServer;
using testing::Response;

constexpr char kApiBase[] = "https://api.example.com";

PacingPolicy Policy(int allowed, double utilization) {
  PacingPolicy policy;
  policy.initial_allowed = allowed;
  policy.target_utilization = utilization;
  return policy;
}

class PacedTransportTest : public ::testing::Test {
 protected:
  std::shared_ptr<Transport> Make(PacingPolicy policy = {}) {
    governor_ = std::make_shared<RateGovernor>(policy, clock_);
    return MakePacedTransport(fake_, governor_, kApiBase, clock_->MakeSleeper());
  }
  static HttpRequest Get(std::string url) {
    HttpRequest request;
    request.url = std::move(url);
    return request;
  }

  /// Sends `n` requests one after another, each taking `latency`; returns the run's duration.
  std::chrono::steady_clock::duration Run(Transport& transport, int n, milliseconds latency) {
    auto const start = clock_->now();
    for (int i = 0; i < n; ++i) {
      auto result = transport.Send(Get(std::string(kApiBase) + "/api/v2/x"));
      EXPECT_TRUE(result.ok());
      clock_->Advance(latency);
    }
    return clock_->now() - start;
  }

  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<FakeTransport> fake_ = std::make_shared<FakeTransport>();
  std::shared_ptr<RateGovernor> governor_;
};

TEST_F(PacedTransportTest, StaysUnderTheAllowedRateWithFewTooManyRequests) {
  RateLimitedServer server(clock_, 300, seconds(60));
  fake_->SetFallback([&](HttpRequest const& r) { return server.Handle(r); });
  auto transport = Make();
  constexpr int kRequests = 3000;
  auto const elapsed = Run(*transport, kRequests, milliseconds(40));
  double const achieved_per_minute =
      server.accepted() * 60.0 / std::chrono::duration<double>(elapsed).count();
  EXPECT_GE(achieved_per_minute, 0.9 * 300) << achieved_per_minute;
  EXPECT_LE(server.rejected(), kRequests / 100);
}

TEST_F(PacedTransportTest, AdaptsToALowerAllowedRate) {
  RateLimitedServer server(clock_, 180, seconds(60));
  fake_->SetFallback([&](HttpRequest const& r) { return server.Handle(r); });
  auto transport = Make();
  constexpr int kRequests = 1800;
  auto const elapsed = Run(*transport, kRequests, milliseconds(5));
  double const achieved_per_minute =
      server.accepted() * 60.0 / std::chrono::duration<double>(elapsed).count();
  EXPECT_GE(achieved_per_minute, 0.9 * 180) << achieved_per_minute;
  EXPECT_LE(server.rejected(), kRequests / 100);
  EXPECT_EQ(governor_->allowed(), 180);
}

TEST_F(PacedTransportTest, WaitsForResetWhenAnotherClientUsedTheWindow) {
  RateLimitedServer server(clock_, 300, seconds(60));
  fake_->SetFallback([&](HttpRequest const& r) { return server.Handle(r); });
  auto transport = Make();
  ASSERT_TRUE(transport->Send(Get(std::string(kApiBase) + "/api/v2/x")).ok());
  server.ConsumeElsewhere(299);
  ASSERT_TRUE(transport->Send(Get(std::string(kApiBase) + "/api/v2/x")).ok());  // count 301: a 429
  auto const before = server.rejected();
  Run(*transport, 50, milliseconds(10));
  EXPECT_EQ(server.rejected(), before) << "requests were sent before the window reset";
}

TEST_F(PacedTransportTest, DownloadsAndWebhooksAreNotPaced) {
  fake_->SetFallback([](HttpRequest const&) { return Response(200); });
  auto transport = Make(Policy(1, 0.97));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(transport->Send(Get("https://bucket.s3.amazonaws.com/t.json?X-Amz-Signature=s")).ok());
  }
  EXPECT_TRUE(clock_->sleeps().empty());
}

TEST_F(PacedTransportTest, ReportsPacingWaitInTheRequest) {
  fake_->SetFallback([](HttpRequest const&) { return Response(200); });
  auto transport = Make(Policy(60, 1.0));
  ASSERT_TRUE(transport->Send(Get(std::string(kApiBase) + "/a")).ok());
  ASSERT_TRUE(transport->Send(Get(std::string(kApiBase) + "/a")).ok());
  auto const requests = fake_->requests();
  EXPECT_EQ(requests[0].waited, milliseconds(0));
  EXPECT_EQ(requests[1].waited, milliseconds(1'000));
}

}  // namespace
}  // namespace gctq::http
