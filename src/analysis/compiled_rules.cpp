#include "compiled_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "sentiment.h"

namespace gctq::analysis {
namespace {

/// Evidence of a sentiment condition: TermOccurrence::term is this flag | the node index.
constexpr std::uint32_t kConditionFlag = 0x80000000u;

bool MayFailWithoutWords(Rule const& rule, std::uint32_t index);

/// Whether the node may hold in a conversation where none of its terms occur (`NOT thanks`, a
/// sentiment condition): such rules are evaluated for every conversation.
bool Nullable(Rule const& rule, std::uint32_t index) {
  RuleNode const& node = rule.nodes[index];
  switch (node.kind) {
    case RuleNode::Kind::kTerm:
    case RuleNode::Kind::kNear: return false;
    case RuleNode::Kind::kSentiment: return true;
    case RuleNode::Kind::kNot: return MayFailWithoutWords(rule, node.children[0]);
    case RuleNode::Kind::kAnd:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return Nullable(rule, c); });
    case RuleNode::Kind::kOr:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return Nullable(rule, c); });
  }
  return false;
}

/// Whether the node may be false in a conversation where none of its terms occur.
bool MayFailWithoutWords(Rule const& rule, std::uint32_t index) {
  RuleNode const& node = rule.nodes[index];
  switch (node.kind) {
    case RuleNode::Kind::kTerm:
    case RuleNode::Kind::kNear:
    case RuleNode::Kind::kSentiment: return true;
    case RuleNode::Kind::kNot: return Nullable(rule, node.children[0]);
    case RuleNode::Kind::kAnd:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return MayFailWithoutWords(rule, c); });
    case RuleNode::Kind::kOr:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return MayFailWithoutWords(rule, c); });
  }
  return true;
}

/// Terms of which at least one must occur for the (non-nullable) node to hold. For AND/NEAR the
/// child whose anchors are referenced by the fewest rules is chosen: words many rules use are the
/// common ones, so rules are triggered by their rarest terms.
std::vector<std::uint32_t> Anchors(Rule const& rule, std::uint32_t index,
                                   std::vector<std::uint32_t> const& node_terms,
                                   std::vector<std::size_t> const& term_refs) {
  RuleNode const& node = rule.nodes[index];
  switch (node.kind) {
    case RuleNode::Kind::kTerm: return {node_terms[index]};
    case RuleNode::Kind::kNot:
    case RuleNode::Kind::kSentiment: return {};
    case RuleNode::Kind::kOr: {
      std::vector<std::uint32_t> all;
      for (auto c : node.children) {
        auto a = Anchors(rule, c, node_terms, term_refs);
        all.insert(all.end(), a.begin(), a.end());
      }
      return all;
    }
    case RuleNode::Kind::kAnd:
    case RuleNode::Kind::kNear: {
      std::vector<std::uint32_t> best;
      std::size_t best_cost = SIZE_MAX;
      for (auto c : node.children) {
        if (Nullable(rule, c)) continue;
        auto a = Anchors(rule, c, node_terms, term_refs);
        std::size_t cost = 0;
        for (auto t : a) cost += term_refs[t];
        if (cost < best_cost) best = std::move(a), best_cost = cost;
      }
      return best;
    }
  }
  return {};
}

}  // namespace

struct CompiledRules::Evaluation {
  Rule const& rule;
  std::vector<std::uint32_t> const& node_terms;
  TokenStream const& tokens;
  std::vector<TermOccurrence> const& occurrences;  // sorted by term
  std::int64_t duration_ms;
  SentimentSummary const& sentiment;

  [[nodiscard]] bool InScope(TermOccurrence const& occ) const {
    Token const& t = tokens.tokens[occ.first];
    if (rule.scope == SpeakerScope::kAgent && t.speaker != Speaker::kAgent) return false;
    if (rule.scope == SpeakerScope::kCustomer && t.speaker != Speaker::kCustomer) return false;
    if (rule.first_ms && t.offset_ms >= *rule.first_ms) return false;
    if (rule.last_ms && t.offset_ms < duration_ms - *rule.last_ms) return false;
    return true;
  }
  /// Position for NEAR: the speaker's own stream when scoped to one speaker, else the conversation.
  [[nodiscard]] std::int64_t Position(std::uint32_t token) const {
    return rule.scope == SpeakerScope::kAny ? token : tokens.tokens[token].speaker_pos;
  }
};

std::uint32_t CompiledRules::WordId(WordPattern const& pattern) {
  WordTable& table = pattern.prefix ? prefix_ : exact_;
  std::uint32_t id = table.Find(pattern.text);
  if (id != WordTable::kMissing) return id;
  id = word_count_++;
  table.Insert(pattern.text, id);
  terms_by_first_word_.emplace_back();
  if (pattern.prefix && pattern.text.size() < 64) prefix_lengths_ |= 1ull << pattern.text.size();
  return id;
}

