#include "gctq/http/api_client.h"

#include "gctq/auth/auth_transport.h"
#include "gctq/http/observed_transport.h"
#include "gctq/http/retry_transport.h"
#include "gctq/http/url.h"

namespace gctq::http {
namespace {

std::string TrimSlashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Status Validate(ClientConfig const& config) {
  if (config.api_base.empty()) return MakeError(ErrorCode::kInvalidArgument, "the API base URL is empty");
  if (config.login_base.empty()) return MakeError(ErrorCode::kInvalidArgument, "the login base URL is empty");
  GCTQ_TRY(CheckTransportSecurity(config.api_base));
  GCTQ_TRY(CheckTransportSecurity(config.login_base));
  if (config.client_id.empty()) return MakeError(ErrorCode::kInvalidArgument, "the OAuth client id is empty");
  if (config.client_secret.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the OAuth client secret is empty");
  }
  return Ok{};
}

}  // namespace

std::string Describe(ClientConfig const& config) {
  return "api " + SanitizeUrl(config.api_base) + ", login " + SanitizeUrl(config.login_base) +
         ", client id " + config.client_id + ", client secret " +
         (config.client_secret.empty() ? "(missing)" : "[redacted]");
}

Result<std::shared_ptr<Transport>> MakeApiTransport(ClientConfig config) {
  config.api_base = TrimSlashes(std::move(config.api_base));
  config.login_base = TrimSlashes(std::move(config.login_base));
  GCTQ_TRY(Validate(config));
  if (!config.clock) config.clock = SystemClock();
  if (!config.sleeper) config.sleeper = RealSleeper();
  if (!config.transport) config.transport = MakeCurlTransport(config.curl);
  config.pacing.retry_after_cap = config.retry.retry_after_cap;
  config.pacing.retry_after_default = config.retry.retry_after_default;

  // Built bottom-up; a request travels, outermost first:
  //   retry → pacing → auth → observer → transport
  // Token requests skip retry, pacing and auth: they go through observer → transport.
  auto observed = MakeObservedTransport(config.transport, std::move(config.observers), config.clock);
  auto tokens = std::make_shared<auth::TokenCache>(
      auth::MakeClientCredentialsTokenSource(observed, config.login_base, config.client_id,
                                             config.client_secret),
      config.clock);
  auto authed = auth::MakeAuthTransport(observed, std::move(tokens), config.api_base);
  std::shared_ptr<Transport> paced = authed;
  if (config.pacing.enabled) {
    auto governor = std::make_shared<RateGovernor>(config.pacing, config.clock);
    paced = MakePacedTransport(authed, std::move(governor), config.api_base, config.sleeper);
  }
  return MakeRetryTransport(std::move(paced), RetryOptions{config.retry, config.backoff, config.clock,
                                                           config.sleeper, config.jitter});
}

}  // namespace gctq::http
