#include "gctq/qa/exec_sink.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "audit/audit_test_util.h"

namespace gctq::qa {
namespace {

using audit::testing::ReadFile;
using audit::testing::SplitLines;
using audit::testing::TempDir;

TEST(ExecQaSink, WritesOneJsonLinePerEventToTheCommandsStdin) {
  TempDir dir;
  auto out = dir.File("events.jsonl");
  auto sink = ExecQaSink::Start("cat > '" + out + "'");
  ASSERT_TRUE(sink) << sink.error().message;
  ASSERT_TRUE((*sink)->OnPage({.page_number = 1, .matches = 2}));
  ASSERT_TRUE((*sink)->OnConversation({.conversation_id = "c-9", .pii_status = "clean"}));
  ASSERT_TRUE((*sink)->Finish());
  auto lines = SplitLines(ReadFile(out));
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["type"], "qa.page");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["data"]["conversation_id"], "c-9");
}

TEST(ExecQaSink, ACommandThatExitsEarlyIsAnErrorNotASignal) {
  auto sink = ExecQaSink::Start("exit 3");
  ASSERT_TRUE(sink);
  Status last = Ok{};
  for (int i = 0; i < 2000 && last; ++i) last = (*sink)->OnPage({.page_number = i});
  EXPECT_FALSE(last);
  EXPECT_FALSE((*sink)->Finish());
}

TEST(ExecQaSink, TheCommandDoesNotInheritSecrets) {
  TempDir dir;
  auto env_file = dir.File("env.txt");
  ::setenv("GENESYSCLOUD_OAUTHCLIENT_SECRET", "canary-exec-5ecret", 1);
  ::setenv("GCTQ_QA_HOOK", "whsec_canaryhooksecret", 1);
  ::setenv("GCTQ_EXEC_TEST_VISIBLE", "kept", 1);
  auto sink = ExecQaSink::Start("env > '" + env_file + "'; cat > /dev/null");
  ::unsetenv("GENESYSCLOUD_OAUTHCLIENT_SECRET");
  ::unsetenv("GCTQ_QA_HOOK");
  ::unsetenv("GCTQ_EXEC_TEST_VISIBLE");
  ASSERT_TRUE(sink) << sink.error().message;
  ASSERT_TRUE((*sink)->Finish());
  auto const env = ReadFile(env_file);
  EXPECT_NE(env.find("GCTQ_EXEC_TEST_VISIBLE=kept"), std::string::npos);
  EXPECT_EQ(env.find("canary-exec-5ecret"), std::string::npos);
  EXPECT_EQ(env.find("whsec_canaryhooksecret"), std::string::npos);
}

TEST(ExecQaSink, SecretEnvironmentEntriesAreRecognised) {
  EXPECT_TRUE(IsSecretEnvironmentEntry("GENESYSCLOUD_OAUTHCLIENT_SECRET=x"));
  EXPECT_TRUE(IsSecretEnvironmentEntry("GENESYSCLOUD_ACCESS_TOKEN=x"));
  EXPECT_TRUE(IsSecretEnvironmentEntry("my_password=x"));
  EXPECT_TRUE(IsSecretEnvironmentEntry("QA_HOOK=whsec_abc"));
  EXPECT_FALSE(IsSecretEnvironmentEntry("GENESYSCLOUD_OAUTHCLIENT_ID=x"));
  EXPECT_FALSE(IsSecretEnvironmentEntry("PATH=/usr/bin"));
}

}  // namespace
}  // namespace gctq::qa