std::uint32_t CompiledRules::TermId(RuleNode const& node) {
  std::vector<std::uint32_t> words;
  std::string key;
  for (auto const& w : node.words) {
    words.push_back(WordId(w));
    key += fmt::format("{},", words.back());
  }
  std::uint32_t id = term_keys_.Find(key);
  if (id != WordTable::kMissing) return id;
  id = static_cast<std::uint32_t>(terms_.size());
  term_keys_.Insert(key, id);
  auto& index = terms_by_first_word_[words[0]];
  if (words.size() == 1)
    index.single.push_back(id);
  else
    index.by_second.emplace_back(words[1], id);
  terms_.push_back(Term{std::move(words), node.source, {}});
  return id;
}

Result<std::shared_ptr<CompiledRules const>> CompiledRules::Compile(std::vector<Rule> rules) {
  auto compiled = std::make_shared<CompiledRules>();
  std::vector<std::size_t> term_refs;
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    Rule const& rule = rules[r];
    if (rule.nodes.empty())
      return MakeError(ErrorCode::kInvalidArgument, fmt::format("rule '{}' has no expression", rule.name));
    std::vector<std::uint32_t> node_terms(rule.nodes.size(), WordTable::kMissing);
    for (std::uint32_t n = 0; n < rule.nodes.size(); ++n) {
      if (rule.nodes[n].kind != RuleNode::Kind::kTerm) continue;
      node_terms[n] = compiled->TermId(rule.nodes[n]);
      if (term_refs.size() <= node_terms[n]) term_refs.resize(node_terms[n] + 1, 0);
      ++term_refs[node_terms[n]];
    }
    compiled->node_terms_.push_back(std::move(node_terms));
    if (rule.is_keyword) ++compiled->keyword_rules_;
  }
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    Rule const& rule = rules[r];
    if (Nullable(rule, rule.root)) {
      compiled->always_evaluate_.push_back(r);
      continue;
    }
    for (std::uint32_t t : Anchors(rule, rule.root, compiled->node_terms_[r], term_refs)) {
      auto& term_rules = compiled->terms_[t].rules;
      if (term_rules.empty() || term_rules.back() != r) term_rules.push_back(r);
    }
  }
  for (auto& index : compiled->terms_by_first_word_)
    std::sort(index.by_second.begin(), index.by_second.end());
  compiled->rules_ = std::move(rules);
  return std::shared_ptr<CompiledRules const>(std::move(compiled));
}

void CompiledRules::FindTermOccurrences(TokenStream const& tokens, MatchScratch& scratch) const {
  auto& begin = scratch.token_word_begin;
  auto& words = scratch.token_words;
  begin.resize(tokens.tokens.size() + 1);
  words.clear();
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    begin[i] = static_cast<std::uint32_t>(words.size());
    Token const& t = tokens.tokens[i];
    if (t.kind == TokenKind::kMask) continue;
    std::string_view text = tokens.Text(t);
    std::uint64_t h = kFnvBasis;
    for (std::size_t k = 0; k < text.size(); ++k) {
      h = FnvStep(h, text[k]);
      if (k + 1 < 64 && (prefix_lengths_ >> (k + 1) & 1u)) {
        std::uint32_t id = prefix_.Find(text.substr(0, k + 1), h);
        if (id != WordTable::kMissing) words.push_back(id);
      }
    }
    std::uint32_t id = exact_.Find(text, h);
    if (id != WordTable::kMissing) words.push_back(id);
  }
  begin[tokens.tokens.size()] = static_cast<std::uint32_t>(words.size());

  auto has_word = [&](std::uint32_t token, std::uint32_t word) {
    for (std::uint32_t k = begin[token]; k < begin[token + 1]; ++k)
      if (words[k] == word) return true;
    return false;
  };
  scratch.occurrences.clear();
  for (std::uint32_t i = 0; i < tokens.tokens.size(); ++i) {
    std::uint32_t next = tokens.tokens[i].next_same_speaker;
    for (std::uint32_t k = begin[i]; k < begin[i + 1]; ++k) {
      FirstWordIndex const& index = terms_by_first_word_[words[k]];
      for (std::uint32_t term_id : index.single) scratch.occurrences.push_back(TermOccurrence{term_id, i, i});
      if (index.by_second.empty() || next == kNoToken) continue;
      // Phrases: only those whose second word is one of the next token's words.
      for (std::uint32_t n = begin[next]; n < begin[next + 1]; ++n) {
        auto it = std::lower_bound(index.by_second.begin(), index.by_second.end(),
                                   std::pair<std::uint32_t, std::uint32_t>{words[n], 0});
        for (; it != index.by_second.end() && it->first == words[n]; ++it) {
          Term const& term = terms_[it->second];
          std::uint32_t last = next;
          bool matched = true;
          for (std::size_t w = 2; w < term.words.size() && matched; ++w) {
            last = tokens.tokens[last].next_same_speaker;
            matched = last != kNoToken && has_word(last, term.words[w]);
          }
          if (matched) scratch.occurrences.push_back(TermOccurrence{it->second, i, last});
        }
      }
    }
  }
  std::sort(scratch.occurrences.begin(), scratch.occurrences.end(), [](auto const& a, auto const& b) {
    return a.term != b.term ? a.term < b.term : a.first < b.first;
  });
}

