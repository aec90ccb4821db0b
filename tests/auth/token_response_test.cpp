#include <gtest/gtest.h>

#include "gctq/auth/token.h"
#include "http/fake_transport.h"

namespace gctq::auth {
namespace {

using testing::Response;

TEST(TokenResponseTest, ParsesAccessToken) {
  auto token =
      ParseTokenResponse(Response(200, R"({"access_token":"abc","token_type":"bearer","expires_in":86399})"));
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->value, "abc");
  EXPECT_EQ(token->token_type, "bearer");
  EXPECT_EQ(token->expires_in, std::chrono::seconds(86399));
}

TEST(TokenResponseTest, DefaultsAndClamps) {
  auto token = ParseTokenResponse(Response(200, R"({"access_token":"abc"})"));
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->expires_in, std::chrono::seconds(86400));
  EXPECT_EQ(ParseTokenResponse(Response(200, R"({"access_token":"a","expires_in":-5})"))->expires_in,
            std::chrono::seconds(1));
}

TEST(TokenResponseTest, MalformedIsDataLossWithoutTheBody) {
  for (auto body : {"", "not json", "[]", R"({"token_type":"bearer"})", R"({"access_token":""})",
                    R"({"access_token":"SECRET-TOKEN","expires_in":"soon"})"}) {
    auto token = ParseTokenResponse(Response(200, body));
    ASSERT_FALSE(token.ok()) << body;
    EXPECT_EQ(token.error().code, ErrorCode::kDataLoss);
    EXPECT_EQ(token.error().Describe().find("SECRET-TOKEN"), std::string::npos);
  }
}

TEST(TokenResponseTest, InvalidClientIsUnauthenticatedWithAClearMessage) {
  auto token = ParseTokenResponse(Response(401, R"({"error":"invalid_client","description":"bad secret"})"));
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(token.error().http_status, 401);
  EXPECT_NE(token.error().message.find("GENESYSCLOUD_OAUTHCLIENT_SECRET"), std::string::npos);
  EXPECT_NE(token.error().message.find("invalid_client"), std::string::npos);
}

TEST(TokenResponseTest, OtherFailuresKeepTheirMappedCode) {
  EXPECT_EQ(ParseTokenResponse(Response(503)).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(ParseTokenResponse(Response(429)).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(ParseTokenResponse(Response(401)).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(ParseTokenResponse(Response(400, R"({"error":"unsupported_grant_type"})")).error().code,
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace gctq::auth
