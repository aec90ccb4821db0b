#pragma once

// Private helpers shared by the query and transcript stubs: request building and one way to send.

#include <string>
#include <string_view>

#include "gctq/core/error.h"
#include "gctq/core/result.h"
#include "gctq/http/transport.h"

namespace gctq::internal {

/// Sends and normalizes: a 2xx response is the value; a non-2xx response (from a bare transport) or
/// an Error (the decorated stack turns final non-2xx statuses into errors via http::MapHttpError)
/// is an Error whose message starts with `operation` and whose http_status is set when known.
Result<http::HttpResponse> SendChecked(http::Transport& transport, http::HttpRequest const& request,
                                       std::string_view operation);

/// Percent-encodes everything but unreserved characters (RFC 3986).
std::string UrlEncode(std::string_view text);

http::HttpRequest MakeRequest(std::string method, std::string url, http::EndpointClass endpoint_class);
http::HttpRequest MakeJsonPost(std::string url, std::string body, http::EndpointClass endpoint_class);

/// A fatal error ends the run: retrying other items cannot help (credentials, permission, quota).
bool IsFatal(Error const& error);

}  // namespace gctq::internal
