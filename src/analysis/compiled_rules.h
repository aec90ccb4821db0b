#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "gctq/analysis/analysis_result.h"
#include "gctq/analysis/rules.h"
#include "gctq/analysis/tokens.h"
#include "word_table.h"

namespace gctq::analysis {

/// A term found in the token stream: tokens first..last (following the speaker's own stream).
struct TermOccurrence {
  std::uint32_t term = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

/// Per-thread buffers reused across documents.
struct MatchScratch {
  std::vector<std::uint32_t> token_word_begin;
  std::vector<std::uint32_t> token_words;
  std::vector<TermOccurrence> occurrences;
  std::vector<std::uint32_t> rule_stamp;
  std::vector<std::uint32_t> term_stamp;  ///< == generation: the term occurred in this document.
  std::uint32_t generation = 0;
};

/// Every rule's terms compiled into one word table: a token costs one hash probe (plus one per
/// distinct prefix-wildcard length) however many rules there are. Rules are then evaluated only
/// when one of their terms occurred (or when they can hold without any, e.g. `NOT thanks`).
class CompiledRules {
 public:
  static Result<std::shared_ptr<CompiledRules const>> Compile(std::vector<Rule> rules);

  /// Matches every rule. Sentiment conditions read `sentiment`, which must already be summarized
  /// (SummarizeSentiment plus the STA score): they cost one comparison per rule evaluation.
  void Match(Transcript const& transcript, TokenStream const& tokens, SentimentSummary const& sentiment,
             MatchScratch& scratch, bool explain, std::size_t max_hits_per_rule, AnalysisResult& out) const;

  [[nodiscard]] std::size_t size() const { return rules_.size(); }

 private:
  struct Term {
    std::vector<std::uint32_t> words;  ///< Word ids, consecutive in one speaker's stream.
    std::string source;
    std::vector<std::uint32_t> rules;
  };
  struct Evaluation;

  std::uint32_t WordId(WordPattern const& pattern);
  std::uint32_t TermId(RuleNode const& node);
  void FindTermOccurrences(TokenStream const& tokens, MatchScratch& scratch) const;
  static KeywordHit ConditionHit(Rule const& rule, std::uint32_t node, SentimentSummary const& sentiment,
                                 std::int64_t duration_ms, bool explain);
  bool Eval(Evaluation& ev, std::uint32_t node, std::vector<TermOccurrence>& evidence) const;
  /// Cheap necessary condition (terms present anywhere, scope ignored) checked before Eval.
  bool Possible(std::uint32_t rule, std::uint32_t node, MatchScratch const& scratch) const;

  WordTable exact_, prefix_;
  std::uint64_t prefix_lengths_ = 0;  ///< Bit n set: some prefix pattern has n characters.
  std::uint32_t word_count_ = 0;
  struct FirstWordIndex {
    std::vector<std::uint32_t> single;                               ///< One-word terms.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_second;  ///< (second word, phrase term), sorted.
  };
  std::vector<FirstWordIndex> terms_by_first_word_;
  std::vector<Term> terms_;
  WordTable term_keys_;
  std::vector<Rule> rules_;
  std::vector<std::vector<std::uint32_t>> node_terms_;  ///< Per rule, per node: term id.
  std::vector<std::uint32_t> always_evaluate_;
  std::size_t keyword_rules_ = 0;
};

}  // namespace gctq::analysis
