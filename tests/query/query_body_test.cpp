#include "gctq/query/query_body.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace gctq::query {
namespace {

using nlohmann::json;

json const& Definitions() {
  static json const spec = [] {
    std::ifstream in(std::string(GCTQ_TEST_DATA_DIR) + "/openapi-subset.json");
    return json::parse(in);
  }();
  return spec["definitions"];
}

bool InEnum(json const& property, json const& value) {
  if (!property.contains("enum")) return true;
  for (auto const& e : property["enum"]) {
    if (e == value) return true;
  }
  return false;
}

/// Checks `object` against definition `name`: only declared properties, enums respected, required
/// present, nested $refs followed.
void ExpectConforms(json const& object, std::string const& name) {
  SCOPED_TRACE(name);
  json const& def = Definitions().at(name);
  for (auto const& req : def.value("required", json::array())) EXPECT_TRUE(object.contains(req)) << req;
  for (auto const& [key, value] : object.items()) {
    ASSERT_TRUE(def["properties"].contains(key)) << "unknown field " << key;
    json const& prop = def["properties"][key];
    EXPECT_TRUE(InEnum(prop, value)) << key << "=" << value;
    if (prop.contains("$ref")) {
      ExpectConforms(value, prop["$ref"].get<std::string>().substr(14));
    } else if (prop.value("type", "") == "array" && prop["items"].contains("$ref")) {
      for (auto const& item : value)
        ExpectConforms(item, prop["items"]["$ref"].get<std::string>().substr(14));
    } else if (prop.value("type", "") == "string") {
      EXPECT_TRUE(value.is_string()) << key;
    }
  }
}

QueryRequest AllFilters() {
  QueryRequest r;
  r.from = *ParseIsoTime("f", "2026-11-01T00:00:00Z");
  r.to = *ParseIsoTime("t", "2026-11-02T00:00:00Z");
  r.filters.queue_ids = {"q1", "q2"};
  r.filters.user_ids = {"u1"};
  r.filters.directions = {"inbound"};
  r.filters.division_ids = {"d1"};
  r.filters.wrap_up_codes = {"w1"};
  r.filters.anis = {"tel:+15551234567"};
  r.filters.dnises = {"tel:+18005550000"};
  r.filters.min_duration_ms = 30'000;
  r.filters.max_duration_ms = 600'000;
  return r;
}

TEST(QueryBody, MinimalBodyIsVoiceOrderedAndPaged) {
  QueryRequest r = AllFilters();
  r.filters = {};
  json body = json::parse(BuildDetailsQueryBody(r, {r.from, r.to}, 3));
  EXPECT_EQ(body["interval"], "2026-11-01T00:00:00.000Z/2026-11-02T00:00:00.000Z");
  EXPECT_EQ(body["order"], "asc");
  EXPECT_EQ(body["orderBy"], "conversationStart");
  EXPECT_EQ(body["paging"], (json{{"pageSize", 100}, {"pageNumber", 3}}));
  ASSERT_EQ(body["segmentFilters"].size(), 1u);
  EXPECT_EQ(
      body["segmentFilters"][0]["predicates"][0],
      (json{{"type", "dimension"}, {"dimension", "mediaType"}, {"operator", "matches"}, {"value", "voice"}}));
  EXPECT_FALSE(body.contains("conversationFilters"));
  ExpectConforms(body, "ConversationQuery");
}

TEST(QueryBody, EveryFilterConformsToTheSchema) {
  QueryRequest r = AllFilters();
  json body = json::parse(BuildDetailsQueryBody(r, {r.from, r.to}, 1));
  ExpectConforms(body, "ConversationQuery");
  // mediaType + queue, user, wrap-up, ani, dnis
  EXPECT_EQ(body["segmentFilters"].size(), 6u);
  json const& queues = body["segmentFilters"][1];
  EXPECT_EQ(queues["type"], "or");
  EXPECT_EQ(queues["predicates"].size(), 2u);
  EXPECT_EQ(queues["predicates"][1]["value"], "q2");
  // direction, division, duration
  ASSERT_EQ(body["conversationFilters"].size(), 3u);
  EXPECT_EQ(body["conversationFilters"][0]["predicates"][0]["dimension"], "originatingDirection");
  EXPECT_EQ(body["conversationFilters"][1]["predicates"][0]["dimension"], "divisionId");
  json const& duration = body["conversationFilters"][2]["predicates"][0];
  EXPECT_EQ(duration["type"], "metric");
  EXPECT_EQ(duration["metric"], "tConversationDuration");
  EXPECT_EQ(duration["range"], (json{{"gte", 30000}, {"lte", 600000}}));
}

TEST(QueryBody, AsyncJobBodyHasNoPaging) {
  QueryRequest r = AllFilters();
  json body = json::parse(BuildAsyncJobBody(r, {r.from, r.to}));
  EXPECT_FALSE(body.contains("paging"));
  ExpectConforms(body, "AsyncConversationQuery");
}

}  // namespace
}  // namespace gctq::query
