#pragma once

// The Genesys Cloud ErrorBody and the helpers that send it.

#include <httplib.h>

#include <map>
#include <string>

namespace gctq_emulator::server {

struct ApiError {
  int status = 400;
  std::string code;  ///< bad.request, invalid.date, authentication.required, ...
  std::string message;
  std::map<std::string, std::string> message_params;
};

ApiError BadRequest(std::string message);
ApiError NotFound(std::string message);

/// Writes `error` as an ErrorBody JSON (message, code, status, contextId, ...) with its status.
void SendError(httplib::Response& response, ApiError const& error);

/// Writes a JSON body with a status.
void SendJson(httplib::Response& response, int status, std::string body);

}  // namespace gctq_emulator::server
