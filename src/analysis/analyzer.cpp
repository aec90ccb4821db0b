#include "gctq/analysis/analyzer.h"

#include <algorithm>

#include "compiled_rules.h"
#include "pii_scanner.h"
#include "sentiment.h"

namespace gctq::analysis {

Result<Analyzer> Analyzer::Create(AnalysisOptions options) {
  std::vector<Rule> rules;
  if (!options.keywords.empty()) {
    auto keyword_rules = KeywordRules(options.keywords);
    if (!keyword_rules) return keyword_rules.error();
    rules = std::move(*keyword_rules);
  }
  for (auto const& rule : options.rules) rules.push_back(rule);
  auto compiled = CompiledRules::Compile(std::move(rules));
  if (!compiled) return compiled.error();
  Analyzer analyzer;
  analyzer.rules_ = std::move(*compiled);
  analyzer.options_ = std::make_shared<AnalysisOptions const>(std::move(options));
  return analyzer;
}

std::size_t Analyzer::rule_count() const {
  return rules_->size();
}

Result<AnalysisResult> Analyzer::Analyze(std::string_view transcript_json,
                                         ConversationContext const& context) const {
  thread_local Transcript transcript;
  thread_local TokenStream tokens;
  thread_local MatchScratch scratch;
  GCTQ_TRY(ParseTranscript(transcript_json, transcript, options_->limits));
  Tokenize(transcript, tokens);
  AnalysisResult result;
  result.conversation_id = transcript.conversation_id;
  result.communication_id = transcript.communication_id;
  result.duration_ms = transcript.duration_ms;
  result.phrases = static_cast<std::uint32_t>(transcript.phrases.size());
  result.sentiment.sta_score = context.sta_score;
  result.sentiment.sta_trend_class = context.sta_trend_class;
  SummarizeSentiment(transcript, result.sentiment);  // Before Match: rules may test sentiment.
  rules_->Match(transcript, tokens, result.sentiment, scratch, options_->explain, options_->max_hits_per_rule,
                result);
  if (options_->pii) ScanPii(transcript, tokens, result);
  return result;
}

double StaScoreFromApi(double api_score) {
  return std::clamp(api_score * 100.0, -100.0, 100.0);
}

}  // namespace gctq::analysis
