#include "gctq/query/details_page.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace gctq::query {
namespace {

nlohmann::json Sample() {
  std::ifstream in(std::string(GCTQ_TEST_DATA_DIR) + "/sample-details-query-response.json");
  return nlohmann::json::parse(in);
}

TEST(ParseDetailsPage, ReadsTheSampleResponse) {
  nlohmann::json body = Sample()["A_developer_tools_2016"]["response_excerpt"];
  body["totalHits"] = 2;
  auto page = ParseDetailsPage(body.dump());
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_hits, 2);
  ASSERT_EQ(page->conversations.size(), 2u);
  auto const& c = page->conversations[0];
  EXPECT_EQ(c.conversation_id, "585f63eb-e0be-47b6-a1d0-c65ba586bef2");
  EXPECT_EQ(FormatIsoTime(c.start), "2016-09-06T07:06:11.478Z");
  EXPECT_TRUE(c.in_progress());  // the 2016 sample has no conversationEnd
  EXPECT_EQ(c.queue_ids, (std::vector<std::string>{"95c9d5f7-ad80-4572-857a-64d241cf4851"}));
  EXPECT_EQ(c.wrap_up_codes, (std::vector<std::string>{"1ccb1c09-9495-4034-b377-b809f58d17da"}));
  ASSERT_FALSE(c.agents.empty());
  EXPECT_EQ(c.agents.back().user_id, "8c88c7f8-b6ba-4761-b2e5-4ae4425a3991");
}

TEST(ParseDetailsPage, ReadsTheNewerConversationShape) {
  nlohmann::json body = {{"totalHits", 1},
                         {"conversations", {Sample()["B_blueprint_2021_single_conversation"]}}};
  // The blueprint sample is a chat; make the customer's session voice as in our queries.
  for (auto& p : body["conversations"][0]["participants"]) {
    for (auto& s : p["sessions"]) s["mediaType"] = "voice";
  }
  auto page = ParseDetailsPage(body.dump());
  ASSERT_TRUE(page.ok()) << page.error().message;
  auto const& c = page->conversations[0];
  EXPECT_EQ(c.originating_direction, "inbound");
  EXPECT_EQ(c.division_ids, (std::vector<std::string>{"1b6b98a6-3d70-47be-9406-61a5aa8cc570"}));
  EXPECT_EQ(c.communication_id, "4d3a7227-6fdc-4d60-97fe-99db88e00b51");  // the customer's session
  EXPECT_EQ(c.duration_ms, 929'920);
  EXPECT_FALSE(c.in_progress());
  ASSERT_EQ(c.agents.size(), 1u);
  EXPECT_EQ(c.agents[0].user_id, "50fcd33c-f432-4726-abc9-979f3ca01555");
}

TEST(ParseDetailsPage, ChatOnlyConversationHasNoCommunicationId) {
  nlohmann::json body = {{"conversations", {Sample()["B_blueprint_2021_single_conversation"]}}};
  auto page = ParseDetailsPage(body.dump());
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->conversations[0].communication_id.empty());
  EXPECT_FALSE(page->total_hits.has_value());
}

TEST(ParseDetailsPage, EmptyPageAndAsyncFields) {
  auto page = ParseDetailsPage(R"({"totalHits":0})");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->conversations.empty());
  page = ParseDetailsPage(
      R"({"conversations":[],"cursor":"abc","dataAvailabilityDate":"2026-11-01T00:00:00Z"})");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->cursor, "abc");
  EXPECT_TRUE(page->data_availability.has_value());
}

TEST(ParseDetailsPage, DamagedBodiesAreDataLoss) {
  for (char const* bad :
       {"", "{\"conversations\":[", "[]", R"({"conversations":[{"conversationStart":"x"}]})",
        R"({"conversations":[{"conversationId":"a","conversationStart":"nope"}]})"}) {
    auto page = ParseDetailsPage(bad);
    ASSERT_FALSE(page.ok()) << bad;
    EXPECT_EQ(page.error().code, ErrorCode::kDataLoss);
  }
}

}  // namespace
}  // namespace gctq::query
