#include <gtest/gtest.h>

#include <atomic>

#include "gctq/query/query_runner.h"
#include "gctq/transcript/sta_api.h"
#include "query/collecting_sink.h"
#include "query/fake_genesys.h"

namespace gctq::transcript {
namespace {

using query::TranscriptStatus;
using std::chrono::days;
using testing::CollectingSink;
using testing::FakeGenesys;

query::TimePoint const kNow = *query::ParseIsoTime("now", "2026-11-30T00:00:00Z");
std::int64_t Ms(query::TimePoint t) {
  return t.time_since_epoch().count();
}

TEST(FetchTranscript, DownloadsThroughThePresignedUrlWithoutTheApiClass) {
  FakeGenesys fake;
  fake.Generate(1, Ms(kNow), 1);
  StaApi api(fake.transport(), FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c-00000", "s-c-00000");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_TRUE(t->has_value());
  EXPECT_NE((*t)->find("hello"), std::string::npos);
  auto requests = fake.transport()->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].endpoint_class, http::EndpointClass::kTranscriptUrl);
  EXPECT_EQ(requests[0].url,
            "http://fake.test/api/v2/speechandtextanalytics/conversations/c-00000/communications/s-c-00000/"
            "transcripturl");
  EXPECT_EQ(requests[1].endpoint_class, http::EndpointClass::kTranscriptDownload);
  EXPECT_TRUE(http::FindHeader(requests[1].headers, "Authorization").empty());
}

TEST(FetchTranscript, NotFoundMeansNoTranscript) {
  FakeGenesys fake;
  fake.Generate(1, Ms(kNow), 1);
  fake.conversations[0].has_transcript = false;
  StaApi api(fake.transport(), FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c-00000", "s-c-00000");
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->has_value());
  EXPECT_EQ(fake.Count("storage.test"), 0);
}

TEST(FetchTranscript, NotFoundArrivingAsAnErrorFromTheDecoratedStack) {
  auto fake = std::make_shared<testing::FakeTransport>();
  Error not_found = MakeError(ErrorCode::kNotFound, "no transcript");
  not_found.http_status = 404;
  fake->Push(not_found);
  StaApi api(fake, FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c", "s");
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->has_value());
}

TEST(FetchTranscript, ExpiredUrlIsReaskedOnce) {
  FakeGenesys fake;
  fake.Generate(1, Ms(kNow), 1);
  fake.expire_downloads = 1;
  StaApi api(fake.transport(), FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c-00000", "s-c-00000");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->has_value());
  EXPECT_EQ(fake.Count("/transcripturl"), 2);
  EXPECT_EQ(fake.Count("storage.test"), 2);
}

TEST(FetchTranscript, ExpiredTwiceFailsWithoutLeakingTheUrlAndIsNotFatal) {
  FakeGenesys fake;
  fake.Generate(1, Ms(kNow), 1);
  fake.expire_downloads = 5;
  StaApi api(fake.transport(), FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c-00000", "s-c-00000");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(t.error().Describe().find("SECRETSIG"), std::string::npos);
  EXPECT_EQ(t.error().Describe().find("storage.test"), std::string::npos);
  EXPECT_EQ(fake.Count("/transcripturl"), 2);
}

TEST(FetchTranscript, ExpiredAsAnErrorFromTheDecoratedStackIsReasked) {
  auto fake = std::make_shared<testing::FakeTransport>();
  fake->OnUrl("/transcripturl",
              [](auto const&) { return testing::Response(200, R"({"url":"https://s3/x"})"); });
  std::atomic<int> downloads{0};
  fake->OnUrl("https://s3/", [&](auto const&) -> Result<http::HttpResponse> {
    if (downloads++ == 0) {
      Error e = MakeError(ErrorCode::kPermissionDenied, "Request has expired");
      e.http_status = 403;
      return e;
    }
    return testing::Response(200, "{}");
  });
  StaApi api(fake, FakeGenesys::kBase);
  auto t = FetchTranscript(api, "c", "s");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(downloads, 2);
}

TEST(StaApi, SentimentOnTheUiScale) {
  FakeGenesys fake;
  fake.Generate(2, Ms(kNow), 1);
  fake.conversations[0].sentiment_score = -0.4;
  fake.conversations[1].sentiment_score = std::nullopt;
  StaApi api(fake.transport(), FakeGenesys::kBase);
  auto s = api.GetSentiment("c-00000");
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(**s, -40.0);
  s = api.GetSentiment("c-00001");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->has_value());
  EXPECT_DOUBLE_EQ(ToUiScale(2.0), 100.0);
}

class TranscriptRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake.Generate(20, Ms(kNow - days{1}), 60'000);
    for (int i = 0; i < 20; ++i) fake.conversations[i].sentiment_score = (i % 4 == 0) ? -0.6 : 0.3;
    fake.conversations[3].has_transcript = false;
    request.from = kNow - days{2};
    request.to = kNow;
    request.concurrency = 3;
  }
  query::RunReport Run() {
    query::QueryContext context{fake.transport(), FakeGenesys::kBase, analyze, [] { return kNow; }, {}};
    auto r = query::RunQuery(request, context, sink);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : query::RunReport{};
  }
  FakeGenesys fake;
  CollectingSink sink;
  query::QueryRequest request;
  query::AnalyzeHook analyze;
};

TEST_F(TranscriptRunTest, EveryConversationGetsATranscriptStatus) {
  auto report = Run();
  ASSERT_EQ(sink.records.size(), 20u);
  EXPECT_EQ(sink.records[3].transcript_status, TranscriptStatus::kNoTranscript);
  EXPECT_EQ(sink.records[4].transcript_status, TranscriptStatus::kFetched);
  EXPECT_EQ(report.totals.transcripts_fetched, 19);
  EXPECT_EQ(report.totals.transcripts_missing, 1);
  EXPECT_TRUE(report.Complete());  // no_transcript is not a failure
  EXPECT_EQ(fake.Count("/speechandtextanalytics/conversations/c-00000"), 1);  // transcripturl only, no STA
}

TEST_F(TranscriptRunTest, SentimentFilterAppliesBeforeTranscriptFetch) {
  request.sentiment = *NamedSentimentRange("negative");
  auto report = Run();
  ASSERT_EQ(sink.records.size(), 5u);  // i % 4 == 0
  for (auto const& r : sink.records) EXPECT_DOUBLE_EQ(*r.sentiment, -60.0);
  EXPECT_EQ(report.totals.sentiment_filtered, 15);
  EXPECT_EQ(fake.Count("/transcripturl"), 5);  // filtered-out conversations cost no transcript request
  EXPECT_EQ(fake.Count("storage.test"), 5);
  EXPECT_EQ(fake.Count("/details/query"), 1);
  EXPECT_EQ(static_cast<int>(fake.transport()->requests().size()), 1 + 20 + 5 + 5);
}

TEST_F(TranscriptRunTest, AnalyzeHookSeesTranscriptsAndCanExclude) {
  std::atomic<int> calls{0};
  analyze = [&](query::ConversationRecord& record, std::string_view transcript) {
    ++calls;
    EXPECT_NE(transcript.find("hello"), std::string_view::npos);
    record.analysis_json = R"({"keywords":["hello"]})";
    record.excluded_by_analysis = record.conversation.conversation_id == "c-00005";
  };
  auto report = Run();
  EXPECT_EQ(calls, 19);
  EXPECT_EQ(sink.records.size(), 19u);
  EXPECT_EQ(report.totals.analysis_filtered, 1);
  EXPECT_EQ(*sink.records[0].analysis_json, R"({"keywords":["hello"]})");
}

TEST_F(TranscriptRunTest, KeywordsLeaveOutConversationsWithoutATranscript) {
  request.keywords = {"hello"};
  analyze = [](query::ConversationRecord&, std::string_view) {};
  auto report = Run();
  EXPECT_EQ(sink.records.size(), 19u);  // c-00003 has no transcript, so it cannot match
  EXPECT_EQ(report.totals.analysis_filtered, 1);
  EXPECT_EQ(report.totals.transcripts_missing, 1);
}

TEST_F(TranscriptRunTest, MissingPermissionStopsTheRun) {
  request.fetch_sentiment = true;
  fake.fail_permission_sta = true;
  auto report = Run();
  ASSERT_TRUE(report.fatal_error.has_value());
  EXPECT_EQ(report.fatal_error->code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(sink.records.empty());
  EXPECT_EQ(fake.Count("/transcripturl"), 0);
  EXPECT_FALSE(report.Complete());
}

TEST_F(TranscriptRunTest, ExpiredUrlsAreRecoveredInARun) {
  fake.expire_once = {"c-00001", "c-00002", "c-00010"};
  auto report = Run();
  EXPECT_EQ(report.totals.transcripts_fetched, 19);
  EXPECT_EQ(report.totals.transcripts_failed, 0);
  EXPECT_EQ(fake.Count("/transcripturl"), 20 + 3);  // one 404 (c-00003) + three re-asks
}

}  // namespace
}  // namespace gctq::transcript
