#include "src/run_summary.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "gctq/transcript/sentiment.h"

namespace gctq::cli {

void SummarySink::OnRecord(query::ConversationRecord const& record) {
  ++summary_.records;
  ++summary_.transcript_status[std::string(query::ToString(record.transcript_status))];
  if (record.sentiment) {
    if (*record.sentiment <= transcript::kNegativeAtOrBelow) {
      ++summary_.sentiment_negative;
    } else if (*record.sentiment >= transcript::kPositiveAtOrAbove) {
      ++summary_.sentiment_positive;
    } else {
      ++summary_.sentiment_neutral;
    }
  }
  if (!record.analysis_json) {
    ++summary_.pii_status["not_scanned"];
    return;
  }
  auto analysis = nlohmann::json::parse(*record.analysis_json, nullptr, /*allow_exceptions=*/false);
  if (!analysis.is_object()) return;
  ++summary_.pii_status[analysis.value("pii_status", std::string("not_scanned"))];
  std::set<std::string> rules;
  for (auto const& hit : analysis.value("hits", nlohmann::json::array())) rules.insert(hit.value("rule", ""));
  for (auto const& rule : rules) ++summary_.hits_by_rule[rule];
  if (!rules.empty()) ++summary_.with_hits;
  for (auto const& finding : analysis.value("pii_findings", nlohmann::json::array())) {
    ++summary_.pii_leaks_by_type[finding.value("type", std::string("unknown"))];
  }
  if (auto it = analysis.find("keyword_coverage"); it != analysis.end() && it->is_number()) {
    summary_.keyword_coverage_sum += it->get<double>();
    ++summary_.keyword_coverage_count;
  }
}

namespace {

std::string JoinCounts(std::map<std::string, std::int64_t> const& counts) {
  std::string out;
  for (auto const& [name, count] : counts) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, count);
  }
  return out.empty() ? "none" : out;
}

}  // namespace

std::string FormatRunSummary(RunSummary const& s) {
  std::string out;
  out += fmt::format("  conversations written   {}\n", s.records);
  out += fmt::format("  transcripts             {}\n", JoinCounts(s.transcript_status));
  out += fmt::format("  with keyword hits       {}", s.with_hits);
  if (s.keyword_coverage_count > 0) {
    out += fmt::format(" (mean keyword coverage {:.2f})",
                       s.keyword_coverage_sum / static_cast<double>(s.keyword_coverage_count));
  }
  out += "\n";
  out += fmt::format("  hits per rule           {}\n", JoinCounts(s.hits_by_rule));
  if (s.sentiment_negative + s.sentiment_neutral + s.sentiment_positive > 0) {
    out += fmt::format("  sentiment (-100..100)   negative {}, neutral {}, positive {}\n",
                       s.sentiment_negative, s.sentiment_neutral, s.sentiment_positive);
  }
  out += fmt::format("  PII masking             {}\n", JoinCounts(s.pii_status));
  out += fmt::format("  unmasked PII by type    {}\n", JoinCounts(s.pii_leaks_by_type));
  return out;
}

}  // namespace gctq::cli
