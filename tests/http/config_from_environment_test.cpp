#include <gtest/gtest.h>

#include <map>

#include "gctq/http/api_client.h"

namespace gctq::http {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto const it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ConfigFromEnvironmentTest, RegionKeyOrDomain) {
  for (auto region : {"eu-west-1", "eu_west_1", "mypurecloud.ie"}) {
    auto config = ConfigFromEnvironment(Env({{"GENESYSCLOUD_OAUTHCLIENT_ID", "id"},
                                             {"GENESYSCLOUD_OAUTHCLIENT_SECRET", "s3cr3t"},
                                             {"GENESYSCLOUD_REGION", region}}));
    ASSERT_TRUE(config.ok()) << config.error().Describe();
    EXPECT_EQ(config->api_base, "https://api.mypurecloud.ie");
    EXPECT_EQ(config->login_base, "https://login.mypurecloud.ie");
    EXPECT_EQ(config->client_id, "id");
    EXPECT_EQ(config->client_secret, "s3cr3t");
  }
}

TEST(ConfigFromEnvironmentTest, EmulatorUrlReplacesTheRegion) {
  auto config = ConfigFromEnvironment(Env({{"GENESYSCLOUD_OAUTHCLIENT_ID", "id"},
                                           {"GENESYSCLOUD_OAUTHCLIENT_SECRET", "s"},
                                           {"GCTQ_EMULATOR_URL", "http://127.0.0.1:8123/"}}));
  ASSERT_TRUE(config.ok()) << config.error().Describe();
  EXPECT_EQ(config->api_base, "http://127.0.0.1:8123");
  EXPECT_EQ(config->login_base, "http://127.0.0.1:8123");
}

TEST(ConfigFromEnvironmentTest, EmulatorMustBeLoopbackOrHttps) {
  auto config = ConfigFromEnvironment(Env({{"GENESYSCLOUD_OAUTHCLIENT_ID", "id"},
                                           {"GENESYSCLOUD_OAUTHCLIENT_SECRET", "s"},
                                           {"GCTQ_EMULATOR_URL", "http://10.1.2.3:8123"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
}

TEST(ConfigFromEnvironmentTest, NamesEveryMissingVariable) {
  auto config = ConfigFromEnvironment(Env({}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  for (auto name :
       {"GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "GENESYSCLOUD_REGION"}) {
    EXPECT_NE(config.error().message.find(name), std::string::npos) << name;
  }
}

TEST(ConfigFromEnvironmentTest, UnknownRegionListsValidKeysAndHidesTheSecret) {
  auto config = ConfigFromEnvironment(Env({{"GENESYSCLOUD_OAUTHCLIENT_ID", "id"},
                                           {"GENESYSCLOUD_OAUTHCLIENT_SECRET", "CANARY-6f1e"},
                                           {"GENESYSCLOUD_REGION", "mars-north-1"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  std::string const text = config.error().Describe();
  EXPECT_NE(text.find("mars-north-1"), std::string::npos);
  EXPECT_NE(text.find("eu_west_1"), std::string::npos);
  EXPECT_NE(text.find("eusc_de_east_1"), std::string::npos);
  EXPECT_EQ(text.find("CANARY-6f1e"), std::string::npos);
}

}  // namespace
}  // namespace gctq::http
