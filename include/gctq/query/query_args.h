#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/query/query_request.h"

namespace gctq::query {

/// The `gctq query` flags as typed: strings and numbers, unchecked. ResolveQueryRequest turns them
/// into a checked QueryRequest (parse -> resolve -> run).
struct QueryArgs {
  std::string from, to;  ///< ISO-8601 instants; or `last` instead.
  std::string last;      ///< `7d`, `24h`, `90m`: the range [now - last, now).
  QueryFilters filters;
  std::string min_duration, max_duration;              ///< Spans: `30s`, `5m`.
  std::vector<std::string> keywords;                   ///< Each item may hold several, comma-separated.
  std::string sentiment;                               ///< negative | neutral | positive
  std::optional<double> sentiment_min, sentiment_max;  ///< UI scale -100..100
  bool with_sentiment = false;
  bool no_transcripts = false;
  int page_size = kMaxSyncPageSize;
  int max_pages = 0;
  std::string window = "7d";
  std::string lookback = "35d";
  int concurrency = 8;
};

/// Resolves and validates flags. `now` anchors `--last` (its end is `now` floored to the second).
Result<QueryRequest> ResolveQueryRequest(QueryArgs const& args, TimePoint now);

}  // namespace gctq::query
