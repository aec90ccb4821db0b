// Scores the analysis against the emulator generator's ground truth over 2,300 generated
// conversations (at least 2,000 of them with a transcript):
// keyword rules (per speaker) must equal the truth; PII per-type recall/precision must meet the
// floors of issue 5. Prints the per-type table (precision, recall, support).
//
// How a PII finding is matched to the truth (one conversation at a time):
// - The truth lists every PII instance said in the call with its type, speaker, the phraseIndex
//   values holding it (a split leak lists each phrase) and whether Genesys masked it.
// - A finding's phrase positions (the analyzer's phrases, ordered by start time) are mapped back to
//   the document's phraseIndex values.
// - A finding matches an instance when the type and the speaker are equal and the finding's phrases
//   intersect the instance's phrases. Matching is one-to-one: each instance takes the first unused
//   finding that matches it (instances in truth order), so a duplicate finding is a false positive.
// - Unmasked instance matched: true positive; unmasked instance left over: false negative. Every
//   finding left over is a false positive, including one on a masked instance (a mask is not a
//   leak), on the other speaker, in other phrases, or of another type.
// - postal_code instances have no analysis type yet: they are counted (support) but not scored.
// Set GCTQ_PII_TRUTH_SEED=N to score another generated org (the suite uses seed 7).
// Set GCTQ_PII_TRUTH_DEBUG=1 to print the phrases around every miss and false finding (the data is
// synthetic; never paste the output into snapshots or docs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "gctq/analysis/analyzer.h"
#include "generator/generate.h"
#include "generator/keywords.h"
#include "server/json_mapping.h"

