#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "gctq/http/call_observer.h"
#include "gctq/http/endpoint_class.h"
#include "gctq/metrics/latency_histogram.h"

namespace gctq::metrics {

/// Per-endpoint-class figures for one run.
struct EndpointLatency {
  http::EndpointClass endpoint_class = http::EndpointClass::kOther;
  LatencySummary latency;
  std::uint64_t retries = 0;            ///< Calls that were a second or later attempt.
  std::chrono::microseconds waited{0};  ///< Time slept before calls: rate-limit pacing and backoff.
};

/// The run's latency figures, classes with no calls omitted.
struct LatencySnapshot {
  std::vector<EndpointLatency> endpoints;
  std::chrono::microseconds total_waited{0};
};

/// Times every HTTP call per EndpointClass. Thread-safe, constant memory. Wire it into the HTTP
/// stack as a CallObserver (see OnCall) or feed it directly with Record.
class LatencyRecorder : public http::CallObserver {
 public:
  /// CallObserver: records record.latency, record.waited and whether it was a retry.
  void OnCall(http::CallRecord const& record) override;

  /// One completed attempt: its latency, the time waited before it, and its attempt number (1-based).
  void Record(http::EndpointClass endpoint_class, std::chrono::microseconds latency,
              std::chrono::microseconds waited, int attempt = 1);

  [[nodiscard]] LatencySnapshot Snapshot() const;

 private:
  struct PerClass {
    LatencyHistogram histogram;
    std::atomic<std::uint64_t> retries{0};
    std::atomic<std::int64_t> waited_micros{0};
  };
  static std::size_t IndexOf(http::EndpointClass endpoint_class);

  std::array<PerClass, http::kAllEndpointClasses.size()> classes_;
};

}  // namespace gctq::metrics
