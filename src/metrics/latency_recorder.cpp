#include "gctq/metrics/latency_recorder.h"

#include <algorithm>

namespace gctq::metrics {

std::size_t LatencyRecorder::IndexOf(http::EndpointClass endpoint_class) {
  auto const& all = http::kAllEndpointClasses;
  auto it = std::find(all.begin(), all.end(), endpoint_class);
  return it == all.end() ? all.size() - 1 : static_cast<std::size_t>(it - all.begin());
}

void LatencyRecorder::Record(http::EndpointClass endpoint_class, std::chrono::microseconds latency,
                             std::chrono::microseconds waited, int attempt) {
  auto& per_class = classes_[IndexOf(endpoint_class)];
  per_class.histogram.Record(latency);
  if (attempt > 1) per_class.retries.fetch_add(1, std::memory_order_relaxed);
  if (waited.count() > 0) per_class.waited_micros.fetch_add(waited.count(), std::memory_order_relaxed);
}

void LatencyRecorder::OnCall(http::CallRecord const& record) {
  Record(record.endpoint_class, record.latency, record.waited, record.attempt);
}

LatencySnapshot LatencyRecorder::Snapshot() const {
  LatencySnapshot snapshot;
  for (std::size_t i = 0; i < classes_.size(); ++i) {
    auto const& per_class = classes_[i];
    EndpointLatency row;
    row.endpoint_class = http::kAllEndpointClasses[i];
    row.latency = per_class.histogram.Summarize();
    row.retries = per_class.retries.load(std::memory_order_relaxed);
    row.waited = std::chrono::microseconds(per_class.waited_micros.load(std::memory_order_relaxed));
    if (row.latency.count == 0 && row.waited.count() == 0) continue;
    snapshot.total_waited += row.waited;
    snapshot.endpoints.push_back(row);
  }
  return snapshot;
}

}  // namespace gctq::metrics
