#include "gctq/auth/region.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace gctq::auth {
namespace {

TEST(RegionTest, HasAllEighteenRegions) {
  EXPECT_EQ(AllRegions().size(), 18u);
  std::set<std::string_view> keys;
  std::set<std::string_view> domains;
  for (auto const& region : AllRegions()) {
    keys.insert(region.key);
    domains.insert(region.domain);
  }
  EXPECT_EQ(keys.size(), 18u);
  EXPECT_EQ(domains.size(), 18u);
}

TEST(RegionTest, ResolvesEveryKeyAndDomain) {
  for (auto const& region : AllRegions()) {
    std::string dashed(region.key);
    std::ranges::replace(dashed, '_', '-');
    for (std::string const& input : {std::string(region.key), dashed, std::string(region.domain)}) {
      auto resolved = ResolveRegion(input);
      ASSERT_TRUE(resolved.ok()) << input;
      EXPECT_EQ(resolved->key, region.key);
      EXPECT_EQ(resolved->api_base, "https://api." + std::string(region.domain));
      EXPECT_EQ(resolved->login_base, "https://login." + std::string(region.domain));
    }
  }
}

TEST(RegionTest, KnownPairsFromTheReference) {
  EXPECT_EQ(ResolveRegion("us-east-1")->api_base, "https://api.mypurecloud.com");
  EXPECT_EQ(ResolveRegion("EU-WEST-1")->login_base, "https://login.mypurecloud.ie");
  EXPECT_EQ(ResolveRegion("ap_southeast_2")->domain, "mypurecloud.com.au");
  EXPECT_EQ(ResolveRegion("us_east_2")->domain, "use2.us-gov-pure.cloud");
  EXPECT_EQ(ResolveRegion("eusc-de-east-1")->domain, "edee1.eusc-pure.cloud");
  EXPECT_EQ(ResolveRegion(" api.mypurecloud.de/ ")->key, "eu_central_1");
  EXPECT_EQ(ResolveRegion("https://login.mypurecloud.jp")->key, "ap_northeast_1");
}

TEST(RegionTest, UnknownRegionListsValidKeys) {
  auto resolved = ResolveRegion("mypurecloud.fr");
  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.error().code, ErrorCode::kInvalidArgument);
  for (auto const& region : AllRegions()) {
    EXPECT_NE(resolved.error().message.find(region.key), std::string::npos) << region.key;
  }
  EXPECT_FALSE(ResolveRegion("").ok());
}

}  // namespace
}  // namespace gctq::auth
