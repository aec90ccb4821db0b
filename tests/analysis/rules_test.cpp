#include <gtest/gtest.h>

#include "analysis/transcript_builder.h"
#include "gctq/analysis/analyzer.h"

namespace gctq::analysis {
namespace {

using testing::TranscriptBuilder;

/// Names of the rules that hold on the transcript.
std::vector<std::string> Matched(std::string const& toml, std::string const& json) {
  auto rules = ParseRuleFile(toml, "test.toml");
  EXPECT_TRUE(rules.ok()) << rules.error().message;
  if (!rules.ok()) return {};
  AnalysisOptions options;
  options.rules = std::move(*rules);
  options.pii = false;
  auto analyzer = Analyzer::Create(std::move(options));
  EXPECT_TRUE(analyzer.ok());
  auto result = analyzer->Analyze(json);
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? result->rules_matched : std::vector<std::string>{};
}

std::string Rule(std::string const& match, std::string const& extra = "") {
  return "[[rule]]\nname = \"r\"\nversion = 3\nmatch = '" + match + "'\n" + extra;
}

std::string const kCall = TranscriptBuilder{}
                              .Agent(0, "Thank you for calling, how can I help?")
                              .Customer(4000, "I was charged twice and I want my money back.")
                              .Agent(9000, "I can issue a refund to your credit")
                              .Customer(12000, "ok")
                              .Agent(14000, "card today. Summer offers apply.")
                              .Customer(20000, "Thanks, goodbye")
                              .Json();
std::vector<std::string> const kYes{"r"};
std::vector<std::string> const kNo{};

TEST(RulesTest, WholeWordsOnly) {
  EXPECT_EQ(Matched(Rule("refund"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("mm"), kCall), kNo);  // no substring match inside "summer"
  EXPECT_EQ(Matched(Rule("REFUND"), kCall), kYes);
}

TEST(RulesTest, PhraseAcrossPhrasesOfTheSameSpeaker) {
  EXPECT_EQ(Matched(Rule("\"credit card\""), kCall), kYes);  // split by the customer's "ok"
  EXPECT_EQ(Matched(Rule("\"money back\""), kCall), kYes);
  EXPECT_EQ(Matched(Rule("\"back i\""), kCall), kNo);  // customer then agent: different speakers
}

TEST(RulesTest, PrefixWildcard) {
  EXPECT_EQ(Matched(Rule("charg*"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("refunds*"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("\"thank* you\""), kCall), kYes);  // a wildcard may end any word of a phrase
  EXPECT_EQ(Matched(Rule("\"thank you\""), kCall), kYes);
}

TEST(RulesTest, BooleanOperatorsAndGrouping) {
  EXPECT_EQ(Matched(Rule("refund AND charged"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("refund AND cancel"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("cancel OR refund"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("refund AND NOT cancel"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("refund AND NOT twice"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("(cancel OR charged) AND (refund OR voucher)"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("NOT escalate"), kCall), kYes);  // absence rule
}

TEST(RulesTest, Proximity) {
  EXPECT_EQ(Matched(Rule("charged NEAR/2 twice"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("charged NEAR/6 money"), kCall), kYes);  // 6 words apart
  EXPECT_EQ(Matched(Rule("charged NEAR/5 money"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("money NEAR/6 charged"), kCall), kYes);  // either order
}

TEST(RulesTest, SpeakerScope) {
  EXPECT_EQ(Matched(Rule("refund", "speaker = \"agent\"\n"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("refund", "speaker = \"customer\"\n"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("goodbye", "speaker = \"customer\"\n"), kCall), kYes);
}

TEST(RulesTest, PositionInCall) {
  EXPECT_EQ(Matched(Rule("calling", "first_seconds = 5\n"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("goodbye", "first_seconds = 5\n"), kCall), kNo);
  EXPECT_EQ(Matched(Rule("goodbye", "last_seconds = 5\n"), kCall), kYes);
  EXPECT_EQ(Matched(Rule("calling", "last_seconds = 5\n"), kCall), kNo);
}

TEST(RulesTest, HitCarriesRuleSpeakerPhraseTimeAndWords) {
  auto rules = ParseRuleFile(Rule("\"credit card\""), "t.toml");
  ASSERT_TRUE(rules.ok());
  AnalysisOptions options;
  options.rules = *rules;
  options.explain = true;
  auto analyzer = Analyzer::Create(options);
  auto result = analyzer->Analyze(kCall);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->hits.size(), 1u);
  KeywordHit const& hit = result->hits[0];
  EXPECT_EQ(hit.rule, "r");
  EXPECT_EQ(hit.version, "3");
  EXPECT_EQ(hit.speaker, Speaker::kAgent);
  EXPECT_EQ(hit.phrase_index, 2);
  EXPECT_EQ(hit.offset_ms, 9000 + 7 * 300);  // words[7].startTimeMs
  EXPECT_EQ(hit.words, "credit card");
  EXPECT_NE(hit.explanation.find("term \"credit card\""), std::string::npos);
}

std::string FileError(std::string const& toml) {
  auto rules = ParseRuleFile(toml, "rules.toml");
  return rules.ok() ? "" : rules.error().message;
}

TEST(RuleFileTest, ErrorsNameLineAndReason) {
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = 'refund AND'\n"),
            "rules.toml:3: rule 'a': match: position 11: expression ends where a term was expected");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = 'refund billing'\n"),
            "rules.toml:3: rule 'a': match: position 8: two terms without an operator between them (use AND, "
            "OR, NEAR/n, or quote a phrase)");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = 'a NEAR b'\n"),
            "rules.toml:3: rule 'a': match: position 3: NEAR needs a distance, e.g. NEAR/5");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = '(a OR b'\n"),
            "rules.toml:3: rule 'a': match: position 8: expected ')'");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = 'a NEAR/3 (NOT b)'\n")
                    .find("NOT cannot be an operand of NEAR") != std::string::npos,
            true);
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = \"x\"\n\n[[rule]]\nname = \"a\"\nmatch = \"y\"\n"),
            "rules.toml:5: duplicate rule name 'a'");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = \"x\"\nspeaker = \"robot\"\n"),
            "rules.toml:4: rule 'a': speaker must be agent, customer or any");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = \"x\"\nspeeker = \"agent\"\n").substr(0, 31),
            "rules.toml:4: unknown key 'spee");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\n"),
            "rules.toml:1: rule 'a' needs a string 'match' expression");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = \"x\"\nfirst_seconds = -3\n"),
            "rules.toml:4: rule 'a': first_seconds must be a number of seconds in 1..86400");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\nmatch = 1\n").substr(0, 24), "rules.toml:2: TOML synta");
  EXPECT_EQ(FileError("[[rule]]\nname = \"a\"\nmatch = 'ref*und'\n"),
            "rules.toml:3: rule 'a': match: position 1: '*' is only allowed at the end of a word (prefix "
            "wildcard)");
}

TEST(RuleFileTest, ManyRulesCompileOnce) {
  std::string toml;
  for (int i = 0; i < 2000; ++i)
    toml += "[[rule]]\nname = \"r" + std::to_string(i) + "\"\nmatch = 'word" + std::to_string(i) +
            " OR refund'\n";
  auto rules = ParseRuleFile(toml, "big.toml");
  ASSERT_TRUE(rules.ok());
  AnalysisOptions options;
  options.rules = std::move(*rules);
  auto analyzer = Analyzer::Create(options);
  ASSERT_TRUE(analyzer.ok());
  auto result = analyzer->Analyze(kCall);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rules_matched.size(), 2000u);
  EXPECT_DOUBLE_EQ(*result->keyword_coverage, 1.0);
}

}  // namespace
}  // namespace gctq::analysis
