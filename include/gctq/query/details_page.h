#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/query/conversation_summary.h"

namespace gctq::query {

/// One page of conversations: a sync details-query response (totalHits) or an async job results
/// page (cursor, dataAvailabilityDate).
struct DetailsPage {
  std::vector<ConversationSummary> conversations;
  std::optional<std::int64_t> total_hits;      ///< Sync only; approximate on the real service.
  std::optional<std::string> cursor;           ///< Async only; absent on the last page.
  std::optional<TimePoint> data_availability;  ///< Async only.
  Millis fetch_latency{0};                     ///< Wall time of the request (all attempts).
};

/// Parses either response shape. A body that is not JSON, or a conversation without a
/// conversationId or a valid conversationStart, is kDataLoss.
Result<DetailsPage> ParseDetailsPage(std::string_view body);

}  // namespace gctq::query
