#include "query/api_response.h"

#include <fmt/format.h>

#include <cctype>

#include "gctq/http/http_error.h"

namespace gctq::internal {

Result<http::HttpResponse> SendChecked(http::Transport& transport, http::HttpRequest const& request,
                                       std::string_view operation) {
  auto response = transport.Send(request);
  if (response && http::IsSuccessStatus(response->status)) return response;
  Error error = response ? http::MapHttpError(response->status, response->body) : std::move(response).error();
  error.message = fmt::format("{}: {}", operation, error.message);
  return error;
}

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

http::HttpRequest MakeRequest(std::string method, std::string url, http::EndpointClass endpoint_class) {
  http::HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.endpoint_class = endpoint_class;
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

http::HttpRequest MakeJsonPost(std::string url, std::string body, http::EndpointClass endpoint_class) {
  http::HttpRequest request = MakeRequest("POST", std::move(url), endpoint_class);
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = std::move(body);
  return request;
}

bool IsFatal(Error const& error) {
  return error.code == ErrorCode::kUnauthenticated || error.code == ErrorCode::kPermissionDenied ||
         error.code == ErrorCode::kQuotaExhausted;
}

}  // namespace gctq::internal
