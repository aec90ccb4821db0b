// POST /api/v2/analytics/conversations/details/query over real HTTP.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kQueryPath[] = "/api/v2/analytics/conversations/details/query";

class DetailsQueryTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    token_ = Token();
  }

  Reply Query(json body) { return Post(kQueryPath, body.dump(), token_); }

  /// The fake-org indexes of the returned conversations, checking the response shape on the way.
  std::vector<std::size_t> Indexes(json body) {
    Reply const reply = Query(std::move(body));
    EXPECT_EQ(reply.status, 200) << reply.body;
    json const response = reply.Json();
    EXPECT_THAT(SchemaProblems(response, "AnalyticsConversationQueryResponse"), IsEmpty());
    std::vector<std::size_t> indexes;
    for (auto const& conversation : response.value("conversations", json::array()))
      indexes.push_back(*org_->Find(conversation["conversationId"]));
    EXPECT_EQ(response["totalHits"], indexes.size());
    return indexes;
  }

  std::vector<std::size_t> WithSegmentFilter(json predicates, std::string const& type = "and") {
    return Indexes(
        {{"interval", Interval(7, 0)},
         {"segmentFilters", json::array({{{"type", type}, {"predicates", std::move(predicates)}}})}});
  }

  std::vector<std::size_t> WithConversationFilter(json predicates, std::string const& type = "and") {
    return Indexes(
        {{"interval", Interval(7, 0)},
         {"conversationFilters", json::array({{{"type", type}, {"predicates", std::move(predicates)}}})}});
  }

  void ExpectBadRequest(json body, std::string const& code, std::string const& message_part) {
    Reply const reply = Query(std::move(body));
    EXPECT_EQ(reply.status, 400) << reply.body;
    EXPECT_EQ(reply.Json()["code"], code);
    EXPECT_EQ(reply.Json()["status"], 400);
    EXPECT_THAT(reply.Json()["message"].get<std::string>(), HasSubstr(message_part));
    EXPECT_THAT(SchemaProblems(reply.Json(), "ErrorBody"), IsEmpty());
  }

  std::string token_;
};

json Dimension(std::string const& name, std::string const& value) {
  return {{"type", "dimension"}, {"dimension", name}, {"operator", "matches"}, {"value", value}};
}

TEST_F(DetailsQueryTest, ReturnsConversationsThatStartedInTheIntervalInAscendingOrder) {
  EXPECT_THAT(Indexes({{"interval", Interval(5, 0)}}),
              ElementsAre(kThreeDays, kTwoDays, kOneDay, kInProgress));
  // Start-in-interval: kThreeDays ended after 2.5 days ago but did not start in the interval.
  EXPECT_THAT(Indexes({{"interval", Interval(2.5, 1.5)}}), ElementsAre(kTwoDays));
}

TEST_F(DetailsQueryTest, ShapesConversationsLikeTheRealApi) {
  Reply const reply = Query({{"interval", Interval(5, 0)}});
  json const response = reply.Json();
  ASSERT_EQ(response["conversations"].size(), 4u);
  json const& finished = response["conversations"][2];
  EXPECT_EQ(finished["conversationId"], FakeConversationId(kOneDay));
  EXPECT_EQ(finished["conversationStart"].get<std::string>().size(), 24u);  // 2024-01-01T00:00:00.000Z
  EXPECT_EQ(finished["conversationStart"].get<std::string>().back(), 'Z');
  EXPECT_TRUE(finished.contains("conversationEnd"));
  EXPECT_EQ(finished["originatingDirection"], "inbound");
  json const& agent = finished["participants"][2];
  EXPECT_EQ(agent["purpose"], "agent");
  EXPECT_EQ(agent["userId"], kAgent1);
  json const& session = agent["sessions"][0];
  EXPECT_EQ(session["mediaType"], "voice");
  EXPECT_EQ(session["metrics"][0]["name"], "tTalk");
  EXPECT_TRUE(session["metrics"][0]["emitDate"].is_string());
  EXPECT_EQ(session["segments"].back()["wrapUpCode"], kWrapUp2);
  EXPECT_EQ(response["conversations"][0]["participants"][0]["sessions"][0]["sessionId"],
            org_->CommunicationId(kThreeDays));
  EXPECT_FALSE(response["conversations"][3].contains("conversationEnd"));  // In progress.
}

