#include "gctq/query/run_report.h"

#include <algorithm>

#include "gctq/query/conversation_record.h"
#include "gctq/query/record_sink.h"

namespace gctq::query {

std::string_view ToString(TranscriptStatus status) {
  switch (status) {
    case TranscriptStatus::kFetched: return "fetched";
    case TranscriptStatus::kNoTranscript: return "no_transcript";
    case TranscriptStatus::kFailed: return "failed";
    case TranscriptStatus::kSkipped: return "skipped";
  }
  return "failed";
}

OutcomeCounts& OutcomeCounts::operator+=(OutcomeCounts const& o) {
  received += o.received;
  fetched += o.fetched;
  duplicates += o.duplicates;
  outside_window += o.outside_window;
  emitted += o.emitted;
  sentiment_filtered += o.sentiment_filtered;
  sentiment_missing += o.sentiment_missing;
  sentiment_failed += o.sentiment_failed;
  analysis_filtered += o.analysis_filtered;
  transcripts_fetched += o.transcripts_fetched;
  transcripts_missing += o.transcripts_missing;
  transcripts_failed += o.transcripts_failed;
  transcripts_skipped += o.transcripts_skipped;
  return *this;
}

std::int64_t WindowReport::Shortfall() const {
  if (!expected || truncated || error) return 0;
  return std::max<std::int64_t>(0, *expected - counts.received);
}

bool WindowReport::Complete() const {
  return !truncated && !error && counts.transcripts_failed == 0 && counts.sentiment_failed == 0;
}

bool RunReport::Complete() const {
  return !fatal_error &&
         std::all_of(windows.begin(), windows.end(), [](auto const& w) { return w.Complete(); });
}

std::size_t RunReport::TruncatedWindows() const {
  return std::count_if(windows.begin(), windows.end(), [](auto const& w) { return w.truncated; });
}

std::size_t RunReport::FailedWindows() const {
  return std::count_if(windows.begin(), windows.end(), [](auto const& w) { return w.error.has_value(); });
}

void TeeSink::OnPage(PageInfo const& page) {
  for (auto* s : sinks_) s->OnPage(page);
}
void TeeSink::OnRecord(ConversationRecord const& record) {
  for (auto* s : sinks_) s->OnRecord(record);
}
void TeeSink::OnWindowReport(WindowReport const& report) {
  for (auto* s : sinks_) s->OnWindowReport(report);
}
void TeeSink::OnRunReport(RunReport const& report) {
  for (auto* s : sinks_) s->OnRunReport(report);
}

}  // namespace gctq::query
