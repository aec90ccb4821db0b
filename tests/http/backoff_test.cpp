#include <gtest/gtest.h>

#include "gctq/http/retry_policy.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;

TEST(BackoffTest, FullJitterStaysWithinCappedExponentialBound) {
  BackoffPolicy const policy{milliseconds(100), milliseconds(5'000), 2.0};
  for (int i = 0; i < 12; ++i) {
    milliseconds const bound = std::min(milliseconds(100 << i), milliseconds(5'000));
    EXPECT_EQ(BackoffDelay(policy, i, 0.0), milliseconds(0)) << i;
    EXPECT_EQ(BackoffDelay(policy, i, 1.0), bound) << i;
    EXPECT_LE(BackoffDelay(policy, i, 0.999), bound) << i;
    EXPECT_EQ(BackoffDelay(policy, i, 0.5), bound / 2) << i;
  }
}

TEST(BackoffTest, ClampsOutOfRangeJitterAndOddPolicies) {
  BackoffPolicy const policy{milliseconds(100), milliseconds(1'000), 0.5};  // factor < 1 acts as 1
  EXPECT_EQ(BackoffDelay(policy, 5, 7.0), milliseconds(100));
  EXPECT_EQ(BackoffDelay(policy, -3, -1.0), milliseconds(0));
  BackoffPolicy const huge{milliseconds(100), milliseconds(2'000), 10.0};
  EXPECT_EQ(BackoffDelay(huge, 400, 1.0), milliseconds(2'000));
}

TEST(BackoffTest, DefaultJitterIsInUnitInterval) {
  auto jitter = DefaultJitter();
  for (int i = 0; i < 1000; ++i) {
    double const u = jitter();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(IdempotencyTest, PerEndpointClass) {
  EXPECT_TRUE(IsIdempotent(EndpointClass::kDetailsPage, "POST"));
  EXPECT_FALSE(IsIdempotent(EndpointClass::kAsyncJobSubmit, "POST"));
  EXPECT_TRUE(IsIdempotent(EndpointClass::kTranscriptDownload, "GET"));
  EXPECT_TRUE(IsIdempotent(EndpointClass::kWebhook, "POST"));
  EXPECT_TRUE(IsIdempotent(EndpointClass::kOther, "GET"));
  EXPECT_FALSE(IsIdempotent(EndpointClass::kOther, "POST"));
}

}  // namespace
}  // namespace gctq::http
