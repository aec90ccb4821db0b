#include "gctq/metrics/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace gctq::metrics {

int LatencyHistogram::BucketOf(std::uint64_t micros) {
  if (micros < static_cast<std::uint64_t>(kSubBuckets)) return static_cast<int>(micros);
  int exponent = std::bit_width(micros) - 1;
  if (exponent > kMaxExponent) return kBucketCount - 1;
  auto sub = static_cast<int>((micros >> (exponent - kSubBucketBits)) & (kSubBuckets - 1));
  return kSubBuckets + (exponent - kSubBucketBits) * kSubBuckets + sub;
}

std::uint64_t LatencyHistogram::UpperBoundOf(int bucket) {
  if (bucket < kSubBuckets) return static_cast<std::uint64_t>(bucket);
  int exponent = (bucket - kSubBuckets) / kSubBuckets + kSubBucketBits;
  auto sub = static_cast<std::uint64_t>((bucket - kSubBuckets) % kSubBuckets);
  return ((kSubBuckets + sub + 1) << (exponent - kSubBucketBits)) - 1;
}

void LatencyHistogram::Record(std::chrono::microseconds latency) {
  auto micros = static_cast<std::uint64_t>(std::max<std::int64_t>(0, latency.count()));
  buckets_[BucketOf(micros)].fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(micros, std::memory_order_relaxed);
  auto seen = max_micros_.load(std::memory_order_relaxed);
  while (micros > seen && !max_micros_.compare_exchange_weak(seen, micros, std::memory_order_relaxed)) {
  }
  count_.fetch_add(1, std::memory_order_release);
}

std::uint64_t LatencyHistogram::Quantile(std::array<std::uint64_t, kBucketCount> const& counts,
                                         std::uint64_t total, double q) const {
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total)));
  rank = std::clamp<std::uint64_t>(rank, 1, total);
  std::uint64_t seen = 0;
  for (int i = 0; i < kBucketCount; ++i) {
    seen += counts[i];
    if (seen >= rank) return UpperBoundOf(i);
  }
  return UpperBoundOf(kBucketCount - 1);
}

LatencySummary LatencyHistogram::Summarize() const {
  std::array<std::uint64_t, kBucketCount> counts{};
  std::uint64_t total = 0;
  for (int i = 0; i < kBucketCount; ++i) {
    counts[i] = buckets_[i].load(std::memory_order_relaxed);
    total += counts[i];
  }
  LatencySummary summary;
  if (total == 0) return summary;
  auto max = max_micros_.load(std::memory_order_relaxed);
  auto clamp = [max](std::uint64_t v) { return std::chrono::microseconds(std::min(v, max)); };
  summary.count = total;
  summary.sum = std::chrono::microseconds(sum_micros_.load(std::memory_order_relaxed));
  summary.p50 = clamp(Quantile(counts, total, 0.50));
  summary.p95 = clamp(Quantile(counts, total, 0.95));
  summary.p99 = clamp(Quantile(counts, total, 0.99));
  summary.max = std::chrono::microseconds(max);
  return summary;
}

}  // namespace gctq::metrics
