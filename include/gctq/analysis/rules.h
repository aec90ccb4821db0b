#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"

namespace gctq::analysis {

enum class SpeakerScope : std::uint8_t { kAny, kAgent, kCustomer };
std::string_view ToString(SpeakerScope scope);

/// One word of a term: an exact normalized word, or a prefix (`refund*`).
struct WordPattern {
  std::string text;
  bool prefix = false;
};

/// A sentiment condition (`sentiment(customer, q4) < 0`, `sentiment(agent) negative`,
/// `sta_score <= -25`). Evaluated once per conversation on the aggregated sentiment, never per word.
/// Without data (no sentiment-bearing phrase in scope, or no STA score) it is false.
struct SentimentCondition {
  enum class Measure : std::uint8_t { kPhraseMean, kStaScore };
  enum class Compare : std::uint8_t { kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual };
  Measure measure = Measure::kPhraseMean;
  SpeakerScope speaker = SpeakerScope::kAny;  ///< kPhraseMean: whose phrases.
  std::int8_t quarter = -1;                   ///< kPhraseMean: 0..3 = q1..q4 of the call; -1 = whole call.
  Compare compare = Compare::kLess;
  double value = 0;  ///< -1..+1 for kPhraseMean, -100..+100 for kStaScore.
};

/// A node of a rule expression. Children index into Rule::nodes.
struct RuleNode {
  enum class Kind : std::uint8_t { kTerm, kAnd, kOr, kNot, kNear, kSentiment };
  Kind kind = Kind::kTerm;
  std::vector<WordPattern> words;  ///< kTerm: one word, or a phrase of consecutive words.
  std::string source;              ///< kTerm, kSentiment: as written, for --explain.
  SentimentCondition condition;    ///< kSentiment.
  std::uint32_t distance = 0;      ///< kNear: at most this many words apart.
  std::vector<std::uint32_t> children;
};

/// A named, versioned keyword rule.
struct Rule {
  std::string name;
  std::string version = "1";
  std::string expression;  ///< As written.
  SpeakerScope scope = SpeakerScope::kAny;
  std::optional<std::int64_t> first_ms;  ///< Only words starting in the first N ms of the call.
  std::optional<std::int64_t> last_ms;   ///< Only words starting in the last N ms of the call.
  bool is_keyword = false;               ///< From --keywords: counts toward keyword_coverage.
  std::vector<RuleNode> nodes;
  std::uint32_t root = 0;
};

/// Parses a rule expression (`refund* AND ("credit card" OR billing) AND NOT cancel`,
/// `late NEAR/5 fee`) into `rule.nodes`. Errors name the character position and the reason.
Status ParseExpression(std::string_view expression, Rule& rule);

/// Parses a TOML rule file's text. Errors are kInvalidArgument "<source>:<line>: <reason>".
Result<std::vector<Rule>> ParseRuleFile(std::string_view toml_text, std::string_view source_name);

/// Reads and parses a rule file.
Result<std::vector<Rule>> LoadRuleFile(std::string const& path);

/// `--keywords "refund, escalation, billing"`: one any-speaker rule per comma-separated keyword
/// (a keyword with spaces is a phrase; a trailing `*` a prefix).
Result<std::vector<Rule>> KeywordRules(std::string_view comma_separated);

}  // namespace gctq::analysis