namespace gctq::analysis {
namespace {

struct Score {
  int tp = 0, fp = 0, fn = 0;
  [[nodiscard]] int support() const { return tp + fn; }
  [[nodiscard]] double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  [[nodiscard]] double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

std::string TruthType(std::string const& type) {
  return type == "cvv" ? "card_cvv" : type;
}

struct TruthScores {
  int transcripts = 0;
  Score keywords;
  std::map<std::string, Score> pii;
  int unscored_postal = 0;
};

struct DocPhrase {
  int index = 0;
  std::int64_t start_ms = 0;
  std::string speaker, text;
};

/// The document's phrases in the analyzer's order (stable by start time).
std::vector<DocPhrase> DocumentPhrases(nlohmann::json const& doc) {
  std::vector<DocPhrase> out;
  for (auto const& transcript : doc.at("transcripts"))
    for (auto const& p : transcript.at("phrases"))
      out.push_back({p.at("phraseIndex").get<int>(), p.at("startTimeMs").get<std::int64_t>(),
                     p.at("participantPurpose") == "internal" ? "agent" : "customer",
                     p.at("text").get<std::string>()});
  std::stable_sort(out.begin(), out.end(),
                   [](auto const& a, auto const& b) { return a.start_ms < b.start_ms; });
  return out;
}

void PrintContext(char const* what, std::string const& type, std::string const& speaker,
                  std::set<int> const& phrases, std::vector<DocPhrase> const& doc, std::size_t conversation) {
  std::printf("[%s] conv %zu %s (%s)\n", what, conversation, type.c_str(), speaker.c_str());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    bool near = false;
    for (int k = -2; k <= 0 && !near; ++k) near = i + k < doc.size() && phrases.count(doc[i + k].index) > 0;
    near = near || (i + 1 < doc.size() && phrases.count(doc[i + 1].index) > 0);
    if (near)
      std::printf("    %c %-8s %s\n", phrases.count(doc[i].index) ? '>' : ' ', doc[i].speaker.c_str(),
                  doc[i].text.c_str());
  }
}

struct Instance {
  std::string type, speaker;
  std::set<int> phrases;
  bool masked = false;
};

void ScorePii(gctq_emulator::Truth const& truth, AnalysisResult const& result, nlohmann::json const& doc_json,
              std::size_t conversation, TruthScores& out) {
  static bool const debug = std::getenv("GCTQ_PII_TRUTH_DEBUG") != nullptr;
  std::vector<DocPhrase> const doc = DocumentPhrases(doc_json);
  std::vector<Instance> found;
  for (auto const& f : result.findings) {
    Instance i{std::string(ToString(f.type)), std::string(ToString(f.speaker)), {}, false};
    for (auto p : f.phrase_indexes)
      if (p < doc.size()) i.phrases.insert(doc[p].index);
    found.push_back(std::move(i));
  }
  std::vector<bool> used(found.size(), false);
  for (auto const& p : truth.pii) {
    if (p.type == "postal_code") {
      out.unscored_postal += p.masked ? 0 : 1;
      continue;
    }
    Instance want{TruthType(p.type), p.speaker,
                  std::set<int>(p.phrase_indexes.begin(), p.phrase_indexes.end()), p.masked};
    bool matched = false;
    for (std::size_t k = 0; k < found.size() && !matched; ++k) {
      if (used[k] || found[k].type != want.type || found[k].speaker != want.speaker) continue;
      bool overlap = std::any_of(found[k].phrases.begin(), found[k].phrases.end(),
                                 [&](int x) { return want.phrases.count(x) > 0; });
      if (overlap) used[k] = matched = true;
    }
    if (want.masked) {
      if (matched) {  // a finding on a masked instance: a false alarm
        ++out.pii[want.type].fp;
        if (debug) PrintContext("FP-masked", want.type, want.speaker, want.phrases, doc, conversation);
      }
      continue;
    }
    Score& s = out.pii[want.type];
    (matched ? s.tp : s.fn)++;
    if (!matched && debug) PrintContext("FN", want.type, want.speaker, want.phrases, doc, conversation);
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (used[k]) continue;
    ++out.pii[found[k].type].fp;
    if (debug) PrintContext("FP", found[k].type, found[k].speaker, found[k].phrases, doc, conversation);
  }
}

void ComputeScores(TruthScores& out) {
  gctq_emulator::GeneratorSettings settings;
  settings.conversations = 2300;
  char const* seed = std::getenv("GCTQ_PII_TRUTH_SEED");  // other seeds: a local generality check
  settings.seed = seed != nullptr ? std::strtoull(seed, nullptr, 10) : 7;
  settings.anchor_epoch_s = 1'767'225'600;  // fixed: 2026-01-01
  auto org = gctq_emulator::GenerateOrg(settings);
  std::vector<Rule> rules;
  for (auto word : gctq_emulator::KeywordVocabulary()) {
    for (std::string_view speaker : {"agent", "customer"}) {
      auto parsed =
          ParseRuleFile("[[rule]]\nname = \"" + std::string(speaker) + ":" + word + "\"\nmatch = '\"" + word +
                            "\"'\nspeaker = \"" + std::string(speaker) + "\"\n",
                        "vocabulary");
      EXPECT_TRUE(parsed.ok()) << parsed.error().message;
      rules.push_back(std::move(parsed->front()));
    }
  }
  AnalysisOptions options;
  options.rules = std::move(rules);
  auto analyzer = Analyzer::Create(std::move(options));
  EXPECT_TRUE(analyzer.ok());
  for (std::size_t i = 0; i < org->size(); ++i) {
    auto document = org->Transcript(i);
    if (!document) continue;
    ++out.transcripts;
    nlohmann::json const json = gctq_emulator::server::TranscriptToJson(*document);
    auto result = analyzer->Analyze(json.dump());
    EXPECT_TRUE(result.ok()) << result.error().message;
    if (!result.ok()) continue;
    gctq_emulator::Truth truth = org->TruthOf(i);
    std::set<std::string> expected, found(result->rules_matched.begin(), result->rules_matched.end());
    for (auto const& w : truth.agent_keywords) expected.insert("agent:" + w);
    for (auto const& w : truth.customer_keywords) expected.insert("customer:" + w);
    for (auto const& e : expected) (found.count(e) ? out.keywords.tp : out.keywords.fn)++;
    for (auto const& f : found) out.keywords.fp += expected.count(f) ? 0 : 1;
    ScorePii(truth, *result, json, i, out);
  }
  std::printf("emulator truth: %d transcripts; keywords tp %d fp %d fn %d\n", out.transcripts,
              out.keywords.tp, out.keywords.fp, out.keywords.fn);
  std::printf("%-12s %7s %5s %5s %5s %9s %7s\n", "type", "support", "tp", "fp", "fn", "precision", "recall");
  Score overall;
  for (auto const& [type, s] : out.pii) {
    std::printf("%-12s %7d %5d %5d %5d %9.3f %7.3f\n", type.c_str(), s.support(), s.tp, s.fp, s.fn,
                s.precision(), s.recall());
    overall.tp += s.tp, overall.fp += s.fp, overall.fn += s.fn;
  }
  std::printf("%-12s %7d %5d %5d %5d %9.3f %7.3f\n", "overall", overall.support(), overall.tp, overall.fp,
              overall.fn, overall.precision(), overall.recall());
  std::printf("%-12s %7d (not scored: no analysis type)\n", "postal_code", out.unscored_postal);
}

TruthScores const& Scores() {
  static TruthScores const scores = [] {
    TruthScores out;
    ComputeScores(out);
    return out;
  }();
  return scores;
}

TEST(EmulatorTruthTest, KeywordRulesEqualTheTruthPerSpeaker) {
  auto const& s = Scores();
  EXPECT_GT(s.transcripts, 1000);
  EXPECT_EQ(s.keywords.fp, 0);
  EXPECT_EQ(s.keywords.fn, 0);
}

// The floors of issue 5: recall >= 0.98 for card numbers and SSNs, >= 0.95 for the other types,
// precision >= 0.95 overall; every type must have enough support to be meaningful.
TEST(EmulatorTruthTest, PiiMeetsFloors) {
  auto const& s = Scores();
  EXPECT_GE(s.transcripts, 2000);
  Score overall;
  for (auto const& [type, score] : s.pii) {
    overall.tp += score.tp, overall.fp += score.fp, overall.fn += score.fn;
    EXPECT_GT(score.support(), 50) << type;
    EXPECT_GE(score.recall(), type == "card_number" || type == "ssn" ? 0.98 : 0.95) << type;
  }
  EXPECT_EQ(s.pii.size(), 8u) << "every analysis PII type is scored";
  EXPECT_GE(overall.precision(), 0.95);
}

}  // namespace
}  // namespace gctq::analysis
