#pragma once

#include <string>

#include "gctq/core/result.h"
#include "gctq/http/api_client.h"

namespace gctq::query {

/// Connection flags shared by `gctq query` and `gctq auth check`. Empty = not given.
struct ConnectionOptions {
  std::string region;      ///< --region: overrides GENESYSCLOUD_REGION.
  std::string api_base;    ///< --api-base: overrides the region's (and GCTQ_EMULATOR_URL's) API base.
  std::string login_base;  ///< --login-base: defaults to --api-base when only that is given.
};

/// The client configuration with the documented precedence: flag > environment
/// (GENESYSCLOUD_OAUTHCLIENT_ID/_SECRET/_REGION, GCTQ_EMULATOR_URL) > defaults. Credentials come
/// only from the environment, never from flags. kInvalidArgument names what is missing or wrong.
Result<http::ClientConfig> ResolveClientConfig(ConnectionOptions const& options,
                                               http::EnvLookup const& env = http::ProcessEnvironment());

}  // namespace gctq::query
