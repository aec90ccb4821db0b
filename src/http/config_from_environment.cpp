#include <cstdlib>

#include "gctq/auth/region.h"
#include "gctq/http/api_client.h"
#include "gctq/http/url.h"

namespace gctq::http {
namespace {

constexpr std::string_view kClientIdVar = "GENESYSCLOUD_OAUTHCLIENT_ID";
constexpr std::string_view kClientSecretVar = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
constexpr std::string_view kRegionVar = "GENESYSCLOUD_REGION";
constexpr std::string_view kEmulatorVar = "GCTQ_EMULATOR_URL";

std::string Get(EnvLookup const& env, std::string_view name) {
  return env(name).value_or("");
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    char const* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Result<ClientConfig> ConfigFromEnvironment(EnvLookup const& env) {
  ClientConfig config;
  config.client_id = Get(env, kClientIdVar);
  config.client_secret = Get(env, kClientSecretVar);
  std::string const emulator = Get(env, kEmulatorVar);
  std::string const region = Get(env, kRegionVar);

  std::string missing;
  auto const require = [&missing](std::string const& value, std::string_view name) {
    if (value.empty()) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  require(config.client_id, kClientIdVar);
  require(config.client_secret, kClientSecretVar);
  if (emulator.empty()) require(region, kRegionVar);
  if (!missing.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "missing environment variable(s): " + missing +
                                                      " (the region is one of " + auth::ValidRegionKeys() +
                                                      ")");
  }
  if (!emulator.empty()) {
    GCTQ_TRY(CheckTransportSecurity(emulator));
    config.api_base = emulator;
    config.login_base = emulator;
    while (!config.api_base.empty() && config.api_base.back() == '/') config.api_base.pop_back();
    config.login_base = config.api_base;
    return config;
  }
  auto const endpoints = auth::ResolveRegion(region);
  if (!endpoints) {
    Error error = endpoints.error();
    error.message = std::string(kRegionVar) + ": " + error.message;
    return error;
  }
  config.api_base = endpoints->api_base;
  config.login_base = endpoints->login_base;
  return config;
}

}  // namespace gctq::http