KeywordHit CompiledRules::ConditionHit(Rule const& rule, std::uint32_t node,
                                       SentimentSummary const& sentiment, std::int64_t duration_ms,
                                       bool explain) {
  SentimentCondition const& c = rule.nodes[node].condition;
  KeywordHit hit{rule.name, rule.version, std::nullopt, -1, 0, "", "", DescribeSentiment(c, sentiment)};
  if (c.measure == SentimentCondition::Measure::kPhraseMean) {
    if (c.speaker == SpeakerScope::kAgent) hit.speaker = Speaker::kAgent;
    if (c.speaker == SpeakerScope::kCustomer) hit.speaker = Speaker::kCustomer;
    if (c.quarter > 0) hit.offset_ms = duration_ms * c.quarter / 4;
  }
  if (explain) {
    std::string period = c.measure == SentimentCondition::Measure::kPhraseMean && c.quarter >= 0
                             ? fmt::format(" ({:.1f}-{:.1f} s of the call)", duration_ms * c.quarter / 4000.0,
                                           duration_ms * (c.quarter + 1) / 4000.0)
                             : "";
    hit.explanation = fmt::format("condition \"{}\" held: {}{}; rule: {}", rule.nodes[node].source,
                                  hit.aggregate, period, rule.expression);
  }
  return hit;
}

bool CompiledRules::Possible(std::uint32_t rule, std::uint32_t index, MatchScratch const& scratch) const {
  RuleNode const& node = rules_[rule].nodes[index];
  switch (node.kind) {
    case RuleNode::Kind::kTerm: return scratch.term_stamp[node_terms_[rule][index]] == scratch.generation;
    case RuleNode::Kind::kNot:
    case RuleNode::Kind::kSentiment: return true;
    case RuleNode::Kind::kOr:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return Possible(rule, c, scratch); });
    case RuleNode::Kind::kAnd:
    case RuleNode::Kind::kNear:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](auto c) { return Possible(rule, c, scratch); });
  }
  return true;
}

bool CompiledRules::Eval(Evaluation& ev, std::uint32_t index, std::vector<TermOccurrence>& evidence) const {
  RuleNode const& node = ev.rule.nodes[index];
  std::size_t mark = evidence.size();
  switch (node.kind) {
    case RuleNode::Kind::kTerm: {
      std::uint32_t term = ev.node_terms[index];
      auto range = std::equal_range(ev.occurrences.begin(), ev.occurrences.end(), TermOccurrence{term, 0, 0},
                                    [](auto const& a, auto const& b) { return a.term < b.term; });
      for (auto it = range.first; it != range.second; ++it)
        if (ev.InScope(*it)) evidence.push_back(*it);
      return evidence.size() > mark;
    }
    case RuleNode::Kind::kSentiment:
      if (!SentimentHolds(node.condition, ev.sentiment)) return false;
      evidence.push_back(TermOccurrence{kConditionFlag | index, 0, 0});
      return true;
    case RuleNode::Kind::kAnd:
      for (auto child : node.children) {
        if (!Eval(ev, child, evidence)) {
          evidence.resize(mark);
          return false;
        }
      }
      return true;
    case RuleNode::Kind::kOr: {
      bool any = false;
      for (auto child : node.children) any = Eval(ev, child, evidence) || any;
      return any;
    }
    case RuleNode::Kind::kNot: {
      std::vector<TermOccurrence> ignored;
      return !Eval(ev, node.children[0], ignored);
    }
    case RuleNode::Kind::kNear: {
      std::vector<TermOccurrence> left, right;
      if (!Eval(ev, node.children[0], left) || !Eval(ev, node.children[1], right)) return false;
      std::vector<bool> right_used(right.size(), false);
      for (auto const& a : left) {
        bool used = false;
        for (std::size_t j = 0; j < right.size(); ++j) {
          auto const& b = right[j];
          std::int64_t gap =
              ev.Position(b.first) > ev.Position(a.last)   ? ev.Position(b.first) - ev.Position(a.last)
              : ev.Position(a.first) > ev.Position(b.last) ? ev.Position(a.first) - ev.Position(b.last)
                                                           : 0;
          if (gap <= node.distance) used = right_used[j] = true;
        }
        if (used) evidence.push_back(a);
      }
      for (std::size_t j = 0; j < right.size(); ++j)
        if (right_used[j]) evidence.push_back(right[j]);
      return evidence.size() > mark;
    }
  }
  return false;
}

