// POST /oauth/token, bearer tokens and permissions.

#include <cstdio>
#include <fstream>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

constexpr char kQueryPath[] = "/api/v2/analytics/conversations/details/query";

class OAuthTest : public ServerTest {};

std::string StaPath(std::size_t index) {
  return "/api/v2/speechandtextanalytics/conversations/" + FakeConversationId(index);
}

TEST_F(OAuthTest, IssuesBearerTokenForClientCredentials) {
  StartServer();
  Reply const reply = PostToken(kDemoClientId, kDemoClientSecret, "grant_type=client_credentials");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto const body = reply.Json();
  EXPECT_FALSE(body["access_token"].get<std::string>().empty());
  EXPECT_EQ(body["token_type"], "bearer");
  EXPECT_EQ(body["expires_in"], 86399);
  EXPECT_EQ(body.size(), 3u);
  EXPECT_EQ(Get(StaPath(kTenDays), body["access_token"]).status, 200);
}

TEST_F(OAuthTest, RejectsBadCredentialsWithInvalidClient) {
  StartServer();
  for (auto const& [id, secret] : {std::pair{kDemoClientId, "wrong"}, std::pair{"nobody", "x"}}) {
    Reply const reply = PostToken(id, secret, "grant_type=client_credentials");
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.Json()["error"], "invalid_client");
    EXPECT_TRUE(reply.Json()["description"].is_string());
  }
}

TEST_F(OAuthTest, RejectsOtherGrantTypes) {
  StartServer();
  Reply const reply = PostToken(kDemoClientId, kDemoClientSecret, "grant_type=password");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.Json()["error"], "unsupported_grant_type");
}

TEST_F(OAuthTest, MissingUnknownOrExpiredTokenIsAuthenticationRequired) {
  StartServer([](EmulatorOptions& options) { options.token_lifetime_s = 600; });
  std::string const token = Token();
  EXPECT_EQ(PostToken(kDemoClientId, kDemoClientSecret, "grant_type=client_credentials").Json()["expires_in"],
            600);
  for (std::string const bad : {"", "not-a-token"}) {
    Reply const reply = Get(StaPath(kTenDays), bad);
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.Json()["code"], "authentication.required");
    EXPECT_TRUE(SchemaProblems(reply.Json(), "ErrorBody").empty());
  }
  EXPECT_EQ(Get(StaPath(kTenDays), token).status, 200);
  AdvanceClock(599'000);
  EXPECT_EQ(Get(StaPath(kTenDays), token).status, 200);
  AdvanceClock(1000);
  Reply const expired = Get(StaPath(kTenDays), token);
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.Json()["code"], "authentication.required");
  EXPECT_FALSE(expired.Json()["contextId"].get<std::string>().empty());
}

TEST_F(OAuthTest, LimitedClientLacksStaPermissions) {
  StartServer();
  std::string const token = Token(kLimitedClientId, kLimitedClientSecret);
  Reply const sta = Get(StaPath(kTenDays), token);
  EXPECT_EQ(sta.status, 403);
  EXPECT_EQ(sta.Json()["code"], "missing.permissions");
  EXPECT_NE(sta.Json()["message"].get<std::string>().find("recording:recording:view"), std::string::npos);
  EXPECT_NE(sta.Json()["message"].get<std::string>().find("speechAndTextAnalytics:data:view"),
            std::string::npos);
  EXPECT_TRUE(SchemaProblems(sta.Json(), "ErrorBody").empty());
  std::string const url =
      StaPath(kTenDays) + "/communications/" + org_->CommunicationId(kTenDays) + "/transcripturl";
  EXPECT_EQ(Get(url, token).status, 403);
  EXPECT_EQ(Post(kQueryPath, R"({"interval":")" + Interval(5, 0) + R"("})", token).status, 200);
}

TEST_F(OAuthTest, ClientWithoutAnalyticsPermissionGetsMissingAnyPermissions) {
  StartServer([](EmulatorOptions& options) {
    options.clients = {
        {"sta-only", "s3cret", {"recording:recording:view", "speechAndTextAnalytics:data:view"}}};
  });
  std::string const token = Token("sta-only", "s3cret");
  Reply const reply = Post(kQueryPath, R"({"interval":")" + Interval(5, 0) + R"("})", token);
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(reply.Json()["code"], "missing.any.permissions");
  EXPECT_NE(reply.Json()["message"].get<std::string>().find("analytics:conversationDetail:view"),
            std::string::npos);
  EXPECT_EQ(Get(StaPath(kTenDays), token).status, 200);
  EXPECT_EQ(PostToken(kDemoClientId, kDemoClientSecret, "grant_type=client_credentials").status, 401);
}

TEST_F(OAuthTest, ReadsClientsFile) {
  std::string const path = ::testing::TempDir() + "/emulator_clients.json";
  std::ofstream(path)
      << R"([{"id":"file-client","secret":"file-secret","permissions":["analytics:agentConversationDetail:view"]}])";
  StartServer([&](EmulatorOptions& options) { options.clients_path = path; });
  std::string const token = Token("file-client", "file-secret");
  EXPECT_EQ(Post(kQueryPath, R"({"interval":")" + Interval(5, 0) + R"("})", token).status, 200);
  EXPECT_EQ(Get(StaPath(kTenDays), token).status, 403);
  std::remove(path.c_str());
}

TEST_F(OAuthTest, MalformedClientsFileFailsStart) {
  std::string const path = ::testing::TempDir() + "/emulator_bad_clients.json";
  std::ofstream(path) << R"({"id":"x"})";
  EmulatorOptions options;
  options.org = MakeFakeOrg(kNowMs);
  options.clients_path = path;
  Emulator emulator(options);
  std::string error;
  EXPECT_FALSE(emulator.Start(&error));
  EXPECT_FALSE(error.empty());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace gctq_emulator::testing
