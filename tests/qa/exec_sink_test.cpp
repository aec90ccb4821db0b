#include "gctq/qa/exec_sink.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace gctq::qa
