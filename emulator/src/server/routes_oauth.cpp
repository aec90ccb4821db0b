// POST /oauth/token: the client-credentials grant.

#include <nlohmann/json.hpp>

#include "server/app.h"
#include "server/error_body.h"

namespace gctq_emulator::server {
namespace {

std::optional<std::string> Base64Decode(std::string_view text) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int buffer = 0, bits = 0;
  for (char c : text) {
    if (c == '=') break;
    std::size_t const value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | int(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char((buffer >> bits) & 0xff));
    }
  }
  return out;
}

void SendOAuthError(httplib::Response& response, int status, std::string const& error,
                    std::string const& text) {
  nlohmann::ordered_json body{{"error", error}, {"description", text}, {"error_description", text}};
  SendJson(response, status, body.dump());
}

/// Credentials from `Authorization: Basic`, else from the form (client_id, client_secret).
bool ReadCredentials(httplib::Request const& request, std::string& id, std::string& secret) {
  std::string const header = request.get_header_value("Authorization");
  if (header.size() > 6 && (header.starts_with("Basic ") || header.starts_with("basic "))) {
    auto const decoded = Base64Decode(header.substr(6));
    if (!decoded) return false;
    std::size_t const colon = decoded->find(':');
    if (colon == std::string::npos) return false;
    id = decoded->substr(0, colon);
    secret = decoded->substr(colon + 1);
    return true;
  }
  id = request.get_param_value("client_id");
  secret = request.get_param_value("client_secret");
  return !id.empty();
}

}  // namespace

void RegisterOAuthRoutes(App& app, httplib::Server& server) {
  server.Post("/oauth/token", app.Plain([&app](httplib::Request const& request, httplib::Response& response,
                                               RequestContext& context) {
    std::string const content_type = request.get_header_value("Content-Type");
    if (!content_type.starts_with("application/x-www-form-urlencoded")) {
      SendOAuthError(response, 400, "invalid_request",
                     "Content-Type must be application/x-www-form-urlencoded");
      return;
    }
    std::string const grant_type = request.get_param_value("grant_type");
    if (grant_type != "client_credentials") {
      SendOAuthError(response, 400, "unsupported_grant_type", "grant_type must be client_credentials");
      return;
    }
    std::string id, secret;
    std::optional<std::string> token;
    if (ReadCredentials(request, id, secret)) token = app.tokens().Issue(id, secret, context.now_ms);
    if (!token) {
      SendOAuthError(response, 401, "invalid_client", "client not found or bad client credentials");
      return;
    }
    nlohmann::ordered_json body{{"access_token", *token},
                                {"token_type", "bearer"},
                                {"expires_in", app.tokens().lifetime_ms() / 1000}};
    SendJson(response, 200, body.dump());
  }));
}

}  // namespace gctq_emulator::server
