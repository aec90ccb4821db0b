#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/analysis/analysis_result.h"
#include "gctq/analysis/rules.h"
#include "gctq/core/result.h"

namespace gctq::analysis {

struct AnalysisOptions {
  std::string keywords;     ///< "refund, escalation, billing" (any of them, whole words).
  std::vector<Rule> rules;  ///< From LoadRuleFile / ParseRuleFile.
  bool pii = true;          ///< Verify PII masking.
  bool explain = false;     ///< Fill KeywordHit::explanation (findings always carry a reason).
  std::size_t max_hits_per_rule = 50;
  TranscriptLimits limits;
};

/// Per-conversation inputs that do not come from the transcript document.
struct ConversationContext {
  std::optional<double> sta_score;  ///< STA sentimentScore on -100..+100 (API value x 100).
  std::string sta_trend_class;
};

class CompiledRules;

/// Compiles rules once; Analyze is const and thread-safe (per-thread scratch).
class Analyzer {
 public:
  static Result<Analyzer> Create(AnalysisOptions options);

  /// Analyzes one transcript document. A malformed document is a kDataLoss Error for that document.
  [[nodiscard]] Result<AnalysisResult> Analyze(std::string_view transcript_json,
                                               ConversationContext const& context = {}) const;

  [[nodiscard]] std::size_t rule_count() const;
  [[nodiscard]] AnalysisOptions const& options() const { return *options_; }

 private:
  Analyzer() = default;
  std::shared_ptr<AnalysisOptions const> options_;
  std::shared_ptr<CompiledRules const> rules_;
};

/// STA API sentimentScore (-1..+1) to the UI's -100..+100 scale.
double StaScoreFromApi(double api_score);

/// Serializes a result into `out` (an object): the record `gctq scan` and `gctq query` emit.
void WriteJson(AnalysisResult const& result, nlohmann::json& out);

}  // namespace gctq::analysis
