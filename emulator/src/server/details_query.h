#pragma once

// The analytics conversation details query: ConversationQuery / AsyncConversationQuery parsed and
// validated like the real API, then run against an Org.
//
// Interval semantics: a sync query returns conversations that STARTED within [start, end) (the real
// service says "started on a day touched by the interval"; exact start-in-interval is the strict
// reading). An async job returns conversations with activity during the interval: they started
// before its end and had not ended before its start.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/org.h"
#include "server/error_body.h"
#include "server/iso8601.h"

namespace gctq_emulator::server {

struct NumericRange {
  std::optional<double> gt, gte, lt, lte;
  [[nodiscard]] bool Contains(double value) const;
};

enum class PredicateKind { kDimension, kMetric, kProperty };
enum class PredicateOperator { kMatches, kExists, kNotExists };

struct Predicate {
  PredicateKind kind = PredicateKind::kDimension;
  std::string name;  ///< The dimension, metric or property.
  PredicateOperator op = PredicateOperator::kMatches;
  std::optional<std::string> value;
  std::optional<NumericRange> range;
};

struct Clause {
  bool any = false;  ///< "or"; false: "and".
  std::vector<Predicate> predicates;
};

struct Filter {
  bool any = false;
  std::vector<Clause> clauses;
  std::vector<Predicate> predicates;
};

enum class QueryKind { kSync, kAsync };

struct DetailsQuery {
  QueryKind kind = QueryKind::kSync;
  Interval interval;
  bool descending = false;
  std::string order_by = "conversationStart";
  int page_size = 25;
  int page_number = 1;
  std::optional<int> limit;  ///< Async only.
  std::vector<Filter> conversation_filters;
  std::vector<Filter> segment_filters;
  bool has_unmatchable_filters = false;  ///< evaluation/survey/resolution filters: the org has no such data.
};

struct QueryLimits {
  int max_page_size = 100;
  std::int64_t max_interval_ms = 7LL * 86'400'000;
  std::int64_t max_lookback_ms = 35LL * 86'400'000;
  std::int64_t max_results = 100'000;
};

QueryLimits StrictQueryLimits();
QueryLimits LenientQueryLimits();

/// Parses and schema-validates the JSON body: 400 bad.request for malformed JSON, unknown fields,
/// wrong types or enums; 400 invalid.date for a malformed interval.
std::variant<DetailsQuery, ApiError> ParseDetailsQuery(std::string_view body, QueryKind kind);

/// The sync query's service limits (page size, interval length, lookback, result cap).
std::optional<ApiError> CheckSyncLimits(DetailsQuery const& query, QueryLimits const& limits,
                                        std::int64_t now_ms);

/// Whether the conversation passes every conversation and segment filter.
bool MatchesFilters(DetailsQuery const& query, Conversation const& conversation);

/// Indexes of the matching conversations, in the requested order (all pages).
std::vector<std::uint32_t> RunDetailsQuery(Org const& org, DetailsQuery const& query);

}  // namespace gctq_emulator::server
