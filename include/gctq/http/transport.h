#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/http/endpoint_class.h"

namespace gctq::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// Case-insensitive header lookup; empty when absent.
std::string_view FindHeader(HeaderList const& headers, std::string_view name);

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  HeaderList headers;
  std::string body;
  EndpointClass endpoint_class = EndpointClass::kOther;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  // Filled in by the retry and pacing decorators for CallObserver; callers leave the defaults.
  int attempt = 1;                      ///< 1-based attempt number of this logical call.
  std::chrono::milliseconds waited{0};  ///< Backoff + pacing waited before this attempt.
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  std::chrono::microseconds elapsed{0};

  [[nodiscard]] std::string_view Header(std::string_view name) const { return FindHeader(headers, name); }
};

/// The only path to the network. An HTTP 4xx/5xx is a successful Send; only transport failures
/// (connection refused/reset, timeout, truncated body) are errors (ErrorCode::kUnavailable or
/// kDeadlineExceeded). Implementations are thread-safe.
/// Note: the fully decorated stack from MakeApiTransport (api_client.h) is the one exception: it
/// returns an Error (via MapHttpError) for every final non-2xx status.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual Result<HttpResponse> Send(HttpRequest const& request) = 0;
};

}  // namespace gctq::http
