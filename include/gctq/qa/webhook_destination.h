#pragma once

#include <string>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::qa {

/// Where webhook events go and which environment variable holds its `whsec_` secret. The secret
/// itself is never stored (not in the outbox, the audit log or on the command line).
struct WebhookDestination {
  std::string url;
  std::string secret_env;
};

inline constexpr char kDefaultWebhookSecretEnv[] = "GCTQ_QA_WEBHOOK_SECRET";

/// Parses a `--qa-webhook` value: `URL` or `URL#ENV_VAR` (env var names: [A-Za-z_][A-Za-z0-9_]*).
/// Only http:// and https:// URLs; a URL without `#ENV_VAR` uses GCTQ_QA_WEBHOOK_SECRET.
Result<WebhookDestination> ParseWebhookDestination(std::string_view spec);

}  // namespace gctq::qa
