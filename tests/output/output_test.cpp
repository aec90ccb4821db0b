#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "gctq/output/csv.h"
#include "gctq/output/record_json.h"
#include "gctq/output/record_writer.h"

namespace gctq::output {
namespace {

query::ConversationRecord Sample() {
  query::ConversationRecord r;
  auto& c = r.conversation;
  c.conversation_id = "11111111-2222-3333-4444-555555555555";
  c.communication_id = "s-1";
  c.start = *query::ParseIsoTime("s", "2026-11-01T10:00:00Z");
  c.end = *query::ParseIsoTime("e", "2026-11-01T10:05:30Z");
  c.duration_ms = 330'000;
  c.originating_direction = "inbound";
  c.queue_ids = {"q-1", "q-2"};
  c.agents = {{"u-1", "Ann, \"The\" Agent"}};
  r.sentiment = -42.345;
  r.transcript_status = query::TranscriptStatus::kFetched;
  r.analysis_json = R"({"keywords":["refund"]})";
  return r;
}

query::RunReport Report() {
  query::RunReport run;
  query::WindowReport w;
  w.window = {*query::ParseIsoTime("f", "2026-11-01T00:00:00Z"),
              *query::ParseIsoTime("t", "2026-11-08T00:00:00Z")};
  w.expected = 1;
  w.pages = 1;
  w.counts.received = w.counts.fetched = w.counts.emitted = w.counts.transcripts_fetched = 1;
  query::WindowReport truncated = w;
  truncated.index = 1;
  truncated.truncated = true;
  truncated.note = "--max-pages 1 reached with more pages left";
  run.windows = {w, truncated};
  run.totals = w.counts;
  run.totals += w.counts;
  return run;
}

TEST(Csv, QuotesPerRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvLine({"a", "", "b,c"}), "a,,\"b,c\"\r\n");
}

TEST(RecordJson, HasTheDocumentedFields) {
  auto j = nlohmann::json::parse(RecordJson(Sample()));
  EXPECT_EQ(j["conversationId"], "11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(j["start"], "2026-11-01T10:00:00.000Z");
  EXPECT_EQ(j["end"], "2026-11-01T10:05:30.000Z");
  EXPECT_EQ(j["direction"], "inbound");
  EXPECT_EQ(j["queues"], (nlohmann::json{"q-1", "q-2"}));
  EXPECT_EQ(j["agents"][0]["userId"], "u-1");
  EXPECT_EQ(j["duration_ms"], 330000);
  EXPECT_DOUBLE_EQ(j["sentiment"].get<double>(), -42.3);
  EXPECT_EQ(j["transcript_status"], "fetched");
  EXPECT_EQ(j["analysis"]["keywords"][0], "refund");
  auto none = Sample();
  none.sentiment.reset();
  none.analysis_json.reset();
  j = nlohmann::json::parse(RecordJson(none));
  EXPECT_TRUE(j["sentiment"].is_null());
  EXPECT_FALSE(j.contains("analysis"));
}

TEST(JsonlWriter, OneObjectPerLineThenTheReport) {
  std::ostringstream out;
  auto writer = MakeRecordWriter(OutputFormat::kJsonl, out, out);
  writer->OnRecord(Sample());
  writer->OnRecord(Sample());
  writer->OnRunReport(Report());
  std::istringstream lines(out.str());
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 5u);
  EXPECT_EQ(objects[0]["type"], "conversation");
  EXPECT_EQ(objects[2]["type"], "window");
  EXPECT_EQ(objects[2]["data"]["status"], "complete");
  EXPECT_EQ(objects[3]["data"]["status"], "truncated");
  EXPECT_EQ(objects[4]["type"], "summary");
  EXPECT_EQ(objects[4]["data"]["truncated_windows"], 1);
  EXPECT_EQ(objects[4]["data"]["complete"], false);
}

TEST(CsvWriter, HeaderRowsAndReportElsewhere) {
  std::ostringstream out, report;
  auto writer = MakeRecordWriter(OutputFormat::kCsv, out, report);
  writer->OnRecord(Sample());
  writer->OnRunReport(Report());
  std::string const csv = out.str();
  EXPECT_EQ(csv.rfind("conversationId,start,end,direction,queues,agents,", 0), 0u);
  EXPECT_NE(csv.find("q-1;q-2"), std::string::npos);
  EXPECT_NE(csv.find("\"Ann, \"\"The\"\" Agent\""), std::string::npos);
  EXPECT_NE(csv.find(",-42.3,fetched,"), std::string::npos);
  EXPECT_EQ(csv.find("Completeness"), std::string::npos);
  EXPECT_NE(report.str().find("Completeness report"), std::string::npos);
  EXPECT_NE(report.str().find("truncated: --max-pages 1"), std::string::npos);
  EXPECT_NE(report.str().find("INCOMPLETE"), std::string::npos);
}

TEST(CsvWriter, EmptyResultStillHasAHeader) {
  std::ostringstream out, report;
  auto writer = MakeRecordWriter(OutputFormat::kCsv, out, report);
  writer->OnRunReport({});
  std::string const csv = out.str();
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1);
}

TEST(TableWriter, AlignedForPeople) {
  std::ostringstream out;
  auto writer = MakeRecordWriter(OutputFormat::kTable, out, out);
  writer->OnRecord(Sample());
  writer->OnRunReport(Report());
  EXPECT_NE(out.str().find("START"), std::string::npos);
  EXPECT_NE(out.str().find("5:30"), std::string::npos);
  EXPECT_NE(out.str().find("Totals: 2 windows (1 truncated, 0 failed)"), std::string::npos);
}

TEST(ParseOutputFormat, NamesTheFlag) {
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  auto bad = ParseOutputFormat("xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("--format"), std::string::npos);
}

}  // namespace
}  // namespace gctq::output
