#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gctq/analysis/transcript.h"

namespace gctq::analysis {

/// One place a rule matched.
struct KeywordHit {
  std::string rule;
  std::string version;
  std::optional<Speaker> speaker;  ///< Empty for absence rules (`NOT ...`) that hold.
  std::int64_t phrase_index = -1;  ///< -1 for absence rules.
  std::int64_t offset_ms = 0;
  std::string words;        ///< The matched normalized words, space-separated.
  std::string explanation;  ///< Filled when AnalysisOptions::explain is set.
  /// Hits of a sentiment condition (words empty, phrase_index -1): the aggregate and its value,
  /// e.g. "sentiment(customer, q4) = -0.667 over 3 phrases".
  std::string aggregate;
};

struct SentimentBucket {
  std::uint32_t phrases = 0;
  std::uint32_t positive = 0, neutral = 0, negative = 0;
  double mean = 0;  ///< Mean of -1..+1 phrase values; 0 when no phrases.
};

struct SentimentSummary {
  std::optional<double> sta_score;  ///< Conversation STA score, -100..+100, passed in from outside.
  std::string sta_trend_class;      ///< e.g. "Improving"; empty when unknown.
  SentimentBucket agent, customer;
  std::array<SentimentBucket, 4> quarters;           ///< By call quarter (both speakers).
  std::array<SentimentBucket, 4> customer_quarters;  ///< Customer only, by call quarter.
  std::array<SentimentBucket, 4> agent_quarters;     ///< Agent only, by call quarter.
};

enum class PiiType : std::uint8_t { kCardNumber, kCardExpiry, kCardCvv, kSsn, kPhone, kEmail, kIban, kName };
std::string_view ToString(PiiType type);

enum class PiiStatus : std::uint8_t { kNotScanned, kClean, kMasked, kLeak };
std::string_view ToString(PiiStatus status);

/// Unmasked PII. Never carries the value: only a masked preview.
struct PiiFinding {
  PiiType type = PiiType::kCardNumber;
  Speaker speaker = Speaker::kAgent;
  std::vector<std::uint32_t> phrase_indexes;
  std::int64_t offset_ms = 0;
  double confidence = 0;  ///< 0..1; context words raise it.
  std::string reason;     ///< Why it matched (validator, context), safe to print.
  std::string preview;    ///< e.g. "************1111"; never the full value.
};

struct AnalysisResult {
  std::string conversation_id;
  std::string communication_id;
  std::int64_t duration_ms = 0;
  std::uint32_t phrases = 0;
  std::vector<KeywordHit> hits;
  std::vector<std::string> rules_matched;  ///< Names of rules that held.
  std::optional<double> keyword_coverage;  ///< Share of requested keywords (or rules) found.
  SentimentSummary sentiment;
  PiiStatus pii_status = PiiStatus::kNotScanned;
  std::uint32_t masks_seen = 0;  ///< Redaction masks recognized.
  std::vector<PiiFinding> findings;
};

}  // namespace gctq::analysis
