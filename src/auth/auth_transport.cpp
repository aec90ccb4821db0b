#include "gctq/auth/auth_transport.h"

#include <algorithm>

#include "gctq/http/url.h"

namespace gctq::auth {
namespace {

using http::EndpointClass;

bool SameName(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

class AuthTransport final : public http::Transport {
 public:
  AuthTransport(std::shared_ptr<http::Transport> inner, std::shared_ptr<TokenCache> tokens,
                std::string api_base)
      : inner_(std::move(inner)), tokens_(std::move(tokens)), api_base_(std::move(api_base)) {}

  Result<http::HttpResponse> Send(http::HttpRequest const& request) override {
    if (!NeedsBearer(request, api_base_)) return inner_->Send(request);
    auto token = tokens_->Get();
    if (!token) return token.error();
    auto result = SendWithToken(request, *token);
    if (!result || result->status != 401) return result;
    tokens_->Invalidate(*token);
    token = tokens_->Get();
    if (!token) return token.error();
    return SendWithToken(request, *token);
  }

 private:
  Result<http::HttpResponse> SendWithToken(http::HttpRequest const& request, std::string const& token) {
    http::HttpRequest authorized = request;
    std::erase_if(authorized.headers, [](auto const& h) { return SameName(h.first, "Authorization"); });
    authorized.headers.emplace_back("Authorization", "Bearer " + token);
    return inner_->Send(authorized);
  }

  std::shared_ptr<http::Transport> const inner_;
  std::shared_ptr<TokenCache> const tokens_;
  std::string const api_base_;
};

}  // namespace

bool NeedsBearer(http::HttpRequest const& request, std::string_view api_base) {
  switch (request.endpoint_class) {
    case EndpointClass::kToken:
    case EndpointClass::kTranscriptDownload:
    case EndpointClass::kWebhook: return false;
    default: return !api_base.empty() && http::UrlIsUnderBase(request.url, api_base);
  }
}

std::shared_ptr<http::Transport> MakeAuthTransport(std::shared_ptr<http::Transport> inner,
                                                   std::shared_ptr<TokenCache> tokens, std::string api_base) {
  return std::make_shared<AuthTransport>(std::move(inner), std::move(tokens), std::move(api_base));
}

}  // namespace gctq::auth
