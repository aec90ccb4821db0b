// Parsing and validation of ConversationQuery / AsyncConversationQuery bodies.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "server/details_query.h"

namespace gctq_emulator::server {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 11> kConversationDimensions = {"accessAttribute",
                                                                      "conversationEnd",
                                                                      "conversationId",
                                                                      "conversationInitiator",
                                                                      "conversationStart",
                                                                      "customerParticipation",
                                                                      "divisionId",
                                                                      "externalTag",
                                                                      "mediaStatsMinConversationMos",
                                                                      "originatingDirection",
                                                                      "originatingSocialMediaPublic"};

constexpr std::array<std::string_view, 80> kSegmentDimensions = {"addressFrom",
                                                                 "addressTo",
                                                                 "agentAssistantId",
                                                                 "agentOwned",
                                                                 "ani",
                                                                 "authenticated",
                                                                 "bargedParticipantId",
                                                                 "callbackNumber",
                                                                 "callbackScheduledTime",
                                                                 "canonicalExternalContactId",
                                                                 "cleared",
                                                                 "coachedParticipantId",
                                                                 "conference",
                                                                 "deliveryPushed",
                                                                 "deliveryStatus",
                                                                 "destinationAddress",
                                                                 "destinationConversationId",
                                                                 "detectedSpeechEnd",
                                                                 "detectedSpeechStart",
                                                                 "direction",
                                                                 "disconnectType",
                                                                 "dnis",
                                                                 "edgeId",
                                                                 "engagementSource",
                                                                 "errorCode",
                                                                 "exitReason",
                                                                 "extendedDeliveryStatus",
                                                                 "externalContactId",
                                                                 "externalOrganizationId",
                                                                 "flaggedReason",
                                                                 "flowId",
                                                                 "flowName",
                                                                 "flowOutType",
                                                                 "flowOutcome",
                                                                 "flowOutcomeId",
                                                                 "flowOutcomeValue",
                                                                 "flowVersion",
                                                                 "groupId",
                                                                 "journeyActionId",
                                                                 "journeyActionMapId",
                                                                 "journeyCustomerId",
                                                                 "journeyCustomerIdType",
                                                                 "journeyCustomerSessionId",
                                                                 "mediaCount",
                                                                 "mediaType",
                                                                 "messageType",
                                                                 "monitoredParticipantId",
                                                                 "outboundCampaignId",
                                                                 "outboundContactId",
                                                                 "outboundContactListId",
                                                                 "participantName",
                                                                 "protocolCallId",
                                                                 "provider",
                                                                 "purpose",
                                                                 "queueId",
                                                                 "recording",
                                                                 "remote",
                                                                 "remoteNameDisplayable",
                                                                 "requestedLanguageId",
                                                                 "requestedRouting",
                                                                 "requestedRoutingSkillId",
                                                                 "scoredAgentId",
                                                                 "screenMonitoredUserId",
                                                                 "screenRecording",
                                                                 "scriptId",
                                                                 "segmentEnd",
                                                                 "segmentType",
                                                                 "sessionDnis",
                                                                 "sipResponseCode",
                                                                 "skillExpressionId",
                                                                 "snippetRecording",
                                                                 "subject",
                                                                 "teamId",
                                                                 "transferTargetAddress",
                                                                 "transferTargetName",
                                                                 "transferType",
                                                                 "usedRouting",
                                                                 "userId",
                                                                 "wrapUpCode",
                                                                 "wrapUpNote"};

template <std::size_t N>
bool OneOf(std::array<std::string_view, N> const& names, std::string const& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Conversation metrics are the n*/o*/t* names of the schema; checked by shape, not by list.
bool IsConversationMetric(std::string const& name) {
  return name.size() > 1 && (name[0] == 'n' || name[0] == 'o' || name[0] == 't') &&
         std::isupper(static_cast<unsigned char>(name[1]));
}

struct Parser {
  QueryKind kind;
  std::optional<ApiError> error;

  bool Fail(std::string message) {
    if (!error) error = BadRequest(std::move(message));
    return false;
  }

  bool OnlyKnownKeys(json const& object, std::string_view where,
                     std::initializer_list<std::string_view> keys) {
    if (!object.is_object()) return Fail(std::string(where) + " must be a JSON object");
    for (auto const& [key, value] : object.items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end())
        return Fail("Unrecognized field \"" + key + "\" in " + std::string(where));
    return true;
  }

  bool String(json const& object, char const* key, std::string& out, bool required, std::string_view where) {
    if (!object.contains(key)) return required ? Fail(std::string(where) + "." + key + " is required") : true;
    if (!object[key].is_string()) return Fail(std::string(where) + "." + key + " must be a string");
    out = object[key].get<std::string>();
    return true;
  }

  bool AndOr(json const& object, bool& any, std::string_view where) {
    std::string type;
    if (!String(object, "type", type, true, where)) return false;
    if (type != "and" && type != "or") return Fail(std::string(where) + ".type must be and|or");
    any = type == "or";
    return true;
  }

  bool Range(json const& object, NumericRange& out) {
    if (!OnlyKnownKeys(object, "range", {"gt", "gte", "lt", "lte"})) return false;
    for (auto const& [key, value] : object.items()) {
      if (!value.is_number()) return Fail("range." + key + " must be a number");
      double const number = value.get<double>();
      (key == "gt" ? out.gt : key == "gte" ? out.gte : key == "lt" ? out.lt : out.lte) = number;
    }
    return true;
  }

  bool ParsePredicate(json const& object, bool segment, Predicate& out) {
    if (!OnlyKnownKeys(
            object, "predicate",
            {"type", "dimension", "metric", "property", "propertyType", "operator", "value", "range"}))
      return false;
    std::string type, op = "matches", dimension, metric, property;
    if (!String(object, "type", type, false, "predicate") ||
        !String(object, "operator", op, false, "predicate") ||
        !String(object, "dimension", dimension, false, "predicate") ||
        !String(object, "metric", metric, false, "predicate") ||
        !String(object, "property", property, false, "predicate"))
      return false;
    if (!segment && (object.contains("property") || object.contains("propertyType")))
      return Fail("property predicates exist on segment filters only");
    if (!type.empty() && type != "dimension" && type != "metric" && type != "property")
      return Fail("predicate.type must be dimension|property|metric");
    if (type.empty()) type = !metric.empty() ? "metric" : !property.empty() ? "property" : "dimension";
    if (type == "dimension") {
      out.kind = PredicateKind::kDimension;
      out.name = dimension;
      bool const known =
          segment ? OneOf(kSegmentDimensions, dimension) : OneOf(kConversationDimensions, dimension);
      if (!known)
        return Fail("Unknown " + std::string(segment ? "segment" : "conversation") + " dimension \"" +
                    dimension + "\"");
    } else if (type == "metric") {
      out.kind = PredicateKind::kMetric;
      out.name = metric;
      bool const known = segment ? metric == "tSegmentDuration" : IsConversationMetric(metric);
      if (!known) return Fail("Unknown metric \"" + metric + "\"");
    } else {
      out.kind = PredicateKind::kProperty;
      out.name = property;
      if (property.empty()) return Fail("predicate.property is required for a property predicate");
    }
    if (op == "matches")
      out.op = PredicateOperator::kMatches;
    else if (op == "exists")
      out.op = PredicateOperator::kExists;
    else if (op == "notExists")
      out.op = PredicateOperator::kNotExists;
    else
      return Fail("predicate.operator must be matches|exists|notExists");
    if (object.contains("value")) {
      if (!object["value"].is_string()) return Fail("predicate.value must be a string");
      out.value = object["value"].get<std::string>();
    }
    if (object.contains("range")) {
      out.range.emplace();
      if (!Range(object["range"], *out.range)) return false;
    }
    if (out.op == PredicateOperator::kMatches && !out.value && !out.range)
      return Fail("A matches predicate on \"" + out.name + "\" needs a value or a range");
    return true;
  }

  bool Predicates(json const& object, bool segment, std::vector<Predicate>& out, std::string_view where) {
    if (!object.contains("predicates")) return true;
    if (!object["predicates"].is_array()) return Fail(std::string(where) + ".predicates must be an array");
    for (auto const& item : object["predicates"]) {
      Predicate predicate;
      if (!ParsePredicate(item, segment, predicate)) return false;
      out.push_back(std::move(predicate));
    }
    return true;
  }

  bool Filters(json const& body, char const* key, bool segment, std::vector<Filter>& out) {
    if (!body.contains(key)) return true;
    if (!body[key].is_array()) return Fail(std::string(key) + " must be an array");
    for (auto const& item : body[key]) {
      Filter filter;
      if (!OnlyKnownKeys(item, key, {"type", "clauses", "predicates"}) || !AndOr(item, filter.any, key) ||
          !Predicates(item, segment, filter.predicates, key))
        return false;
      if (item.contains("clauses")) {
        if (!item["clauses"].is_array()) return Fail(std::string(key) + ".clauses must be an array");
        for (auto const& clause_json : item["clauses"]) {
          Clause clause;
          if (!OnlyKnownKeys(clause_json, "clause", {"type", "predicates"}) ||
              !AndOr(clause_json, clause.any, "clause"))
            return false;
          if (!clause_json.contains("predicates")) return Fail("clause.predicates is required");
          if (!Predicates(clause_json, segment, clause.predicates, "clause")) return false;
          filter.clauses.push_back(std::move(clause));
        }
      }
      out.push_back(std::move(filter));
    }
    return true;
  }

  bool Integer(json const& object, char const* key, int& out, std::string_view where) {
    if (!object.contains(key)) return Fail(std::string(where) + "." + key + " is required");
    if (!object[key].is_number_integer()) return Fail(std::string(where) + "." + key + " must be an integer");
    out = object[key].get<int>();
    return true;
  }

  bool Parse(json const& body, DetailsQuery& query) {
    query.kind = kind;
    bool const sync = kind == QueryKind::kSync;
    bool const known_keys =
        sync ? OnlyKnownKeys(body, "ConversationQuery",
                             {"conversationFilters", "segmentFilters", "evaluationFilters", "surveyFilters",
                              "resolutionFilters", "order", "orderBy", "interval", "aggregations", "paging"})
             : OnlyKnownKeys(body, "AsyncConversationQuery",
                             {"conversationFilters", "segmentFilters", "evaluationFilters", "surveyFilters",
                              "resolutionFilters", "order", "orderBy", "interval", "limit",
                              "startOfDayIntervalMatching"});
    if (!known_keys) return false;
    std::string interval, order = "asc";
    if (!String(body, "interval", interval, true, "query") || !String(body, "order", order, false, "query") ||
        !String(body, "orderBy", query.order_by, false, "query"))
      return false;
    auto const parsed = ParseInterval(interval);
    if (!parsed) {
      error = ApiError{400,
                       "invalid.date",
                       "Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ "
                       "(interval \"" +
                           interval + "\")",
                       {}};
      return false;
    }
    query.interval = *parsed;
    if (query.interval.end_ms <= query.interval.start_ms)
      return Fail("The interval end must be after its start");
    if (order != "asc" && order != "desc" && order != "unordered")
      return Fail("order must be asc|desc|unordered");
    query.descending = order == "desc";
    if (query.order_by != "conversationStart" && query.order_by != "conversationEnd" &&
        query.order_by != "segmentStart" && query.order_by != "segmentEnd")
      return Fail("orderBy must be conversationStart|conversationEnd|segmentStart|segmentEnd");
    if (sync && body.contains("paging")) {
      json const& paging = body["paging"];
      if (!OnlyKnownKeys(paging, "paging", {"pageSize", "pageNumber"}) ||
          !Integer(paging, "pageSize", query.page_size, "paging") ||
          !Integer(paging, "pageNumber", query.page_number, "paging"))
        return false;
    }
    if (!sync && body.contains("limit")) {
      int limit = 0;
      if (!Integer(body, "limit", limit, "query")) return false;
      if (limit < 1) return Fail("limit must be positive");
      query.limit = limit;
    }
    if (!sync && body.contains("startOfDayIntervalMatching") &&
        !body["startOfDayIntervalMatching"].is_boolean())
      return Fail("startOfDayIntervalMatching must be a boolean");
    if (sync && body.contains("aggregations") && !body["aggregations"].is_array())
      return Fail("aggregations must be an array");
    for (char const* key : {"evaluationFilters", "surveyFilters", "resolutionFilters"}) {
      if (!body.contains(key)) continue;
      if (!body[key].is_array()) return Fail(std::string(key) + " must be an array");
      if (!body[key].empty()) query.has_unmatchable_filters = true;
    }
    return Filters(body, "conversationFilters", false, query.conversation_filters) &&
           Filters(body, "segmentFilters", true, query.segment_filters);
  }
};

}  // namespace

QueryLimits StrictQueryLimits() {
  return {};
}

QueryLimits LenientQueryLimits() {
  return {1000, 366LL * 86'400'000, 3650LL * 86'400'000, 10'000'000};
}

std::variant<DetailsQuery, ApiError> ParseDetailsQuery(std::string_view body, QueryKind kind) {
  json const document = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return BadRequest("The request body is not valid JSON");
  Parser parser{kind, std::nullopt};
  DetailsQuery query;
  if (!parser.Parse(document, query)) return *parser.error;
  return query;
}

std::optional<ApiError> CheckSyncLimits(DetailsQuery const& query, QueryLimits const& limits,
                                        std::int64_t now_ms) {
  if (query.page_size < 1 || query.page_size > limits.max_page_size)
    return BadRequest("paging.pageSize must be between 1 and " + std::to_string(limits.max_page_size) +
                      " (max page size is " + std::to_string(limits.max_page_size) + ")");
  if (query.page_number < 1) return BadRequest("paging.pageNumber must be at least 1");
  if (query.interval.end_ms - query.interval.start_ms > limits.max_interval_ms)
    return BadRequest("The interval may not exceed " + std::to_string(limits.max_interval_ms / 86'400'000) +
                      " days; use an async details job for longer ranges");
  if (query.interval.start_ms < now_ms - limits.max_lookback_ms)
    return BadRequest("The interval start may be at most " +
                      std::to_string(limits.max_lookback_ms / 86'400'000) +
                      " days in the past; use an async details job for older data");
  if (std::int64_t(query.page_number) * query.page_size > limits.max_results)
    return BadRequest("Pagination may not exceed " + std::to_string(limits.max_results) + " results.");
  return std::nullopt;
}

}  // namespace gctq_emulator::server
