#include "gctq/query/query_runner.h"

#include <gtest/gtest.h>

#include "query/collecting_sink.h"
#include "query/fake_genesys.h"

namespace gctq::query {
namespace {

using std::chrono::days;
using std::chrono::hours;
using testing::CollectingSink;
using testing::FakeGenesys;

TimePoint const kNow = *ParseIsoTime("now", "2026-11-30T00:00:00Z");
std::int64_t Ms(TimePoint t) {
  return t.time_since_epoch().count();
}

class QueryRunnerTest : public ::testing::Test {
 protected:
  QueryRequest Request(TimePoint from, TimePoint to) {
    QueryRequest r;
    r.from = from;
    r.to = to;
    r.fetch_transcripts = false;
    r.concurrency = 4;
    return r;
  }
  RunReport Run(QueryRequest const& request) {
    QueryContext context{fake.transport(), FakeGenesys::kBase, analyze, [] { return kNow; }, [](Millis) {}};
    auto report = RunQuery(request, context, sink);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : RunReport{};
  }

  FakeGenesys fake;
  CollectingSink sink;
  AnalyzeHook analyze;
};

TEST_F(QueryRunnerTest, PagesThroughEveryPageInOrder) {
  fake.Generate(250, Ms(kNow - days{2}), 60'000);
  auto report = Run(Request(kNow - days{3}, kNow));
  EXPECT_EQ(sink.records.size(), 250u);
  auto const ids = sink.Ids();
  EXPECT_EQ(ids.front(), "c-00000");
  EXPECT_EQ(ids.back(), "c-00249");
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(fake.Count("/details/query"), 3);  // 100 + 100 + 50
  ASSERT_EQ(report.windows.size(), 1u);
  EXPECT_EQ(report.windows[0].expected, 250);
  EXPECT_EQ(report.windows[0].counts.fetched, 250);
  EXPECT_EQ(report.windows[0].pages, 3);
  EXPECT_TRUE(report.Complete());
  EXPECT_EQ(report.totals.transcripts_skipped, 250);
}

TEST_F(QueryRunnerTest, SplitsTheRangeIntoWindows) {
  fake.Generate(30, Ms(kNow - days{20}), Ms(kNow - days{19}) - Ms(kNow - days{20}) + 1);
  auto report = Run(Request(kNow - days{20}, kNow));
  EXPECT_EQ(report.windows.size(), 3u);
  EXPECT_EQ(sink.records.size(), 20u);  // one conversation per day (+1 ms) in [-20d, now)
  EXPECT_EQ(sink.windows.size(), 3u);
  for (auto const& body : fake.query_bodies()) EXPECT_EQ(body["paging"]["pageSize"], 100);
}

TEST_F(QueryRunnerTest, MaxPagesMarksTheWindowTruncated) {
  fake.Generate(250, Ms(kNow - days{2}), 60'000);
  auto request = Request(kNow - days{3}, kNow);
  request.max_pages = 2;
  auto report = Run(request);
  EXPECT_EQ(sink.records.size(), 200u);
  ASSERT_EQ(report.windows.size(), 1u);
  EXPECT_TRUE(report.windows[0].truncated);
  EXPECT_NE(report.windows[0].note.find("--max-pages 2"), std::string::npos);
  EXPECT_FALSE(report.Complete());
  EXPECT_EQ(report.TruncatedWindows(), 1u);
}

TEST_F(QueryRunnerTest, MaxPagesExactlyEnoughIsNotTruncated) {
  fake.Generate(200, Ms(kNow - days{2}), 60'000);
  auto request = Request(kNow - days{3}, kNow);
  request.max_pages = 2;
  auto report = Run(request);
  EXPECT_EQ(sink.records.size(), 200u);
  EXPECT_TRUE(report.Complete());
}

TEST_F(QueryRunnerTest, DeduplicatesRepeatedConversationsAndReconciles) {
  fake.Generate(150, Ms(kNow - days{2}), 60'000);
  fake.duplicate_first_on_page2 = true;  // page 2 = c-00000 again + c-00100..c-00149
  fake.total_hits_bonus = 1;             // totalHits drifts 150 -> 151 between pages
  auto report = Run(Request(kNow - days{3}, kNow));
  EXPECT_EQ(sink.records.size(), 150u);
  auto const& w = report.windows[0];
  EXPECT_EQ(w.counts.received, 151);
  EXPECT_EQ(w.counts.duplicates, 1);
  EXPECT_EQ(w.counts.fetched, 150);
  EXPECT_EQ(w.expected, 151);
  EXPECT_EQ(w.expected_first, 150);
  EXPECT_EQ(w.Shortfall(), 0);
  EXPECT_TRUE(report.Complete());
}

TEST_F(QueryRunnerTest, ShortfallAgainstTotalHitsIsReported) {
  fake.Generate(150, Ms(kNow - days{2}), 60'000);
  fake.total_hits_bonus = 5;  // the service announces 155 but returns 150
  auto report = Run(Request(kNow - days{3}, kNow));
  EXPECT_EQ(report.windows[0].Shortfall(), 5);
  EXPECT_NE(report.windows[0].note.find("totalHits announced 155, the pages returned 150"),
            std::string::npos);
  EXPECT_TRUE(report.Complete());  // reported, not a failure: totalHits is approximate
}

TEST_F(QueryRunnerTest, WindowAboveTheResultCapIsSplitInHalves) {
  fake.Generate(40, Ms(kNow - days{2}), 3'600'000);
  auto request = Request(kNow - days{3}, kNow);
  request.page_size = 10;
  request.result_cap = 25;
  auto report = Run(request);
  EXPECT_EQ(sink.records.size(), 40u);
  auto const ids = sink.Ids();
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_GE(report.windows.size(), 2u);
  std::int64_t fetched = 0;
  for (auto const& w : report.windows) {
    EXPECT_LE(*w.expected, 25);
    EXPECT_GE(w.window.split_depth, 1);
    fetched += w.counts.fetched;
  }
  EXPECT_EQ(fetched, 40);
  EXPECT_TRUE(report.Complete());
}

TEST_F(QueryRunnerTest, OldWindowsGoThroughAsyncJobs) {
  fake.Generate(2500, Ms(kNow - days{45}), 60'000);  // ~1.7 days of calls, 45 days ago
  auto report = Run(Request(kNow - days{46}, kNow - days{40}));
  EXPECT_EQ(sink.records.size(), 2500u);
  ASSERT_EQ(report.windows.size(), 1u);
  EXPECT_EQ(report.windows[0].window.mode, WindowMode::kAsync);
  EXPECT_EQ(report.windows[0].pages, 3);  // 1000 + 1000 + 500 via the cursor
  EXPECT_FALSE(report.windows[0].expected.has_value());
  EXPECT_EQ(fake.Count("/details/query"), 0);
  EXPECT_EQ(fake.Count("/results"), 3);
  EXPECT_EQ(fake.deleted_jobs, 1);
  EXPECT_TRUE(report.Complete());
}

TEST_F(QueryRunnerTest, FailedAsyncJobIsAWindowError) {
  fake.Generate(10, Ms(kNow - days{45}), 60'000);
  fake.async_final_state = "FAILED";
  auto report = Run(Request(kNow - days{46}, kNow - days{40}));
  EXPECT_TRUE(sink.records.empty());
  ASSERT_TRUE(report.windows[0].error.has_value());
  EXPECT_NE(report.windows[0].note.find("FAILED"), std::string::npos);
  EXPECT_EQ(report.FailedWindows(), 1u);
  EXPECT_FALSE(report.fatal_error.has_value());
  EXPECT_EQ(fake.deleted_jobs, 1);
}

TEST_F(QueryRunnerTest, InvalidRequestSendsNothing) {
  auto request = Request(kNow, kNow - days{1});
  QueryContext context{fake.transport(), FakeGenesys::kBase, {}, {}, {}};
  auto report = RunQuery(request, context, sink);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(fake.transport()->requests().empty());
}

TEST_F(QueryRunnerTest, StreamsRecordsBeforeTheRunEnds) {
  fake.Generate(120, Ms(kNow - days{2}), 60'000);
  auto request = Request(kNow - days{3}, kNow);
  request.window = days{1};
  Run(request);
  // Each window report comes after that window's records and before later ones.
  ASSERT_EQ(sink.windows.size(), 3u);
  EXPECT_EQ(sink.run.windows.size(), 3u);
  EXPECT_EQ(sink.run.totals.emitted, 120);
}

}  // namespace
}  // namespace gctq::query
