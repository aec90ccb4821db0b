#pragma once

// A test-only Transport over cpp-httplib's client, so delivery tests do not depend on libcurl.
#include <httplib.h>

#include "gctq/http/transport.h"

namespace gctq::qa::testing {

class HttplibTransport : public http::Transport {
 public:
  Result<http::HttpResponse> Send(http::HttpRequest const& request) override {
    auto scheme_end = request.url.find("://");
    auto path_start = request.url.find('/', scheme_end + 3);
    std::string base = request.url.substr(0, path_start);
    std::string path = path_start == std::string::npos ? "/" : request.url.substr(path_start);
    httplib::Client client(base);
    auto ms = [](std::chrono::milliseconds d) {
      return std::chrono::duration_cast<std::chrono::microseconds>(d);
    };
    client.set_connection_timeout(ms(request.connect_timeout));
    client.set_read_timeout(ms(request.total_timeout));
    client.set_write_timeout(ms(request.total_timeout));
    httplib::Headers headers;
    std::string content_type = "application/json";
    for (auto const& [k, v] : request.headers) {
      if (k == "content-type") {
        content_type = v;
      } else {
        headers.emplace(k, v);
      }
    }
    auto result = client.Post(path, headers, request.body, content_type);
    if (!result) {
      auto code =
          result.error() == httplib::Error::Read ? ErrorCode::kDeadlineExceeded : ErrorCode::kUnavailable;
      return MakeError(code, "webhook request failed: " + httplib::to_string(result.error()));
    }
    http::HttpResponse response;
    response.status = result->status;
    response.body = result->body;
    for (auto const& [k, v] : result->headers) response.headers.emplace_back(k, v);
    return response;
  }
};

}  // namespace gctq::qa::testing
