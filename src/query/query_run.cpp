#include "query/query_run.h"

#include <fmt/format.h>

#include <thread>

#include "query/api_response.h"

namespace gctq::internal {
namespace {

using query::OutcomeCounts;
using query::TranscriptStatus;

Sleeper SleeperOrDefault(query::Sleeper const& sleep) {
  if (sleep) return sleep;
  return [](query::Millis d) { std::this_thread::sleep_for(d); };
}

query::TimePoint Now(query::QueryContext const& context) {
  if (context.now) return context.now();
  return std::chrono::floor<query::Millis>(std::chrono::system_clock::now());
}

}  // namespace

QueryRun::QueryRun(query::QueryRequest const& request, query::QueryContext const& context,
                   query::RecordSink& sink)
    : request_(request),
      context_(context),
      sink_(sink),
      analytics_(context.transport, context.api_base),
      sta_(context.transport, context.api_base),
      lister_(analytics_, request_, SleeperOrDefault(context.sleep)),
      pipeline_(request.concurrency, 4 * request.concurrency,
                [this](std::optional<query::ConversationRecord>&& r) { Emit(std::move(r)); }) {}

query::RunReport QueryRun::Execute() {
  auto planned = query::PlanWindows(request_, Now(context_));
  std::deque<query::QueryWindow> pending(planned.begin(), planned.end());
  while (!pending.empty()) {
    query::QueryWindow window = pending.front();
    pending.pop_front();
    if (fatal()) {
      query::WindowReport skipped;
      skipped.index = report_.windows.size();
      skipped.window = window;
      skipped.error = fatal_error_;
      skipped.note = "not listed: the run stopped";
      report_.windows.push_back(std::move(skipped));
      continue;
    }
    RunWindow(window, pending);
  }
  pipeline_.Drain();
  report_.fatal_error = fatal_error_;
  std::lock_guard lock(sink_mutex_);
  sink_.OnRunReport(report_);
  return report_;
}

void QueryRun::RunWindow(query::QueryWindow const& window, std::deque<query::QueryWindow>& pending) {
  query::WindowReport report;
  report.index = report_.windows.size();
  report.window = window;
  {
    std::lock_guard lock(counts_mutex_);
    window_counts_ = {};
  }
  auto listing = lister_.List(window, [&](int page_number, query::DetailsPage&& page) {
    return OnPage(report, page_number, std::move(page));
  });
  if (listing.outcome == ListingResult::Outcome::kNeedsSplit) {
    auto [first, second] = query::SplitWindow(window);
    pending.push_front(second);
    pending.push_front(first);
    return;
  }
  pipeline_.Drain();
  if (listing.error && IsFatal(*listing.error)) SetFatal(*listing.error);
  report.pages = listing.pages;
  report.expected = listing.last_total_hits;
  if (listing.first_total_hits != listing.last_total_hits) report.expected_first = listing.first_total_hits;
  report.truncated = listing.outcome == ListingResult::Outcome::kTruncated;
  report.error = listing.error;
  report.note = listing.note;
  {
    std::lock_guard lock(counts_mutex_);
    report.counts = window_counts_;
  }
  if (report.Shortfall() > 0 && report.note.empty()) {
    report.note = fmt::format(
        "reconciliation: totalHits announced {}, the pages returned {} (totalHits is approximate)",
        *report.expected, report.counts.received);
  }
  report_.totals += report.counts;
  report_.windows.push_back(report);
  std::lock_guard lock(sink_mutex_);
  sink_.OnWindowReport(report);
}

bool QueryRun::OnPage(query::WindowReport const& report, int page_number, query::DetailsPage&& page) {
  if (fatal()) return false;
  {
    std::lock_guard lock(sink_mutex_);
    sink_.OnPage({report.index, report.window, page_number, page.conversations.size(), page.total_hits,
                  page.fetch_latency});
  }
  for (auto& conversation : page.conversations) {
    Count(&OutcomeCounts::received);
    if (conversation.start < report.window.from || conversation.start >= report.window.to) {
      Count(&OutcomeCounts::outside_window);
      continue;
    }
    if (!seen_.Insert(conversation.conversation_id)) {
      Count(&OutcomeCounts::duplicates);
      continue;
    }
    Count(&OutcomeCounts::fetched);
    pipeline_.Submit([this, c = std::move(conversation), index = report.index, page_number]() mutable {
      return Process(std::move(c), index, page_number);
    });
  }
  return !fatal();
}

std::optional<query::ConversationRecord> QueryRun::Process(query::ConversationSummary conversation,
                                                           std::size_t window_index, int page_number) {
  if (fatal()) return std::nullopt;
  query::ConversationRecord record;
  record.conversation = std::move(conversation);
  record.window_index = window_index;
  record.page_number = page_number;
  if (!PassesSentiment(record)) return std::nullopt;
  FetchTranscriptInto(record);
  if (fatal()) return std::nullopt;
  // Keywords select by transcript content: a conversation without a transcript cannot match (a failed
  // fetch is still written, with its status, so the gap shows).
  bool const unjudgeable = !request_.keywords.empty() &&
                           record.transcript_status != TranscriptStatus::kFetched &&
                           record.transcript_status != TranscriptStatus::kFailed;
  if (record.excluded_by_analysis || unjudgeable) {
    Count(&OutcomeCounts::analysis_filtered);
    return std::nullopt;
  }
  return record;
}

bool QueryRun::PassesSentiment(query::ConversationRecord& record) {
  if (!request_.NeedsSentiment()) return true;
  auto sentiment = sta_.GetSentiment(record.conversation.conversation_id);
  if (!sentiment) {
    if (IsFatal(sentiment.error())) {
      SetFatal(std::move(sentiment).error());
      return false;
    }
    Count(&OutcomeCounts::sentiment_failed);
    return !request_.sentiment.has_value();  // Without a filter the record goes out with no sentiment.
  }
  record.sentiment = *sentiment;
  if (!request_.sentiment) return true;
  if (!record.sentiment) {
    Count(&OutcomeCounts::sentiment_missing);
    return false;
  }
  if (!request_.sentiment->Contains(record.sentiment)) {
    Count(&OutcomeCounts::sentiment_filtered);
    return false;
  }
  return true;
}

void QueryRun::FetchTranscriptInto(query::ConversationRecord& record) {
  if (!request_.fetch_transcripts) {
    record.transcript_status = TranscriptStatus::kSkipped;
    Count(&OutcomeCounts::transcripts_skipped);
    return;
  }
  if (record.conversation.communication_id.empty()) {
    record.transcript_status = TranscriptStatus::kNoTranscript;
    Count(&OutcomeCounts::transcripts_missing);
    return;
  }
  auto transcript = transcript::FetchTranscript(sta_, record.conversation.conversation_id,
                                                record.conversation.communication_id);
  if (!transcript) {
    if (IsFatal(transcript.error())) return SetFatal(std::move(transcript).error());
    record.transcript_status = TranscriptStatus::kFailed;
    record.transcript_error = transcript.error().Describe();
    Count(&OutcomeCounts::transcripts_failed);
    return;
  }
  if (!transcript->has_value()) {
    record.transcript_status = TranscriptStatus::kNoTranscript;
    Count(&OutcomeCounts::transcripts_missing);
    return;
  }
  record.transcript_status = TranscriptStatus::kFetched;
  Count(&OutcomeCounts::transcripts_fetched);
  if (context_.analyze) context_.analyze(record, **transcript);
}

void QueryRun::Emit(std::optional<query::ConversationRecord>&& record) {
  if (!record) return;
  Count(&OutcomeCounts::emitted);
  std::lock_guard lock(sink_mutex_);
  sink_.OnRecord(*record);
}

void QueryRun::SetFatal(Error error) {
  std::lock_guard lock(fatal_mutex_);
  if (!fatal_error_) fatal_error_ = std::move(error);
  has_fatal_.store(true, std::memory_order_release);
}

void QueryRun::Count(std::int64_t OutcomeCounts::*field) {
  std::lock_guard lock(counts_mutex_);
  ++(window_counts_.*field);
}

}  // namespace gctq::internal

namespace gctq::query {

Result<RunReport> RunQuery(QueryRequest const& request, QueryContext const& context, RecordSink& sink) {
  GCTQ_TRY(ValidateQueryRequest(request));
  if (!context.transport) return MakeError(ErrorCode::kInvalidArgument, "RunQuery: no transport");
  if (context.api_base.empty()) return MakeError(ErrorCode::kInvalidArgument, "RunQuery: no API base URL");
  internal::QueryRun run(request, context, sink);
  return run.Execute();
}

}  // namespace gctq::query