TEST_F(DetailsQueryTest, OmitsConversationsWhenNothingMatches) {
  Reply const reply = Query({{"interval", Interval(9, 8)}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.Json().contains("conversations"));
  EXPECT_EQ(reply.Json()["totalHits"], 0);
}

TEST_F(DetailsQueryTest, OrdersDescendingAndByConversationEnd) {
  EXPECT_THAT(Indexes({{"interval", Interval(5, 0)}, {"order", "desc"}}),
              ElementsAre(kInProgress, kOneDay, kTwoDays, kThreeDays));
  EXPECT_THAT(Indexes({{"interval", Interval(5, 0)}, {"orderBy", "conversationEnd"}, {"order", "desc"}}),
              ElementsAre(kInProgress, kOneDay, kTwoDays, kThreeDays));
  EXPECT_THAT(Indexes({{"interval", Interval(5, 0)}, {"order", "unordered"}}).size(), 4u);
}

TEST_F(DetailsQueryTest, ConversationLevelFilters) {
  EXPECT_THAT(WithConversationFilter({Dimension("conversationId", FakeConversationId(kTwoDays))}),
              ElementsAre(kTwoDays));
  EXPECT_THAT(WithConversationFilter({Dimension("divisionId", kDivision2)}), ElementsAre(kThreeDays));
  EXPECT_THAT(WithConversationFilter({Dimension("originatingDirection", "outbound")}),
              ElementsAre(kThreeDays));
  EXPECT_THAT(WithConversationFilter(
                  {Dimension("originatingDirection", "outbound"), Dimension("divisionId", kDivision1)}, "or"),
              ElementsAre(kThreeDays, kTwoDays, kOneDay, kInProgress));
  EXPECT_THAT(WithConversationFilter({{{"dimension", "conversationEnd"}, {"operator", "notExists"}}}),
              ElementsAre(kInProgress));
  EXPECT_THAT(WithConversationFilter({{{"dimension", "externalTag"}, {"operator", "exists"}}}), IsEmpty());
}

TEST_F(DetailsQueryTest, MetricRanges) {
  EXPECT_THAT(WithConversationFilter(
                  {{{"type", "metric"}, {"metric", "tConversationDuration"}, {"range", {{"gte", 150000}}}}}),
              ElementsAre(kTwoDays, kOneDay));
  EXPECT_THAT(WithConversationFilter(
                  {{{"metric", "tConversationDuration"}, {"range", {{"gt", 60000}, {"lt", 180000}}}}}),
              ElementsAre(kThreeDays));
  // tTalk = duration - 18 s; tHandle = duration - 8 s (see fake_org.cpp).
  EXPECT_THAT(WithConversationFilter({{{"metric", "tTalk"}, {"range", {{"lte", 102000}}}}}),
              ElementsAre(kThreeDays));
  EXPECT_THAT(WithConversationFilter({{{"metric", "tHandle"}, {"range", {{"gte", 232000}}}}}),
              ElementsAre(kOneDay));
  EXPECT_THAT(WithSegmentFilter({{{"metric", "tSegmentDuration"}, {"range", {{"gte", 220000}}}}}),
              ElementsAre(kOneDay));
}

TEST_F(DetailsQueryTest, SegmentLevelFilters) {
  EXPECT_EQ(WithSegmentFilter({Dimension("mediaType", "voice")}).size(), 4u);
  EXPECT_THAT(WithSegmentFilter({Dimension("queueId", kQueue2)}), ElementsAre(kThreeDays, kOneDay));
  EXPECT_THAT(WithSegmentFilter({Dimension("userId", kAgent2)}), ElementsAre(kThreeDays, kTwoDays));
  EXPECT_THAT(WithSegmentFilter({Dimension("direction", "outbound")}), ElementsAre(kThreeDays));
  EXPECT_THAT(WithSegmentFilter({Dimension("ani", "tel:+15550001003")}), ElementsAre(kTwoDays));
  EXPECT_THAT(WithSegmentFilter({Dimension("dnis", "tel:+15550001002")}), ElementsAre(kThreeDays));
  EXPECT_THAT(WithSegmentFilter({Dimension("wrapUpCode", kWrapUp2)}), ElementsAre(kThreeDays, kOneDay));
  EXPECT_THAT(WithSegmentFilter({Dimension("segmentType", "wrapup")}).size(), 3u);
  EXPECT_THAT(WithSegmentFilter({Dimension("purpose", "agent"), Dimension("userId", kAgent1)}),
              ElementsAre(kOneDay, kInProgress));
}

TEST_F(DetailsQueryTest, SegmentFilterMustHoldWithinOneSegment) {
  // The customer participant has no userId: no single segment is both.
  EXPECT_THAT(WithSegmentFilter({Dimension("purpose", "customer"), Dimension("userId", kAgent1)}), IsEmpty());
  EXPECT_THAT(
      WithSegmentFilter({Dimension("purpose", "customer"), Dimension("userId", kAgent1)}, "or").size(), 4u);
}

TEST_F(DetailsQueryTest, ClausesCombineWithTheFilterType) {
  json const filter = {
      {"type", "and"},
      {"clauses",
       json::array({{{"type", "or"},
                     {"predicates", {Dimension("queueId", kQueue2), Dimension("userId", kAgent2)}}}})},
      {"predicates", {Dimension("purpose", "agent")}}};
  EXPECT_THAT(Indexes({{"interval", Interval(7, 0)}, {"segmentFilters", {filter}}}),
              ElementsAre(kThreeDays, kTwoDays, kOneDay));
  json const both = {
      {"interval", Interval(7, 0)},
      {"segmentFilters", json::array({{{"type", "and"}, {"predicates", {Dimension("queueId", kQueue2)}}}})},
      {"conversationFilters",
       json::array({{{"type", "and"}, {"predicates", {Dimension("divisionId", kDivision1)}}}})}};
  EXPECT_THAT(Indexes(both), ElementsAre(kOneDay));
}

TEST_F(DetailsQueryTest, EnforcesStrictLimits) {
  ExpectBadRequest({{"interval", Interval(5, 0)}, {"paging", {{"pageSize", 101}, {"pageNumber", 1}}}},
                   "bad.request", "100");
  ExpectBadRequest({{"interval", Interval(8, 0)}}, "bad.request", "7 days");
  ExpectBadRequest({{"interval", Interval(36, 30)}}, "bad.request", "35 days");
  ExpectBadRequest({{"interval", Interval(5, 0)}, {"paging", {{"pageSize", 100}, {"pageNumber", 1001}}}},
                   "bad.request", "Pagination may not exceed 100000 results.");
  EXPECT_EQ(
      Query({{"interval", Interval(5, 0)}, {"paging", {{"pageSize", 100}, {"pageNumber", 1000}}}}).status,
      200);
  EXPECT_EQ(Query({{"interval", Interval(7, 0)}}).status, 200);
}

TEST_F(DetailsQueryTest, RejectsMalformedQueries) {
  Reply const not_json = Post(kQueryPath, "{\"interval\":", token_);
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.Json()["code"], "bad.request");
  ExpectBadRequest({{"interval", Interval(5, 0)}, {"pageSize", 10}}, "bad.request", "pageSize");
  ExpectBadRequest({{"order", "asc"}}, "bad.request", "interval");
  ExpectBadRequest({{"interval", "2024-06-01/2024-06-02"}}, "invalid.date", "ISO-8601");
  ExpectBadRequest({{"interval", "yesterday"}}, "invalid.date", "ISO-8601");
  ExpectBadRequest({{"interval", Interval(1, 2)}}, "bad.request", "after");
  ExpectBadRequest({{"interval", Interval(5, 0)}, {"order", "sideways"}}, "bad.request", "order");
  ExpectBadRequest({{"interval", Interval(5, 0)}, {"paging", {{"pageSize", 10}}}}, "bad.request",
                   "pageNumber");
  ExpectBadRequest({{"interval", Interval(5, 0)},
                    {"segmentFilters", {{{"type", "and"}, {"predicates", {Dimension("colour", "blue")}}}}}},
                   "bad.request", "colour");
  ExpectBadRequest(
      {{"interval", Interval(5, 0)},
       {"conversationFilters", {{{"type", "and"}, {"predicates", {Dimension("queueId", kQueue1)}}}}}},
      "bad.request", "queueId");
  ExpectBadRequest({{"interval", Interval(5, 0)},
                    {"segmentFilters", {{{"type", "xor"}, {"predicates", {Dimension("queueId", kQueue1)}}}}}},
                   "bad.request", "and|or");
  ExpectBadRequest({{"interval", Interval(5, 0)},
                    {"segmentFilters",
                     {{{"type", "and"},
                       {"predicates", {{{"dimension", "queueId"}, {"operator", "like"}, {"value", "x"}}}}}}}},
                   "bad.request", "operator");
}

