#include <gtest/gtest.h>

#include "gctq/query/query_args.h"
#include "gctq/query/query_request.h"

namespace gctq::query {
namespace {

TimePoint const kNow = *ParseIsoTime("now", "2026-11-10T12:34:56.789Z");

QueryArgs Valid() {
  QueryArgs args;
  args.from = "2026-11-01T00:00:00Z";
  args.to = "2026-11-02T00:00:00Z";
  return args;
}

void ExpectInvalid(QueryArgs const& args, std::string const& needle) {
  auto r = ResolveQueryRequest(args, kNow);
  ASSERT_FALSE(r.ok()) << "expected an error mentioning " << needle;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
}

TEST(ResolveQueryRequest, AcceptsAValidRequest) {
  auto r = ResolveQueryRequest(Valid(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->page_size, 100);
  EXPECT_EQ(r->window, std::chrono::days{7});
  EXPECT_TRUE(r->fetch_transcripts);
  EXPECT_FALSE(r->NeedsSentiment());
}

TEST(ResolveQueryRequest, EndBeforeStart) {
  auto args = Valid();
  std::swap(args.from, args.to);
  ExpectInvalid(args, "must be before --to");
  args.to = args.from;
  ExpectInvalid(args, "must be before --to");
}

TEST(ResolveQueryRequest, MalformedDates) {
  auto args = Valid();
  args.from = "2026-11-01 00:00";
  ExpectInvalid(args, "--from");
  args = Valid();
  args.to = "2026-11-02T00:00:00";
  ExpectInvalid(args, "no time zone");
}

TEST(ResolveQueryRequest, PageSizeLimits) {
  for (int bad : {0, 500, -1, 101}) {
    auto args = Valid();
    args.page_size = bad;
    ExpectInvalid(args, "--page-size: " + std::to_string(bad) + " is outside 1..100");
  }
  auto args = Valid();
  args.page_size = 1;
  EXPECT_TRUE(ResolveQueryRequest(args, kNow).ok());
}

TEST(ResolveQueryRequest, EmptyKeyword) {
  auto args = Valid();
  args.keywords = {"refund", "  "};
  ExpectInvalid(args, "keyword #2");
  args.keywords = {"refund,,cancel"};
  ExpectInvalid(args, "is empty");
}

TEST(ResolveQueryRequest, NormalizesKeywords) {
  auto args = Valid();
  args.keywords = {" Refund , CANCEL my   account", "refund"};
  auto r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->keywords, (std::vector<std::string>{"refund", "cancel my account"}));
}

TEST(ResolveQueryRequest, UnknownDirection) {
  auto args = Valid();
  args.filters.directions = {"sideways"};
  ExpectInvalid(args, "--direction: 'sideways' is not one of inbound, outbound");
}

TEST(ResolveQueryRequest, LastIsRelativeToNow) {
  QueryArgs args;
  args.last = "7d";
  auto r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatIsoTime(r->to), "2026-11-10T12:34:56.000Z");
  EXPECT_EQ(r->to - r->from, std::chrono::days{7});
  args.from = "2026-11-01";
  ExpectInvalid(args, "cannot be combined");
  args = {};
  ExpectInvalid(args, "--from: required");
}

TEST(ResolveQueryRequest, WindowAndConcurrencyLimits) {
  auto args = Valid();
  args.window = "8d";
  ExpectInvalid(args, "--window: 8d is outside 1m..7d");
  args.window = "30s";
  ExpectInvalid(args, "--window");
  args = Valid();
  args.concurrency = 0;
  ExpectInvalid(args, "--concurrency: 0 is outside 1..64");
  args = Valid();
  args.max_pages = -1;
  ExpectInvalid(args, "--max-pages");
}

TEST(ResolveQueryRequest, Durations) {
  auto args = Valid();
  args.min_duration = "30s";
  args.max_duration = "10m";
  auto r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->filters.min_duration_ms, 30'000);
  EXPECT_EQ(r->filters.max_duration_ms, 600'000);
  args.min_duration = "20m";
  ExpectInvalid(args, "greater than --max-duration");
}

TEST(ResolveQueryRequest, SentimentNamesAndBounds) {
  auto args = Valid();
  args.sentiment = "negative";
  auto r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->NeedsSentiment());
  EXPECT_TRUE(r->sentiment->Contains(-25.0));
  EXPECT_FALSE(r->sentiment->Contains(-24.9));
  EXPECT_FALSE(r->sentiment->Contains(std::nullopt));
  args.sentiment_max = -50;
  r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->sentiment->Contains(-40.0));
  args.sentiment = "grumpy";
  ExpectInvalid(args, "--sentiment: 'grumpy'");
  args = Valid();
  args.sentiment_min = -150;
  ExpectInvalid(args, "--sentiment-min: -150 is outside -100..100");
  args = Valid();
  args.sentiment = "neutral";
  r = ResolveQueryRequest(args, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->sentiment->Contains(0.0));
  EXPECT_FALSE(r->sentiment->Contains(25.0));
  EXPECT_FALSE(r->sentiment->Contains(-25.0));
}

TEST(ValidateQueryRequest, MediaMustBeVoice) {
  QueryRequest r;
  r.from = kNow - std::chrono::hours{1};
  r.to = kNow;
  r.media_type = "chat";
  auto s = ValidateQueryRequest(r);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("only voice"), std::string::npos);
}

}  // namespace
}  // namespace gctq::query
