#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "gctq/http/transport.h"

namespace gctq::http {

struct CurlOptions {
  std::string user_agent = "gctq/0.1";
  /// Idle easy handles (each keeps its live connection) kept for reuse; more threads than this
  /// still work, their extra handles are closed after use.
  std::size_t max_idle_handles = 16;
  /// Abort an attempt that transfers under 1 byte/s for this long (stalled peer).
  std::chrono::seconds low_speed_time{30};
  /// Responses larger than this fail with kDataLoss instead of exhausting memory.
  std::size_t max_response_bytes = std::size_t{256} << 20;
  /// CA bundle path; empty = the system default.
  std::string ca_info;
};

/// The production Transport over libcurl: HTTP/1.1, keep-alive through a pool of easy handles
/// (thread-safe), the request's connect/total timeouts, no redirects, no verbose tracing.
/// Plain http is refused (kInvalidArgument) unless the host is loopback. Errors: timeout →
/// kDeadlineExceeded; refused/reset/truncated body (Content-Length mismatch) → kUnavailable.
std::shared_ptr<Transport> MakeCurlTransport(CurlOptions options = {});

}  // namespace gctq::http
