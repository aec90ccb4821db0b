#include "gctq/metrics/latency_histogram.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace gctq::metrics {
namespace {

using std::chrono::microseconds;

TEST(LatencyHistogram, EmptyIsZero) {
  LatencyHistogram histogram;
  auto summary = histogram.Summarize();
  EXPECT_EQ(summary.count, 0U);
  EXPECT_EQ(summary.max.count(), 0);
}

TEST(LatencyHistogram, BucketsCoverValuesWithBoundedRelativeError) {
  for (std::uint64_t v : {0ULL, 1ULL, 7ULL, 8ULL, 9ULL, 1000ULL, 123456ULL, 987654321ULL}) {
    int bucket = LatencyHistogram::BucketOf(v);
    ASSERT_LT(bucket, LatencyHistogram::kBucketCount);
    auto upper = LatencyHistogram::UpperBoundOf(bucket);
    EXPECT_GE(upper, v);
    EXPECT_LE(static_cast<double>(upper), static_cast<double>(v) * 1.125 + 1) << v;
    if (bucket > 0) {
      EXPECT_LT(LatencyHistogram::UpperBoundOf(bucket - 1), v) << v;
    }
  }
}

TEST(LatencyHistogram, QuantilesOfUniformMilliseconds) {
  LatencyHistogram histogram;
  for (int ms = 1; ms <= 1000; ++ms) histogram.Record(microseconds(ms * 1000));
  auto summary = histogram.Summarize();
  EXPECT_EQ(summary.count, 1000U);
  EXPECT_EQ(summary.max, microseconds(1'000'000));
  EXPECT_NEAR(summary.p50.count(), 500'000, 500'000 * 0.13);
  EXPECT_NEAR(summary.p95.count(), 950'000, 950'000 * 0.13);
  EXPECT_NEAR(summary.p99.count(), 990'000, 990'000 * 0.13);
  EXPECT_LE(summary.p99, summary.max);
  EXPECT_EQ(summary.sum.count(), 500'500'000);
}

TEST(LatencyHistogram, HugeAndNegativeValuesAreClamped) {
  LatencyHistogram histogram;
  histogram.Record(microseconds(-5));
  histogram.Record(microseconds(std::int64_t{1} << 60));
  auto summary = histogram.Summarize();
  EXPECT_EQ(summary.count, 2U);
  EXPECT_EQ(summary.p50.count(), 0);
}

TEST(LatencyHistogram, ConcurrentRecordsAreAllCounted) {
  LatencyHistogram histogram;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&histogram, t] {
      for (int i = 0; i < 10'000; ++i) histogram.Record(microseconds(100 * (t + 1) + i % 50));
    });
  }
  for (auto& thread : threads) thread.join();
  auto summary = histogram.Summarize();
  EXPECT_EQ(summary.count, 40'000U);
  EXPECT_EQ(summary.max, microseconds(449));
}

}  // namespace
}  // namespace gctq::metrics
