// The JSON record of one analysed conversation, shared by `gctq scan` and `gctq query`.
#include <nlohmann/json.hpp>

#include "gctq/analysis/analyzer.h"

namespace gctq::analysis {

std::string_view ToString(PiiType type) {
  switch (type) {
    case PiiType::kCardNumber: return "card_number";
    case PiiType::kCardExpiry: return "card_expiry";
    case PiiType::kCardCvv: return "card_cvv";
    case PiiType::kSsn: return "ssn";
    case PiiType::kPhone: return "phone";
    case PiiType::kEmail: return "email";
    case PiiType::kIban: return "iban";
    case PiiType::kName: return "name";
  }
  return "unknown";
}

std::string_view ToString(PiiStatus status) {
  switch (status) {
    case PiiStatus::kNotScanned: return "not_scanned";
    case PiiStatus::kClean: return "clean";
    case PiiStatus::kMasked: return "masked";
    case PiiStatus::kLeak: return "leak";
  }
  return "not_scanned";
}

namespace {

nlohmann::json Bucket(SentimentBucket const& b) {
  return {{"phrases", b.phrases},
          {"positive", b.positive},
          {"neutral", b.neutral},
          {"negative", b.negative},
          {"mean", b.mean}};
}

}  // namespace

void WriteJson(AnalysisResult const& result, nlohmann::json& out) {
  out["conversation_id"] = result.conversation_id;
  out["communication_id"] = result.communication_id;
  out["duration_ms"] = result.duration_ms;
  out["phrases"] = result.phrases;
  auto& hits = out["hits"] = nlohmann::json::array();
  for (auto const& h : result.hits) {
    nlohmann::json hit{{"rule", h.rule},
                       {"version", h.version},
                       {"phrase_index", h.phrase_index},
                       {"offset_ms", h.offset_ms},
                       {"words", h.words}};
    hit["speaker"] = h.speaker ? nlohmann::json(std::string(ToString(*h.speaker))) : nlohmann::json(nullptr);
    if (!h.aggregate.empty()) hit["aggregate"] = h.aggregate;
    if (!h.explanation.empty()) hit["explanation"] = h.explanation;
    hits.push_back(std::move(hit));
  }
  out["rules_matched"] = result.rules_matched;
  out["keyword_coverage"] =
      result.keyword_coverage ? nlohmann::json(*result.keyword_coverage) : nlohmann::json(nullptr);
  auto& sentiment = out["sentiment"];
  sentiment["sta_score"] =
      result.sentiment.sta_score ? nlohmann::json(*result.sentiment.sta_score) : nlohmann::json(nullptr);
  if (!result.sentiment.sta_trend_class.empty())
    sentiment["sta_trend_class"] = result.sentiment.sta_trend_class;
  sentiment["agent"] = Bucket(result.sentiment.agent);
  sentiment["customer"] = Bucket(result.sentiment.customer);
  sentiment["quarters"] = nlohmann::json::array();
  sentiment["customer_quarters"] = nlohmann::json::array();
  for (auto const& q : result.sentiment.quarters) sentiment["quarters"].push_back(Bucket(q));
  for (auto const& q : result.sentiment.customer_quarters)
    sentiment["customer_quarters"].push_back(Bucket(q));
  out["pii_status"] = ToString(result.pii_status);
  out["masks_seen"] = result.masks_seen;
  auto& findings = out["pii_findings"] = nlohmann::json::array();
  for (auto const& f : result.findings) {
    findings.push_back({{"type", ToString(f.type)},
                        {"speaker", ToString(f.speaker)},
                        {"phrase_indexes", f.phrase_indexes},
                        {"offset_ms", f.offset_ms},
                        {"confidence", f.confidence},
                        {"reason", f.reason},
                        {"preview", f.preview}});
  }
}

}  // namespace gctq::analysis
