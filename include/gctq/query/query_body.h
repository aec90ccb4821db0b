#pragma once

#include <string>

#include "gctq/query/query_request.h"
#include "gctq/query/window_plan.h"

namespace gctq::query {

/// The JSON body of POST /api/v2/analytics/conversations/details/query (a ConversationQuery) for one
/// page of one window: interval, order asc by conversationStart, paging, and the filters:
/// - segmentFilters: mediaType (always), queueId, userId, wrapUpCode, ani, dnis;
/// - conversationFilters: originatingDirection, divisionId, tConversationDuration range (ms).
/// Each filter list becomes one filter (`or` over its values); the filters are ANDed.
std::string BuildDetailsQueryBody(QueryRequest const& request, QueryWindow const& window, int page_number);

/// The JSON body of POST /api/v2/analytics/conversations/details/jobs (an AsyncConversationQuery):
/// same filters, order and interval, no paging.
std::string BuildAsyncJobBody(QueryRequest const& request, QueryWindow const& window);

}  // namespace gctq::query
