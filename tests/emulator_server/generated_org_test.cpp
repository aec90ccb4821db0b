// The server over a real generated org (system clock): shapes stay conformant on generator data.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"
#include "server/iso8601.h"

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;
using ::testing::IsEmpty;

TEST(GeneratedOrgTest, QueryStaAndTranscriptConformOnGeneratedData) {
  EmulatorOptions options;
  options.conversations = 300;
  options.days = 7;
  Emulator emulator(options);
  std::string error;
  ASSERT_TRUE(emulator.Start(&error)) << error;
  httplib::Client client("127.0.0.1", emulator.port());
  client.set_read_timeout(30);
  client.set_basic_auth(kDemoClientId, kDemoClientSecret);
  auto const token_reply =
      client.Post("/oauth/token", "grant_type=client_credentials", "application/x-www-form-urlencoded");
  ASSERT_TRUE(token_reply);
  httplib::Client api("127.0.0.1", emulator.port());
  api.set_read_timeout(30);
  api.set_bearer_token_auth(json::parse(token_reply->body)["access_token"].get<std::string>());

  auto const now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  json const query = {{"interval", server::FormatIsoMs(now - 6 * kDayMs) + "/" + server::FormatIsoMs(now)},
                      {"paging", {{"pageSize", 100}, {"pageNumber", 1}}}};
  auto const reply =
      api.Post("/api/v2/analytics/conversations/details/query", query.dump(), "application/json");
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  json const response = json::parse(reply->body);
  EXPECT_THAT(SchemaProblems(response, "AnalyticsConversationQueryResponse"), IsEmpty());
  ASSERT_GT(response["conversations"].size(), 0u);

  int transcripts = 0;
  for (auto const& conversation : response["conversations"]) {
    std::string const id = conversation["conversationId"];
    auto const sta = api.Get("/api/v2/speechandtextanalytics/conversations/" + id);
    ASSERT_TRUE(sta);
    if (sta->status != 200) continue;
    EXPECT_THAT(SchemaProblems(json::parse(sta->body), "ConversationMetrics"), IsEmpty());
    std::string communication_id;
    for (auto const& participant : conversation["participants"])
      if (participant["purpose"] == "customer") communication_id = participant["sessions"][0]["sessionId"];
    auto const url = api.Get("/api/v2/speechandtextanalytics/conversations/" + id + "/communications/" +
                             communication_id + "/transcripturl");
    ASSERT_TRUE(url);
    if (url->status != 200) continue;
    std::string const location = json::parse(url->body)["url"];
    auto const document = api.Get(location.substr(emulator.base_url().size()));
    ASSERT_TRUE(document);
    EXPECT_EQ(document->status, 200);
    EXPECT_EQ(json::parse(document->body)["conversationId"], id);
    if (++transcripts == 3) break;
  }
  EXPECT_GT(transcripts, 0);
  emulator.Stop();
}

}  // namespace
}  // namespace gctq_emulator::testing
