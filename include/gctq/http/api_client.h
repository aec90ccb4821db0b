#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/http/call_observer.h"
#include "gctq/http/clock.h"
#include "gctq/http/curl_transport.h"
#include "gctq/http/pacing.h"
#include "gctq/http/retry_policy.h"
#include "gctq/http/transport.h"

namespace gctq::http {

/// Everything needed to talk to one Genesys Cloud org. Plain aggregate; empty members get defaults.
struct ClientConfig {
  std::string api_base;    ///< e.g. "https://api.mypurecloud.ie" or the emulator's loopback URL.
  std::string login_base;  ///< e.g. "https://login.mypurecloud.ie".
  std::string client_id;
  std::string client_secret;  ///< Never appears in messages, logs or Describe().
  RetryPolicy retry;
  BackoffPolicy backoff;
  PacingPolicy pacing;
  std::shared_ptr<Clock> clock;          ///< Null = SystemClock().
  Sleeper sleeper;                       ///< Empty = RealSleeper().
  JitterSource jitter;                   ///< Empty = DefaultJitter().
  std::shared_ptr<Transport> transport;  ///< Null = MakeCurlTransport(curl).
  CurlOptions curl;
  std::vector<std::shared_ptr<CallObserver>> observers;
};

/// "api https://api.x, login https://login.x, client id abc, client secret [redacted]".
std::string Describe(ClientConfig const& config);

/// Builds the decorated stack, outermost first:
///   retry → pacing → auth (bearer, 401 refresh) → observer → transport.
/// Token requests go through observer → transport only. Send() is ok only for 2xx; any other
/// final status is an Error from MapHttpError (http_status, service_code, context_id set).
/// kInvalidArgument when a base URL is missing/insecure (plain http only to loopback) or the
/// credentials are empty. Thread-safe: share one stack among all threads of a run.
Result<std::shared_ptr<Transport>> MakeApiTransport(ClientConfig config);

/// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// std::getenv.
EnvLookup ProcessEnvironment();

/// Reads GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION
/// (a key like "eu-west-1"/"eu_west_1" or a domain like "mypurecloud.ie"). GCTQ_EMULATOR_URL,
/// when set, replaces both base URLs (region then optional). kInvalidArgument names every
/// missing variable, or lists the valid region keys.
Result<ClientConfig> ConfigFromEnvironment(EnvLookup const& env = ProcessEnvironment());

}  // namespace gctq::http
