#include "gctq/qa/qa_record_sink.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "gctq/query/iso_time.h"

namespace gctq::qa {
namespace {

std::string WindowText(query::QueryWindow const& window) {
  return query::FormatIsoTime(window.from) + "/" + query::FormatIsoTime(window.to);
}

nlohmann::json ParseAnalysis(query::ConversationRecord const& record) {
  if (!record.analysis_json) return nlohmann::json::object();
  auto json = nlohmann::json::parse(*record.analysis_json, nullptr, /*allow_exceptions=*/false);
  return json.is_object() ? json : nlohmann::json::object();
}

void AddRuleHits(nlohmann::json const& analysis, ConversationEvent& event) {
  std::map<std::pair<std::string, std::string>, RuleHit> by_rule;
  for (auto const& hit : analysis.value("hits", nlohmann::json::array())) {
    auto const name = hit.value("rule", std::string());
    auto const version = hit.value("version", std::string());
    auto& entry = by_rule[{name, version}];
    entry.name = name;
    entry.version = version;
    auto const speaker =
        hit.value("speaker", nlohmann::json()).is_string() ? hit["speaker"].get<std::string>() : "";
    if (speaker == "agent") ++entry.agent_count;
    if (speaker == "customer") ++entry.customer_count;
  }
  for (auto& [key, hit] : by_rule) event.rule_hits.push_back(std::move(hit));
}

ConversationEvent EventFrom(query::ConversationRecord const& record, nlohmann::json const& analysis) {
  ConversationEvent event;
  event.conversation_id = record.conversation.conversation_id;
  if (record.sentiment) event.sentiment_score = *record.sentiment / 100.0;
  AddRuleHits(analysis, event);
  event.pii_status = analysis.value("pii_status", std::string("not_scanned"));
  std::set<std::string> types;
  for (auto const& finding : analysis.value("pii_findings", nlohmann::json::array())) {
    types.insert(finding.value("type", std::string("unknown")));
  }
  event.pii_finding_types.assign(types.begin(), types.end());
  return event;
}

}  // namespace

ConversationEvent MakeConversationEvent(query::ConversationRecord const& record) {
  return EventFrom(record, ParseAnalysis(record));
}

void QaRecordSink::OnPage(query::PageInfo const& page) {
  pending_.push_back({page});
}

void QaRecordSink::OnRecord(query::ConversationRecord const& record) {
  FlushPagesBefore(record.window_index, record.page_number);
  auto const analysis = ParseAnalysis(record);
  auto event = EventFrom(record, analysis);
  auto const page = std::find_if(pending_.begin(), pending_.end(), [&](PendingPage const& p) {
    return p.info.window_index == record.window_index && p.info.page_number == record.page_number;
  });
  if (page != pending_.end()) {
    event.window = WindowText(page->info.window);
    if (!event.rule_hits.empty()) ++page->matches;
    if (auto it = analysis.find("keyword_coverage"); it != analysis.end() && it->is_number()) {
      page->coverage_sum += it->get<double>();
      ++page->coverage_count;
    }
  }
  Keep(sink_->OnConversation(event));
}

void QaRecordSink::OnWindowReport(query::WindowReport const& report) {
  FlushPagesBefore(report.index + 1, 0);
}

void QaRecordSink::FlushPagesBefore(std::size_t window_index, int page_number) {
  auto const before = [&](PendingPage const& p) {
    return p.info.window_index < window_index ||
           (p.info.window_index == window_index && p.info.page_number < page_number);
  };
  while (!pending_.empty() && before(pending_.front())) {
    auto const& p = pending_.front();
    PageMetrics metrics;
    metrics.page_number = p.info.page_number;
    metrics.window = WindowText(p.info.window);
    metrics.total_results = p.info.total_hits.value_or(static_cast<std::int64_t>(p.info.conversations));
    metrics.latency = p.info.latency;
    metrics.matches = p.matches;
    metrics.keyword_coverage_mean =
        p.coverage_count > 0 ? p.coverage_sum / static_cast<double>(p.coverage_count) : 0;
    Keep(sink_->OnPage(metrics));
    pending_.erase(pending_.begin());
  }
}

void QaRecordSink::Keep(Status status) {
  if (!status && !error_) error_ = status.error();
}

}  // namespace gctq::qa
