#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/query/iso_time.h"
#include "gctq/transcript/sentiment.h"

namespace gctq::query {

inline constexpr int kMaxSyncPageSize = 100;         ///< api-reference §8: strict profile.
inline constexpr int kMaxAsyncPageSize = 1000;       ///< Async job results page size.
inline constexpr std::int64_t kResultCap = 100'000;  ///< pageNumber x pageSize limit of the sync query.
inline constexpr Millis kMaxWindow = std::chrono::days{7};
inline constexpr Millis kDefaultLookback = std::chrono::days{35};
inline constexpr int kMaxConcurrency = 64;

/// Filters that become the details query's segmentFilters / conversationFilters. Within one list the
/// values are alternatives (OR); different lists must all hold (AND). Empty = no constraint.
struct QueryFilters {
  std::vector<std::string> queue_ids;           ///< segment queueId
  std::vector<std::string> user_ids;            ///< segment userId (agents)
  std::vector<std::string> directions;          ///< conversation originatingDirection: inbound|outbound
  std::vector<std::string> division_ids;        ///< conversation divisionId
  std::vector<std::string> wrap_up_codes;       ///< segment wrapUpCode (an id)
  std::vector<std::string> anis;                ///< segment ani, e.g. tel:+15551234567
  std::vector<std::string> dnises;              ///< segment dnis
  std::optional<std::int64_t> min_duration_ms;  ///< conversation metric tConversationDuration >=
  std::optional<std::int64_t> max_duration_ms;  ///< conversation metric tConversationDuration <=
};

/// A checked query: what RunQuery executes. Build it with ResolveQueryRequest (from flags) or by
/// hand and pass it through ValidateQueryRequest.
struct QueryRequest {
  TimePoint from;  ///< inclusive
  TimePoint to;    ///< exclusive
  QueryFilters filters;
  std::string media_type = "voice";
  std::vector<std::string> keywords;  ///< Normalized (trimmed, lower-case, unique); for the Analyze hook.
  std::optional<transcript::SentimentRange> sentiment;  ///< Filter; implies fetching sentiment.
  bool fetch_sentiment = false;  ///< Fetch STA sentiment even without a filter (for the output).
  bool fetch_transcripts = true;
  int page_size = kMaxSyncPageSize;         ///< 1..100
  int async_page_size = kMaxAsyncPageSize;  ///< 1..1000
  int max_pages = 0;                        ///< Per window; 0 = no limit. Reaching it = TRUNCATED.
  Millis window = kMaxWindow;               ///< 1m..7d
  Millis lookback = kDefaultLookback;       ///< Windows starting earlier than now - lookback go async.
  std::int64_t result_cap = kResultCap;     ///< A sync window with more totalHits is split in halves.
  int concurrency = 8;                      ///< 1..64 transcript/sentiment workers.

  [[nodiscard]] bool NeedsSentiment() const { return sentiment.has_value() || fetch_sentiment; }
};

/// Every check of a request, before any request is sent: start < end, page size 1..100, known
/// directions, media voice, window 1m..7d, non-empty keywords. Errors are kInvalidArgument and name
/// the field and the limit.
Status ValidateQueryRequest(QueryRequest const& request);

/// Trims, lower-cases (ASCII) and de-duplicates keywords; an empty keyword is an error naming it.
Result<std::vector<std::string>> NormalizeKeywords(std::vector<std::string> const& raw);

}  // namespace gctq::query
