#include "output/record_writers.h"

#include <fmt/format.h>

#include "gctq/output/csv.h"
#include "gctq/output/record_json.h"
#include "gctq/output/record_writer.h"
#include "gctq/query/iso_time.h"

namespace gctq::internal {
namespace {

std::string Join(std::vector<std::string> const& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string AgentNames(query::ConversationSummary const& c) {
  std::vector<std::string> names;
  for (auto const& a : c.agents) names.push_back(a.name.empty() ? a.user_id : a.name);
  return Join(names, ";");
}

std::string AgentIds(query::ConversationSummary const& c) {
  std::vector<std::string> ids;
  for (auto const& a : c.agents) ids.push_back(a.user_id);
  return Join(ids, ";");
}

std::string Sentiment(query::ConversationRecord const& r) {
  return r.sentiment ? fmt::format("{}", output::RoundSentiment(*r.sentiment)) : std::string();
}

std::string Seconds(std::int64_t ms) {
  return fmt::format("{}:{:02d}", ms / 60'000, (ms / 1'000) % 60);
}

}  // namespace

void JsonlWriter::OnRecord(query::ConversationRecord const& record) {
  out_ << R"({"type":"conversation","data":)" << output::RecordJson(record) << "}\n";
}

void JsonlWriter::OnRunReport(query::RunReport const& report) {
  for (auto const& w : report.windows)
    out_ << R"({"type":"window","data":)" << output::WindowReportJson(w) << "}\n";
  out_ << R"({"type":"summary","data":)" << output::RunSummaryJson(report) << "}\n";
  out_.flush();
}

void CsvWriter::WriteHeaderOnce() {
  if (header_written_) return;
  out_ << output::CsvLine({"conversationId", "start", "end", "direction", "queues", "agents", "agent_ids",
                           "wrap_up_codes", "duration_ms", "sentiment", "transcript_status", "analysis"});
  header_written_ = true;
}

void CsvWriter::OnRecord(query::ConversationRecord const& record) {
  WriteHeaderOnce();
  auto const& c = record.conversation;
  out_ << output::CsvLine(
      {c.conversation_id, query::FormatIsoTime(c.start), c.end ? query::FormatIsoTime(*c.end) : "",
       c.originating_direction, Join(c.queue_ids, ";"), AgentNames(c), AgentIds(c),
       Join(c.wrap_up_codes, ";"), std::to_string(c.duration_ms), Sentiment(record),
       std::string(query::ToString(record.transcript_status)), record.analysis_json.value_or("")});
}

void CsvWriter::OnRunReport(query::RunReport const& report) {
  WriteHeaderOnce();  // Never leave a CSV without its header.
  out_.flush();
  output::WriteCompletenessReport(report, report_);
}

void TableWriter::OnRecord(query::ConversationRecord const& record) {
  if (!header_written_) {
    out_ << fmt::format("{:<24} {:<36} {:<8} {:>8} {:>6} {:<13} {}\n", "START", "CONVERSATION", "DIR",
                        "DURATION", "SENT", "TRANSCRIPT", "AGENTS");
    header_written_ = true;
  }
  auto const& c = record.conversation;
  out_ << fmt::format("{:<24} {:<36} {:<8} {:>8} {:>6} {:<13} {}\n", query::FormatIsoTime(c.start),
                      c.conversation_id, c.originating_direction, Seconds(c.duration_ms), Sentiment(record),
                      query::ToString(record.transcript_status), AgentNames(c));
}

void TableWriter::OnRunReport(query::RunReport const& report) {
  if (!header_written_) out_ << "(no conversations)\n";
  out_.flush();
  output::WriteCompletenessReport(report, report_);
}

}  // namespace gctq::internal
