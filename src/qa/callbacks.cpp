#include "gctq/qa/callbacks.h"

#include <nlohmann/json.hpp>

#include "audit/audit_line.h"

namespace gctq::qa {

std::string ToJson(PageMetrics const& page) {
  nlohmann::json j = {{"page_number", page.page_number},
                      {"window", page.window},
                      {"total_results", page.total_results},
                      {"latency_ms", page.latency.count()},
                      {"matches", page.matches},
                      {"keyword_coverage_mean", page.keyword_coverage_mean}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ToJson(ConversationEvent const& conversation) {
  nlohmann::json hits = nlohmann::json::array();
  for (auto const& hit : conversation.rule_hits) {
    hits.push_back({{"name", hit.name},
                    {"version", hit.version},
                    {"agent_count", hit.agent_count},
                    {"customer_count", hit.customer_count}});
  }
  nlohmann::json sentiment = nlohmann::json::object();
  if (conversation.sentiment_score) sentiment["score"] = *conversation.sentiment_score;
  if (conversation.sentiment_trend) sentiment["trend"] = *conversation.sentiment_trend;
  nlohmann::json j = {
      {"conversation_id", conversation.conversation_id},
      {"window", conversation.window},
      {"rule_hits", std::move(hits)},
      {"sentiment", std::move(sentiment)},
      {"pii", {{"status", conversation.pii_status}, {"types", conversation.pii_finding_types}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string MakeEnvelope(std::string_view type, std::string_view data_json,
                         std::chrono::system_clock::time_point now) {
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  nlohmann::json envelope = {{"type", type}, {"timestamp", internal::FormatTimestamp(millis)}};
  auto text = envelope.dump();
  text.pop_back();
  return text + ",\"data\":" + std::string(data_json) + "}";
}

Status FunctionQaSink::OnPage(PageMetrics const& page) {
  if (on_page_) on_page_(page);
  return Ok{};
}

Status FunctionQaSink::OnConversation(ConversationEvent const& conversation) {
  if (on_conversation_) on_conversation_(conversation);
  return Ok{};
}

Status FanoutQaSink::OnPage(PageMetrics const& page) {
  Status first = Ok{};
  for (auto const& sink : sinks_) {
    auto status = sink->OnPage(page);
    if (!status && first) first = status;
  }
  return first;
}

Status FanoutQaSink::OnConversation(ConversationEvent const& conversation) {
  Status first = Ok{};
  for (auto const& sink : sinks_) {
    auto status = sink->OnConversation(conversation);
    if (!status && first) first = status;
  }
  return first;
}

}  // namespace gctq::qa
