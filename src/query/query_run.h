#pragma once

// One execution of RunQuery: the window loop on the calling thread, per-conversation work
// (sentiment, transcript, analysis) on the ordered pipeline.

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>

#include "gctq/query/analytics_api.h"
#include "gctq/query/query_runner.h"
#include "gctq/transcript/sta_api.h"
#include "query/ordered_pipeline.h"
#include "query/seen_conversations.h"
#include "query/window_lister.h"

namespace gctq::internal {

class QueryRun {
 public:
  QueryRun(query::QueryRequest const& request, query::QueryContext const& context, query::RecordSink& sink);
  query::RunReport Execute();

 private:
  void RunWindow(query::QueryWindow const& window, std::deque<query::QueryWindow>& pending);
  bool OnPage(query::WindowReport const& report, int page_number, query::DetailsPage&& page);
  std::optional<query::ConversationRecord> Process(query::ConversationSummary conversation,
                                                   std::size_t window_index, int page_number);
  bool PassesSentiment(query::ConversationRecord& record);
  void FetchTranscriptInto(query::ConversationRecord& record);
  void Emit(std::optional<query::ConversationRecord>&& record);
  void SetFatal(Error error);
  bool fatal() const { return has_fatal_.load(std::memory_order_acquire); }
  void Count(std::int64_t query::OutcomeCounts::*field);

  query::QueryRequest const& request_;
  query::QueryContext const& context_;
  query::RecordSink& sink_;
  std::mutex sink_mutex_;
  query::AnalyticsApi analytics_;
  transcript::StaApi sta_;
  WindowLister lister_;
  SeenConversations seen_;
  std::mutex counts_mutex_;
  query::OutcomeCounts window_counts_;
  std::atomic<bool> has_fatal_{false};
  std::mutex fatal_mutex_;
  std::optional<Error> fatal_error_;
  query::RunReport report_;
  OrderedPipeline pipeline_;  // Last: destroyed (drained) first.
};

}  // namespace gctq::internal
