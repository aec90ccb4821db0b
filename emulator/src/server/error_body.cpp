#include "server/error_body.h"

#include <nlohmann/json.hpp>

#include "server/ids.h"

namespace gctq_emulator::server {

ApiError BadRequest(std::string message) {
  return {400, "bad.request", std::move(message), {}};
}

ApiError NotFound(std::string message) {
  return {404, "not.found", std::move(message), {}};
}

void SendError(httplib::Response& response, ApiError const& error) {
  nlohmann::ordered_json body;
  body["message"] = error.message;
  body["code"] = error.code;
  body["status"] = error.status;
  if (!error.message_params.empty()) body["messageParams"] = error.message_params;
  body["contextId"] = RandomUuid();
  body["details"] = nlohmann::json::array();
  body["errors"] = nlohmann::json::array();
  SendJson(response, error.status, body.dump());
}

void SendJson(httplib::Response& response, int status, std::string body) {
  response.status = status;
  response.set_content(std::move(body), "application/json");
}

}  // namespace gctq_emulator::server
