#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gctq/core/result.h"
#include "gctq/http/transport.h"
#include "gctq/query/conversation_record.h"
#include "gctq/query/query_request.h"
#include "gctq/query/record_sink.h"
#include "gctq/query/run_report.h"

namespace gctq::query {

/// The analysis engine's hook: called on a worker thread (concurrently for different records) with
/// a fetched transcript document. It may set `record.analysis_json` and `excluded_by_analysis`.
using AnalyzeHook = std::function<void(ConversationRecord& record, std::string_view transcript_json)>;
using Sleeper = std::function<void(Millis)>;
using Clock = std::function<TimePoint()>;

/// Everything RunQuery needs besides the request. Only `transport` and `api_base` are required.
struct QueryContext {
  /// Fully decorated (auth, pacing, retries): RunQuery adds no headers and retries nothing itself.
  std::shared_ptr<http::Transport> transport;
  std::string api_base;  ///< "https://api.mypurecloud.com" or the emulator's base URL.
  AnalyzeHook analyze;   ///< Optional.
  Clock now;             ///< Default: the system clock. Anchors the lookback (sync vs async).
  Sleeper sleep;         ///< Default: std::this_thread::sleep_for. Used between async job polls.
};

/// Runs a query: validates, plans the windows, lists every page of every window (splitting on the
/// result cap, async jobs for old windows), de-duplicates, fetches sentiment and transcripts on
/// `request.concurrency` workers and streams the records, in listing order, to `sink`, with a
/// report per window and one for the run. Memory does not grow with the number of records (except
/// 16 bytes per conversation id for de-duplication).
/// Returns an error only when the request is invalid (nothing sent). Auth, permission and quota
/// failures stop the run and are in RunReport::fatal_error; other failures are per window/record.
Result<RunReport> RunQuery(QueryRequest const& request, QueryContext const& context, RecordSink& sink);

}  // namespace gctq::query
