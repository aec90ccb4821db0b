#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "gctq/core/result.h"
#include "gctq/http/transport.h"

namespace gctq::auth {

/// An OAuth access token. `value` is a secret: never log or print it.
struct AccessToken {
  std::string value;
  std::string token_type = "bearer";
  std::chrono::seconds expires_in{86400};
};

/// Pure parsing of a `POST /oauth/token` reply. 2xx → the token (kDataLoss if malformed);
/// 400/401 `invalid_client` → kUnauthenticated naming the credential variables; other statuses
/// → MapHttpError (so 429/5xx stay kUnavailable and retryable). Messages never hold the body.
Result<AccessToken> ParseTokenResponse(http::HttpResponse const& response);

/// Where tokens come from.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  virtual Result<AccessToken> Fetch() = 0;
};

/// Client-credentials grant: `POST {login_base}/oauth/token`, Basic base64(id:secret),
/// form `grant_type=client_credentials`, endpoint class kToken.
std::shared_ptr<TokenSource> MakeClientCredentialsTokenSource(std::shared_ptr<http::Transport> transport,
                                                              std::string login_base, std::string client_id,
                                                              std::string client_secret);

}  // namespace gctq::auth
