#include <nlohmann/json.hpp>

#include "gctq/auth/token.h"
#include "gctq/http/http_error.h"

namespace gctq::auth {
namespace {

constexpr std::chrono::seconds kMinLifetime{1};

Error RejectedCredentials(int status, http::ErrorBody const& body) {
  Error error =
      MakeError(ErrorCode::kUnauthenticated,
                "the OAuth client credentials were rejected (" + body.code +
                    "): check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and the region");
  error.http_status = status;
  error.service_code = body.code;
  return error;
}

}  // namespace

Result<AccessToken> ParseTokenResponse(http::HttpResponse const& response) {
  if (!http::IsSuccessStatus(response.status)) {
    auto const body = http::ParseErrorBody(response.body);
    if (body && (body->code == "invalid_client" || body->code == "unauthorized_client")) {
      return RejectedCredentials(response.status, *body);
    }
    Error error = http::MapHttpError(response.status, response.body);
    error.message = "token request failed: " + error.message;
    return error;
  }
  auto const j = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  auto const malformed = [](std::string_view why) {
    return MakeError(ErrorCode::kDataLoss, "malformed token response: " + std::string(why));
  };
  if (!j.is_object()) return malformed("not a JSON object");
  auto const token = j.find("access_token");
  if (token == j.end() || !token->is_string() || token->get<std::string>().empty()) {
    return malformed("no access_token");
  }
  AccessToken out;
  out.value = token->get<std::string>();
  if (auto const type = j.find("token_type"); type != j.end() && type->is_string()) out.token_type = *type;
  if (auto const expires = j.find("expires_in"); expires != j.end()) {
    if (!expires->is_number()) return malformed("expires_in is not a number");
    out.expires_in = std::max(std::chrono::seconds(expires->get<std::int64_t>()), kMinLifetime);
  }
  return out;
}

}  // namespace gctq::auth
