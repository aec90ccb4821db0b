#include "gctq/output/record_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "gctq/query/iso_time.h"

namespace gctq::output {
namespace {

using nlohmann::json;
using query::FormatIsoTime;

json Counts(query::OutcomeCounts const& c) {
  return {{"received", c.received},
          {"fetched", c.fetched},
          {"duplicates", c.duplicates},
          {"outside_window", c.outside_window},
          {"emitted", c.emitted},
          {"sentiment",
           {{"filtered", c.sentiment_filtered},
            {"missing", c.sentiment_missing},
            {"failed", c.sentiment_failed}}},
          {"analysis_filtered", c.analysis_filtered},
          {"transcripts",
           {{"fetched", c.transcripts_fetched},
            {"missing", c.transcripts_missing},
            {"failed", c.transcripts_failed},
            {"skipped", c.transcripts_skipped}}}};
}

json Optional(std::optional<std::int64_t> const& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

double RoundSentiment(double ui_score) {
  return std::round(ui_score * 10.0) / 10.0;
}

std::string_view WindowStatus(query::WindowReport const& r) {
  if (r.error) return "failed";
  if (r.truncated) return "truncated";
  if (!r.Complete()) return "incomplete";
  return "complete";
}

std::string RecordJson(query::ConversationRecord const& record) {
  auto const& c = record.conversation;
  json agents = json::array();
  for (auto const& a : c.agents) agents.push_back({{"userId", a.user_id}, {"name", a.name}});
  json out = {{"conversationId", c.conversation_id},
              {"communicationId", c.communication_id},
              {"start", FormatIsoTime(c.start)},
              {"end", c.end ? json(FormatIsoTime(*c.end)) : json(nullptr)},
              {"direction", c.originating_direction},
              {"divisions", c.division_ids},
              {"queues", c.queue_ids},
              {"agents", std::move(agents)},
              {"wrap_up_codes", c.wrap_up_codes},
              {"duration_ms", c.duration_ms},
              {"in_progress", c.in_progress()},
              {"sentiment", record.sentiment ? json(RoundSentiment(*record.sentiment)) : json(nullptr)},
              {"transcript_status", query::ToString(record.transcript_status)}};
  if (record.transcript_status == query::TranscriptStatus::kFailed)
    out["transcript_error"] = record.transcript_error;
  if (record.analysis_json) {
    json analysis = json::parse(*record.analysis_json, nullptr, false);
    out["analysis"] =
        analysis.is_discarded() ? json{{"error", "the analysis was not valid JSON"}} : std::move(analysis);
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string WindowReportJson(query::WindowReport const& r) {
  json out = {{"index", r.index},
              {"from", FormatIsoTime(r.window.from)},
              {"to", FormatIsoTime(r.window.to)},
              {"mode", query::ToString(r.window.mode)},
              {"split_depth", r.window.split_depth},
              {"status", WindowStatus(r)},
              {"expected", Optional(r.expected)},
              {"pages", r.pages},
              {"truncated", r.truncated},
              {"shortfall", r.Shortfall()},
              {"counts", Counts(r.counts)}};
  if (r.expected_first) out["expected_first"] = *r.expected_first;
  if (!r.note.empty()) out["note"] = r.note;
  if (r.error) out["error"] = {{"code", ToString(r.error->code)}, {"message", r.error->Describe()}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string RunSummaryJson(query::RunReport const& report) {
  json out = {{"complete", report.Complete()},
              {"windows", report.windows.size()},
              {"truncated_windows", report.TruncatedWindows()},
              {"failed_windows", report.FailedWindows()},
              {"totals", Counts(report.totals)}};
  if (report.fatal_error) {
    out["fatal_error"] = {{"code", ToString(report.fatal_error->code)},
                          {"message", report.fatal_error->Describe()}};
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace gctq::output
