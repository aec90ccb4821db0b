#include "gctq/query/query_body.h"

#include <nlohmann/json.hpp>

namespace gctq::query {
namespace {

using nlohmann::json;

json Predicate(char const* dimension, std::string const& value) {
  return {{"type", "dimension"}, {"dimension", dimension}, {"operator", "matches"}, {"value", value}};
}

/// Appends `{type: or, predicates: [dimension == v for v in values]}` when values is non-empty.
void AddAnyOf(json& filters, char const* dimension, std::vector<std::string> const& values) {
  if (values.empty()) return;
  json predicates = json::array();
  for (auto const& v : values) predicates.push_back(Predicate(dimension, v));
  filters.push_back({{"type", "or"}, {"predicates", std::move(predicates)}});
}

json SegmentFilters(QueryRequest const& request) {
  json filters = json::array();
  filters.push_back(
      {{"type", "and"}, {"predicates", json::array({Predicate("mediaType", request.media_type)})}});
  auto const& f = request.filters;
  AddAnyOf(filters, "queueId", f.queue_ids);
  AddAnyOf(filters, "userId", f.user_ids);
  AddAnyOf(filters, "wrapUpCode", f.wrap_up_codes);
  AddAnyOf(filters, "ani", f.anis);
  AddAnyOf(filters, "dnis", f.dnises);
  return filters;
}

json ConversationFilters(QueryRequest const& request) {
  json filters = json::array();
  auto const& f = request.filters;
  AddAnyOf(filters, "originatingDirection", f.directions);
  AddAnyOf(filters, "divisionId", f.division_ids);
  if (f.min_duration_ms || f.max_duration_ms) {
    json range = json::object();
    if (f.min_duration_ms) range["gte"] = *f.min_duration_ms;
    if (f.max_duration_ms) range["lte"] = *f.max_duration_ms;
    json predicate = {{"type", "metric"}, {"metric", "tConversationDuration"}, {"range", std::move(range)}};
    filters.push_back({{"type", "and"}, {"predicates", json::array({std::move(predicate)})}});
  }
  return filters;
}

json CommonBody(QueryRequest const& request, QueryWindow const& window) {
  json body = {{"interval", FormatInterval(window)}, {"order", "asc"}, {"orderBy", "conversationStart"}};
  body["segmentFilters"] = SegmentFilters(request);
  json conversation_filters = ConversationFilters(request);
  if (!conversation_filters.empty()) body["conversationFilters"] = std::move(conversation_filters);
  return body;
}

}  // namespace

std::string BuildDetailsQueryBody(QueryRequest const& request, QueryWindow const& window, int page_number) {
  json body = CommonBody(request, window);
  body["paging"] = {{"pageSize", request.page_size}, {"pageNumber", page_number}};
  return body.dump();
}

std::string BuildAsyncJobBody(QueryRequest const& request, QueryWindow const& window) {
  return CommonBody(request, window).dump();
}

}  // namespace gctq::query
