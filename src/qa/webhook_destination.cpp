#include "gctq/qa/webhook_destination.h"

#include <fmt/format.h>

#include <cctype>

namespace gctq::qa {
namespace {

bool IsEnvName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

}  // namespace

Result<WebhookDestination> ParseWebhookDestination(std::string_view spec) {
  WebhookDestination destination;
  auto hash = spec.rfind('#');
  destination.url = std::string(spec.substr(0, hash));
  destination.secret_env =
      hash == std::string_view::npos ? kDefaultWebhookSecretEnv : std::string(spec.substr(hash + 1));
  if (!destination.url.starts_with("http://") && !destination.url.starts_with("https://")) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--qa-webhook: the URL must start with http:// or https://");
  }
  if (!IsEnvName(destination.secret_env)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--qa-webhook: after '#' give the NAME of the environment variable holding the secret");
  }
  return destination;
}

}  // namespace gctq::qa