TEST_F(DetailsQueryTest, PagesThroughManyConversations) {
  emulator_->Stop();
  StartServer({}, /*bulk=*/250);
  token_ = Token();
  std::vector<std::string> seen;
  for (int page = 1; page <= 4; ++page) {
    Reply const reply =
        Query({{"interval", Interval(1.5, 0)}, {"paging", {{"pageSize", 100}, {"pageNumber", page}}}});
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.Json()["totalHits"], 252);  // kOneDay, 250 bulk and the one in progress.
    for (auto const& conversation : reply.Json().value("conversations", json::array())) {
      seen.push_back(conversation["conversationId"]);
    }
    if (page == 4) {
      EXPECT_FALSE(reply.Json().contains("conversations"));
    }
  }
  EXPECT_EQ(seen.size(), 252u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));  // Ids follow start order in the fake org.
  Reply const default_page = Query({{"interval", Interval(1.5, 0)}});
  EXPECT_EQ(default_page.Json()["conversations"].size(), 25u);
}

class DetailsQueryLenientTest : public ServerTest {};

TEST_F(DetailsQueryLenientTest, LenientProfileAllowsLargerRequests) {
  StartServer([](EmulatorOptions& options) { options.profile = "lenient"; });
  json const body = {{"interval", Interval(45, 0)}, {"paging", {{"pageSize", 500}, {"pageNumber", 1}}}};
  Reply const reply = Post(kQueryPath, body.dump(), Token());
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["totalHits"], 6);
}

}  // namespace
}  // namespace gctq_emulator::testing
