#pragma once

#include <chrono>
#include <string>

#include "gctq/http/endpoint_class.h"

namespace gctq::http {

/// One HTTP attempt as seen at the bottom of the stack (after retry, pacing and auth).
struct CallRecord {
  EndpointClass endpoint_class = EndpointClass::kOther;
  std::string method;
  std::string sanitized_url;  ///< SanitizeUrl(): scheme://host/path, never a query string.
  int status = 0;             ///< HTTP status; 0 = transport error (see error_code).
  int attempt = 1;            ///< 1-based attempt number of the logical call.
  std::chrono::microseconds latency{0};
  std::chrono::milliseconds waited{0};  ///< Pacing + backoff spent before this attempt.
  std::string error_code;               ///< ToString(ErrorCode) when status == 0, else empty.
  std::string correlation_id;           ///< The `ININ-Correlation-Id` response header, if any.
};

/// Receives one record per attempt, including token requests. Called on the sending thread,
/// concurrently from many threads: implementations must be thread-safe and fast.
class CallObserver {
 public:
  virtual ~CallObserver() = default;
  virtual void OnCall(CallRecord const& record) = 0;
};

}  // namespace gctq::http
