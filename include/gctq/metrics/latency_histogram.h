#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace gctq::metrics {

/// A point-in-time summary of a LatencyHistogram. Quantiles are bucket upper bounds (at most ~12.5%
/// above the true value), clamped to the observed maximum.
struct LatencySummary {
  std::uint64_t count = 0;
  std::chrono::microseconds sum{0};
  std::chrono::microseconds p50{0};
  std::chrono::microseconds p95{0};
  std::chrono::microseconds p99{0};
  std::chrono::microseconds max{0};
};

/// Log-bucketed latency histogram: 8 sub-buckets per power of two from 1 µs to ~12 days, fixed
/// memory (~2.5 KB), lock-free and thread-safe for concurrent Record and Summarize.
class LatencyHistogram {
 public:
  static constexpr int kSubBucketBits = 3;
  static constexpr int kSubBuckets = 1 << kSubBucketBits;
  static constexpr int kMaxExponent = 40;
  static constexpr int kBucketCount = kSubBuckets + (kMaxExponent - kSubBucketBits + 1) * kSubBuckets;

  void Record(std::chrono::microseconds latency);
  [[nodiscard]] LatencySummary Summarize() const;

  /// Bucket index of a value in microseconds, and the largest value that falls in a bucket.
  static int BucketOf(std::uint64_t micros);
  static std::uint64_t UpperBoundOf(int bucket);

 private:
  [[nodiscard]] std::uint64_t Quantile(std::array<std::uint64_t, kBucketCount> const& counts,
                                       std::uint64_t total, double q) const;

  std::array<std::atomic<std::uint64_t>, kBucketCount> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
  std::atomic<std::uint64_t> max_micros_{0};
};

}  // namespace gctq::metrics
