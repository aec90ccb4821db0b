// Filter semantics and the run of a details query over an Org.

#include <algorithm>
#include <functional>
#include <numeric>

#include "server/details_query.h"

namespace gctq_emulator::server {
namespace {

/// One segment seen with its session and participant: a segment filter must hold within one.
struct SegmentContext {
  Participant const& participant;
  Session const& session;
  Segment const& segment;
};

bool EvaluateText(Predicate const& predicate, std::optional<std::string> const& field) {
  bool const present = field && !field->empty();
  switch (predicate.op) {
    case PredicateOperator::kExists: return present;
    case PredicateOperator::kNotExists: return !present;
    case PredicateOperator::kMatches: return present && predicate.value && *predicate.value == *field;
  }
  return false;
}

bool EvaluateNumber(Predicate const& predicate, std::optional<std::int64_t> field) {
  switch (predicate.op) {
    case PredicateOperator::kExists: return field.has_value();
    case PredicateOperator::kNotExists: return !field.has_value();
    case PredicateOperator::kMatches:
      if (!field) return false;
      if (predicate.range) return predicate.range->Contains(double(*field));
      return predicate.value && *predicate.value == std::to_string(*field);
  }
  return false;
}

/// Conversation-level metrics: tConversationDuration from the conversation, others summed over sessions.
std::optional<std::int64_t> ConversationMetric(Conversation const& conversation, std::string const& name) {
  if (name == "tConversationDuration") return conversation.t_conversation_duration_ms;
  std::optional<std::int64_t> total;
  for (auto const& participant : conversation.participants)
    for (auto const& session : participant.sessions)
      for (auto const& metric : session.metrics)
        if (metric.name == name) total = total.value_or(0) + metric.value;
  return total;
}

bool EvaluateConversation(Predicate const& predicate, Conversation const& conversation) {
  if (predicate.kind == PredicateKind::kMetric)
    return EvaluateNumber(predicate, ConversationMetric(conversation, predicate.name));
  std::string const& name = predicate.name;
  if (name == "conversationId") return EvaluateText(predicate, conversation.conversation_id);
  if (name == "originatingDirection") return EvaluateText(predicate, conversation.originating_direction);
  if (name == "conversationStart") return EvaluateNumber(predicate, conversation.start_ms);
  if (name == "conversationEnd") return EvaluateNumber(predicate, conversation.end_ms);
  if (name == "divisionId") {
    if (predicate.op != PredicateOperator::kMatches)
      return EvaluateText(predicate,
                          conversation.division_ids.empty() ? "" : conversation.division_ids.front());
    return std::any_of(conversation.division_ids.begin(), conversation.division_ids.end(),
                       [&](std::string const& id) { return predicate.value && id == *predicate.value; });
  }
  return EvaluateText(predicate, std::nullopt);  // A dimension the emulated org has no data for.
}

std::optional<std::string> SegmentDimension(SegmentContext const& context, std::string const& name) {
  if (name == "mediaType") return context.session.media_type;
  if (name == "direction") return context.session.direction;
  if (name == "ani") return context.session.ani;
  if (name == "dnis" || name == "sessionDnis") return context.session.dnis;
  if (name == "recording" && context.session.recording) return *context.session.recording ? "true" : "false";
  if (name == "purpose") return context.participant.purpose;
  if (name == "userId") return context.participant.user_id;
  if (name == "participantName") return context.participant.participant_name;
  if (name == "queueId") return context.segment.queue_id;
  if (name == "wrapUpCode") return context.segment.wrap_up_code;
  if (name == "segmentType") return context.segment.segment_type;
  if (name == "disconnectType") return context.segment.disconnect_type;
  if (name == "conference") return "false";
  return std::nullopt;
}

bool EvaluateSegment(Predicate const& predicate, SegmentContext const& context) {
  if (predicate.kind == PredicateKind::kMetric) {
    std::optional<std::int64_t> duration;
    if (context.segment.end_ms) duration = *context.segment.end_ms - context.segment.start_ms;
    return EvaluateNumber(predicate, duration);
  }
  if (predicate.kind == PredicateKind::kProperty) return EvaluateText(predicate, std::nullopt);
  if (predicate.name == "segmentEnd") return EvaluateNumber(predicate, context.segment.end_ms);
  return EvaluateText(predicate, SegmentDimension(context, predicate.name));
}

template <typename Subject, typename Evaluate>
bool EvaluateFilter(Filter const& filter, Subject const& subject, Evaluate const& evaluate) {
  std::vector<bool> results;
  for (auto const& predicate : filter.predicates) results.push_back(evaluate(predicate, subject));
  for (auto const& clause : filter.clauses) {
    auto const holds = [&](Predicate const& predicate) { return evaluate(predicate, subject); };
    bool const clause_result = clause.any
                                   ? std::any_of(clause.predicates.begin(), clause.predicates.end(), holds)
                                   : std::all_of(clause.predicates.begin(), clause.predicates.end(), holds);
    results.push_back(clause_result);
  }
  if (results.empty()) return true;
  return filter.any ? std::find(results.begin(), results.end(), true) != results.end()
                    : std::find(results.begin(), results.end(), false) == results.end();
}

bool SegmentFilterHolds(Filter const& filter, Conversation const& conversation) {
  for (auto const& participant : conversation.participants)
    for (auto const& session : participant.sessions)
      for (auto const& segment : session.segments)
        if (EvaluateFilter(filter, SegmentContext{participant, session, segment}, EvaluateSegment))
          return true;
  return false;
}

}  // namespace

bool NumericRange::Contains(double value) const {
  return (!gt || value > *gt) && (!gte || value >= *gte) && (!lt || value < *lt) && (!lte || value <= *lte);
}

bool MatchesFilters(DetailsQuery const& query, Conversation const& conversation) {
  if (query.has_unmatchable_filters) return false;
  for (auto const& filter : query.conversation_filters)
    if (!EvaluateFilter(filter, conversation, EvaluateConversation)) return false;
  for (auto const& filter : query.segment_filters)
    if (!SegmentFilterHolds(filter, conversation)) return false;
  return true;
}

std::vector<std::uint32_t> RunDetailsQuery(Org const& org, DetailsQuery const& query) {
  std::vector<std::uint32_t> matches;
  if (query.has_unmatchable_filters) return matches;
  bool const needs_expansion = !query.conversation_filters.empty() || !query.segment_filters.empty();
  bool const sync = query.kind == QueryKind::kSync;
  // Summaries are sorted by start: the first conversation starting at or after the interval end stops the
  // scan.
  std::size_t first = 0;
  if (sync) {
    std::size_t low = 0, high = org.size();
    while (low < high) {
      std::size_t const middle = (low + high) / 2;
      if (org.summary(middle).start_ms < query.interval.start_ms)
        low = middle + 1;
      else
        high = middle;
    }
    first = low;
  }
  for (std::size_t i = first; i < org.size(); ++i) {
    ConversationSummary const& summary = org.summary(i);
    if (summary.start_ms >= query.interval.end_ms) break;
    bool const in_interval = sync ? summary.start_ms >= query.interval.start_ms
                                  : summary.end_ms == 0 || summary.end_ms >= query.interval.start_ms;
    if (!in_interval) continue;
    if (needs_expansion && !MatchesFilters(query, org.Expand(i))) continue;
    matches.push_back(std::uint32_t(i));
  }
  bool const by_end = query.order_by == "conversationEnd" || query.order_by == "segmentEnd";
  if (by_end) {
    auto const end_key = [&](std::uint32_t i) {
      std::int64_t const end = org.summary(i).end_ms;
      return end == 0 ? INT64_MAX : end;
    };
    std::stable_sort(matches.begin(), matches.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return end_key(a) < end_key(b); });
  }
  if (query.descending) std::reverse(matches.begin(), matches.end());
  if (query.limit && matches.size() > std::size_t(*query.limit)) matches.resize(std::size_t(*query.limit));
  return matches;
}

}  // namespace gctq_emulator::server
