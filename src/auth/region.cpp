#include "gctq/auth/region.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace gctq::auth {
namespace {

constexpr std::array<Region, 18> kRegions = {{
    {"us_east_1", "mypurecloud.com"},
    {"us_east_2", "use2.us-gov-pure.cloud"},
    {"us_west_2", "usw2.pure.cloud"},
    {"ca_central_1", "cac1.pure.cloud"},
    {"sa_east_1", "sae1.pure.cloud"},
    {"mx_central_1", "mxc1.pure.cloud"},
    {"eu_west_1", "mypurecloud.ie"},
    {"eu_west_2", "euw2.pure.cloud"},
    {"eu_central_1", "mypurecloud.de"},
    {"eu_central_2", "euc2.pure.cloud"},
    {"me_central_1", "mec1.pure.cloud"},
    {"ap_south_1", "aps1.pure.cloud"},
    {"ap_northeast_1", "mypurecloud.jp"},
    {"ap_northeast_2", "apne2.pure.cloud"},
    {"ap_northeast_3", "apne3.pure.cloud"},
    {"ap_southeast_1", "apse1.pure.cloud"},
    {"ap_southeast_2", "mypurecloud.com.au"},
    {"eusc_de_east_1", "edee1.eusc-pure.cloud"},
}};

std::string Normalized(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == '/'))
    text.remove_suffix(1);
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

RegionEndpoints EndpointsOf(Region const& region) {
  std::string const domain(region.domain);
  return {std::string(region.key), domain, "https://api." + domain, "https://login." + domain};
}

}  // namespace

std::span<Region const> AllRegions() {
  return kRegions;
}

std::string ValidRegionKeys() {
  std::string out;
  for (auto const& region : kRegions) {
    if (!out.empty()) out += ", ";
    out += region.key;
  }
  return out;
}

Result<RegionEndpoints> ResolveRegion(std::string_view key_or_domain) {
  std::string const wanted = Normalized(key_or_domain);
  std::string key = wanted;
  std::ranges::replace(key, '-', '_');
  std::string domain = wanted;
  for (std::string_view prefix : {"https://", "api.", "login."}) {
    if (domain.starts_with(prefix)) domain.erase(0, prefix.size());
  }
  for (auto const& region : kRegions) {
    if (region.key == key || region.domain == domain) return EndpointsOf(region);
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown Genesys Cloud region '" + wanted +
                                                    "'; valid keys: " + ValidRegionKeys() +
                                                    " (or their domains, such as mypurecloud.ie)");
}

}  // namespace gctq::auth
