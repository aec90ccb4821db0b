#include "gctq/qa/callbacks.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gctq::qa {
namespace {

TEST(Callbacks, ConversationJsonIsThin) {
  ConversationEvent event{
      .conversation_id = "c-1",
      .window = "2026-01-01T00:00:00Z/2026-01-02T00:00:00Z",
      .rule_hits = {{.name = "greeting", .version = "2", .agent_count = 1, .customer_count = 0}},
      .sentiment_score = 0.25,
      .pii_status = "found",
      .pii_finding_types = {"SSN", "EMAIL"}};
  auto j = nlohmann::json::parse(ToJson(event));
  EXPECT_EQ(j["conversation_id"], "c-1");
  EXPECT_EQ(j["rule_hits"][0]["name"], "greeting");
  EXPECT_EQ(j["rule_hits"][0]["agent_count"], 1);
  EXPECT_DOUBLE_EQ(j["sentiment"]["score"].get<double>(), 0.25);
  EXPECT_EQ(j["pii"]["types"], nlohmann::json::array({"SSN", "EMAIL"}));
  EXPECT_EQ(j.size(), 5U);
}

TEST(Callbacks, EnvelopeWrapsData) {
  auto text = MakeEnvelope(kPageEventType, ToJson(PageMetrics{.page_number = 2, .matches = 4}),
                           std::chrono::system_clock::from_time_t(0));
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["type"], "qa.page");
  EXPECT_EQ(j["timestamp"], "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(j["data"]["page_number"], 2);
  EXPECT_EQ(j["data"]["matches"], 4);
}

TEST(Callbacks, FunctionAndFanoutSinksForwardEverything) {
  int pages = 0;
  int conversations = 0;
  auto counting = std::make_shared<FunctionQaSink>([&](PageMetrics const&) { ++pages; },
                                                   [&](ConversationEvent const&) { ++conversations; });
  FanoutQaSink fanout;
  fanout.Add(counting);
  fanout.Add(std::make_shared<FunctionQaSink>(nullptr, nullptr));
  ASSERT_TRUE(fanout.OnPage({}));
  ASSERT_TRUE(fanout.OnConversation({}));
  ASSERT_TRUE(fanout.OnConversation({}));
  EXPECT_EQ(pages, 1);
  EXPECT_EQ(conversations, 2);
}

}  // namespace
}  // namespace gctq::qa