void CompiledRules::Match(Transcript const& transcript, TokenStream const& tokens,
                          SentimentSummary const& sentiment, MatchScratch& scratch, bool explain,
                          std::size_t max_hits_per_rule, AnalysisResult& out) const {
  if (rules_.empty()) return;
  FindTermOccurrences(tokens, scratch);
  if (scratch.rule_stamp.size() != rules_.size() || scratch.term_stamp.size() != terms_.size()) {
    scratch.rule_stamp.assign(rules_.size(), 0);
    scratch.term_stamp.assign(terms_.size(), 0);
    scratch.generation = 0;
  }
  if (++scratch.generation == 0) {
    std::fill(scratch.rule_stamp.begin(), scratch.rule_stamp.end(), 0);
    std::fill(scratch.term_stamp.begin(), scratch.term_stamp.end(), 0);
    scratch.generation = 1;
  }
  for (auto const& occ : scratch.occurrences) scratch.term_stamp[occ.term] = scratch.generation;
  std::vector<std::uint32_t> candidates(always_evaluate_);
  for (std::uint32_t r : always_evaluate_) scratch.rule_stamp[r] = scratch.generation;
  std::uint32_t last_term = WordTable::kMissing;
  for (auto const& occ : scratch.occurrences) {
    if (occ.term == last_term) continue;
    last_term = occ.term;
    for (std::uint32_t r : terms_[occ.term].rules) {
      if (scratch.rule_stamp[r] == scratch.generation) continue;
      scratch.rule_stamp[r] = scratch.generation;
      candidates.push_back(r);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::size_t keywords_found = 0;
  std::vector<TermOccurrence> evidence;
  for (std::uint32_t r : candidates) {
    Rule const& rule = rules_[r];
    if (!Possible(r, rule.root, scratch)) continue;
    Evaluation ev{rule, node_terms_[r], tokens, scratch.occurrences, transcript.duration_ms, sentiment};
    evidence.clear();
    if (!Eval(ev, rule.root, evidence)) continue;
    out.rules_matched.push_back(rule.name);
    if (rule.is_keyword) ++keywords_found;
    // Sentiment conditions first (at most a few per rule), then words in transcript order.
    std::sort(evidence.begin(), evidence.end(), [](auto const& a, auto const& b) {
      bool ac = (a.term & kConditionFlag) != 0, bc = (b.term & kConditionFlag) != 0;
      if (ac != bc) return ac;
      return a.first != b.first ? a.first < b.first : a.term < b.term;
    });
    evidence.erase(
        std::unique(evidence.begin(), evidence.end(),
                    [](auto const& a, auto const& b) { return a.first == b.first && a.term == b.term; }),
        evidence.end());
    if (evidence.empty()) {
      KeywordHit hit{rule.name, rule.version, std::nullopt, -1, 0, "", "", ""};
      if (explain) hit.explanation = fmt::format("rule holds with no words (absence): {}", rule.expression);
      out.hits.push_back(std::move(hit));
      continue;
    }
    for (std::size_t e = 0; e < evidence.size() && e < max_hits_per_rule; ++e) {
      auto const& occ = evidence[e];
      if (occ.term & kConditionFlag) {
        out.hits.push_back(
            ConditionHit(rule, occ.term & ~kConditionFlag, sentiment, transcript.duration_ms, explain));
        continue;
      }
      Token const& first = tokens.tokens[occ.first];
      KeywordHit hit{rule.name, rule.version, first.speaker, first.phrase, first.offset_ms, "", "", ""};
      for (std::uint32_t t = occ.first;; t = tokens.tokens[t].next_same_speaker) {
        if (!hit.words.empty()) hit.words += ' ';
        hit.words += tokens.Text(tokens.tokens[t]);
        if (t == occ.last) break;
      }
      if (explain) {
        hit.explanation =
            fmt::format("term \"{}\" matched \"{}\" ({}, phrase {}, {:.1f} s); rule: {} [speaker {}{}]",
                        terms_[occ.term].source, hit.words, ToString(first.speaker), first.phrase,
                        first.offset_ms / 1000.0, rule.expression, ToString(rule.scope),
                        rule.first_ms  ? fmt::format(", first {} s", *rule.first_ms / 1000.0)
                        : rule.last_ms ? fmt::format(", last {} s", *rule.last_ms / 1000.0)
                                       : "");
      }
      out.hits.push_back(std::move(hit));
    }
  }
  if (keyword_rules_ > 0)
    out.keyword_coverage = static_cast<double>(keywords_found) / keyword_rules_;
  else
    out.keyword_coverage = static_cast<double>(out.rules_matched.size()) / rules_.size();
}

}  // namespace gctq::analysis
