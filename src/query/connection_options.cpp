#include "gctq/query/connection_options.h"

#include "gctq/http/url.h"

namespace gctq::query {

Result<http::ClientConfig> ResolveClientConfig(ConnectionOptions const& options, http::EnvLookup const& env) {
  http::EnvLookup overridden = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "GENESYSCLOUD_REGION" && !options.region.empty()) return options.region;
    // An explicit --region wins over an emulator URL from the environment.
    if (name == "GCTQ_EMULATOR_URL" && !options.region.empty()) return std::nullopt;
    if (name == "GCTQ_EMULATOR_URL" && !options.api_base.empty()) return options.api_base;
    return env(name);
  };
  auto config = http::ConfigFromEnvironment(overridden);
  if (!config) return config;
  if (!options.api_base.empty()) {
    GCTQ_TRY(http::CheckTransportSecurity(options.api_base));
    config->api_base = options.api_base;
    while (!config->api_base.empty() && config->api_base.back() == '/') config->api_base.pop_back();
    if (options.login_base.empty()) config->login_base = config->api_base;
  }
  if (!options.login_base.empty()) {
    GCTQ_TRY(http::CheckTransportSecurity(options.login_base));
    config->login_base = options.login_base;
    while (!config->login_base.empty() && config->login_base.back() == '/') config->login_base.pop_back();
  }
  return config;
}

}  // namespace gctq::query
