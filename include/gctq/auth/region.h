#pragma once

#include <span>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::auth {

/// One Genesys Cloud region (api-reference.md §1).
struct Region {
  std::string_view key;     ///< e.g. "eu_west_1".
  std::string_view domain;  ///< e.g. "mypurecloud.ie".
};

/// All 18 regions, in the reference's order.
std::span<Region const> AllRegions();

struct RegionEndpoints {
  std::string key;
  std::string domain;
  std::string api_base;    ///< "https://api.<domain>"
  std::string login_base;  ///< "https://login.<domain>"
};

/// Accepts a key ("eu_west_1", "eu-west-1", any case) or a domain ("mypurecloud.ie", also with
/// an "api."/"login." prefix). kInvalidArgument lists the valid keys.
Result<RegionEndpoints> ResolveRegion(std::string_view key_or_domain);

/// "us_east_1, us_east_2, ...": for messages.
std::string ValidRegionKeys();

}  // namespace gctq::auth
