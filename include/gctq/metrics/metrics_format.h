#pragma once

#include <string>

#include "gctq/core/result.h"
#include "gctq/metrics/latency_recorder.h"

namespace gctq::metrics {

/// Fixed-width table for the run summary: one row per endpoint class with count, p50, p95, p99, max
/// (milliseconds), retries and time waited, then a total line.
std::string FormatLatencyTable(LatencySnapshot const& snapshot);

/// Prometheus text exposition format (version 0.0.4). Metric names, all labelled only by
/// `endpoint_class` (a fixed set: token, details_page, ... see EndpointClass; never a URL):
///   gctq_http_request_duration_seconds{endpoint_class,quantile="0.5|0.95|0.99"}  summary
///   gctq_http_request_duration_seconds_sum / _count                              summary
///   gctq_http_request_duration_max_seconds{endpoint_class}                       gauge
///   gctq_http_retries_total{endpoint_class}                                      counter
///   gctq_http_wait_seconds_total{endpoint_class}   time slept for rate limits and retry backoff
std::string FormatPrometheus(LatencySnapshot const& snapshot);

/// Writes FormatPrometheus to `path` atomically (temporary file + rename), for `--metrics-file`.
Status WritePrometheusFile(LatencySnapshot const& snapshot, std::string const& path);

}  // namespace gctq::metrics
