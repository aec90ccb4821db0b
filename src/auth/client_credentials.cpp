#include "auth/base64.h"
#include "gctq/auth/token.h"

namespace gctq::auth {
namespace {

class ClientCredentialsTokenSource final : public TokenSource {
 public:
  ClientCredentialsTokenSource(std::shared_ptr<http::Transport> transport, std::string login_base,
                               std::string const& client_id, std::string const& client_secret)
      : transport_(std::move(transport)),
        token_url_(std::move(login_base) + "/oauth/token"),
        basic_("Basic " + internal::Base64Encode(client_id + ":" + client_secret)) {}

  Result<AccessToken> Fetch() override {
    http::HttpRequest request;
    request.method = "POST";
    request.url = token_url_;
    request.endpoint_class = http::EndpointClass::kToken;
    request.headers = {{"Authorization", basic_},
                       {"Content-Type", "application/x-www-form-urlencoded"},
                       {"Accept", "application/json"}};
    request.body = "grant_type=client_credentials";
    auto response = transport_->Send(request);
    if (!response) {
      Error error = std::move(response).error();
      error.message = "token request failed: " + error.message;
      return error;
    }
    return ParseTokenResponse(*response);
  }

 private:
  std::shared_ptr<http::Transport> const transport_;
  std::string const token_url_;
  std::string const basic_;
};

}  // namespace

std::shared_ptr<TokenSource> MakeClientCredentialsTokenSource(std::shared_ptr<http::Transport> transport,
                                                              std::string login_base, std::string client_id,
                                                              std::string client_secret) {
  while (!login_base.empty() && login_base.back() == '/') login_base.pop_back();
  return std::make_shared<ClientCredentialsTokenSource>(std::move(transport), std::move(login_base),
                                                        client_id, client_secret);
}

}  // namespace gctq::auth
