// Analysis throughput: generated transcript JSON (Genesys shape, words[] included) scanned with 1,
// 100 and 10,000 rules, PII on and off. Reports bytes/s of transcript JSON per core (single thread).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "gctq/analysis/analyzer.h"

namespace {

using gctq::analysis::AnalysisOptions;
using gctq::analysis::Analyzer;

std::vector<std::string> const kVocabulary = {
    "hello",   "thank",        "you",     "for",      "calling", "how",      "can",     "i",      "help",
    "today",   "my",           "bill",    "is",       "wrong",   "charged",  "twice",   "refund", "please",
    "account", "number",       "let",     "me",       "check",   "that",     "one",     "moment", "sorry",
    "about",   "the",          "trouble", "okay",     "great",   "anything", "else",    "no",     "goodbye",
    "payment", "card",         "service", "internet", "slow",    "router",   "restart", "works",  "now",
    "cancel",  "subscription", "plan",    "upgrade"};

/// One conversation of `phrases` phrases, alternating speakers, with a card read out in some calls.
std::string MakeTranscript(std::mt19937& rng, int phrases, int index) {
  std::int64_t start = 1'700'000'000'000 + index * 1'000'000LL;
  std::string json =
      R"({"organizationId":"o","conversationId":"c-)" + std::to_string(index) +
      R"(","communicationId":"m","mediaType":"call","startTime":)" + std::to_string(start) +
      R"(,"duration":{"milliseconds":600000},"transcripts":[{"transcriptId":"t","language":"en-US","startTime":)" +
      std::to_string(start) + R"(,"phrases":[)";
  std::uniform_int_distribution<std::size_t> word(0, kVocabulary.size() - 1);
  std::int64_t t = start;
  for (int p = 0; p < phrases; ++p) {
    std::vector<std::string> words;
    int n = 6 + static_cast<int>(rng() % 10);
    for (int w = 0; w < n; ++w) words.push_back(kVocabulary[word(rng)]);
    if (p == 7 && index % 10 == 0) words = {"my", "card", "is", "4111", "1111", "1111", "1111"};
    if (p % 15 == 3) words.push_back("kw" + std::to_string(rng() % 20000));  // rule-file vocabulary, sparse
    std::string text;
    for (auto const& w : words) text += (text.empty() ? "" : " ") + w;
    if (p > 0) json += ',';
    json += R"({"text":")" + text + R"(","stability":1,"confidence":0.9,"startTimeMs":)" + std::to_string(t) +
            R"(,"duration":{"milliseconds":)" + std::to_string(n * 300) + R"(},"words":[)";
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (w > 0) json += ',';
      json += R"({"word":")" + words[w] + R"(","confidence":0.9,"startTimeMs":)" +
              std::to_string(t + 300 * w) + R"(,"duration":{"milliseconds":280}})";
    }
    json += R"(],"alternatives":[],"participantPurpose":")" + std::string(p % 2 ? "external" : "internal") +
            R"("})";
    t += n * 300 + 500;
  }
  json +=
      R"(],"analytics":{"sentiment":[{"participant":"external","phraseIndex":1,"sentiment":-1,"startTimeMs":)" +
      std::to_string(start + 3000) + "}]}}]}";
  return json;
}

std::vector<std::string> const& Corpus() {
  static std::vector<std::string> corpus = [] {
    std::mt19937 rng(5);
    std::vector<std::string> docs;
    for (int i = 0; i < 200; ++i) docs.push_back(MakeTranscript(rng, 60, i));
    return docs;
  }();
  return corpus;
}

std::vector<gctq::analysis::Rule> MakeRules(int count) {
  std::string toml;
  // Realistic rule sets: each rule has its own terms (kw<N>), combined with common words, so a
  // conversation fires a handful of rules however many there are.
  for (int i = 0; i < count; ++i) {
    std::string n = std::to_string(i), a = "kw" + std::to_string(2 * i), b = "kw" + std::to_string(2 * i + 1);
    std::string common = kVocabulary[i % kVocabulary.size()];
    toml += "[[rule]]\nname = \"r" + n + "\"\nversion = 1\n";
    switch (i % 4) {
      case 0: toml += "match = '\"" + common + " " + a + "\" OR " + b + "'\n"; break;
      case 1: toml += "match = '" + a + " NEAR/5 " + common + "'\nspeaker = \"customer\"\n"; break;
      case 2: toml += "match = '(" + a + "* OR " + b + ") AND NOT " + common + "'\n"; break;
      default: toml += "match = '" + a + " OR (" + common + " AND " + b + ")'\nfirst_seconds = 30\n"; break;
    }
  }
  auto rules = gctq::analysis::ParseRuleFile(toml, "bench.toml");
  if (!rules) std::abort();
  return std::move(*rules);
}

void BM_AnalysisScan(benchmark::State& state) {
  AnalysisOptions options;
  options.rules = MakeRules(static_cast<int>(state.range(0)));
  options.pii = state.range(1) != 0;
  auto analyzer = Analyzer::Create(std::move(options));
  if (!analyzer) std::abort();
  auto const& corpus = Corpus();
  std::size_t bytes = 0, i = 0;
  for (auto _ : state) {
    auto const& doc = corpus[i++ % corpus.size()];
    auto result = analyzer->Analyze(doc);
    benchmark::DoNotOptimize(result);
    bytes += doc.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetLabel(std::to_string(state.range(0)) + " rules, PII " + (state.range(1) ? "on" : "off"));
}
BENCHMARK(BM_AnalysisScan)->ArgsProduct({{1, 100, 10000}, {0, 1}})->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
