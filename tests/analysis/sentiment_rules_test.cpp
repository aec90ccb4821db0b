// Sentiment conditions in rules: sentiment(speaker[, period]) OP n | CLASS, and sta_score OP n.
#include <gtest/gtest.h>

#include "analysis/transcript_builder.h"
#include "gctq/analysis/analyzer.h"

namespace gctq::analysis {
namespace {

using testing::TranscriptBuilder;

std::vector<std::string> const kYes{"r"};
std::vector<std::string> const kNo{};

std::string Rule(std::string const& match, std::string const& extra = "") {
  return "[[rule]]\nname = \"r\"\nversion = 2\nmatch = '" + match + "'\n" + extra;
}

Result<AnalysisResult> AnalyzeWith(std::string const& toml, std::string const& json,
                                   ConversationContext context = {}) {
  auto rules = ParseRuleFile(toml, "test.toml");
  EXPECT_TRUE(rules.ok()) << rules.error().message;
  if (!rules.ok()) return rules.error();
  AnalysisOptions options;
  options.rules = std::move(*rules);
  options.pii = false;
  options.explain = true;
  auto analyzer = Analyzer::Create(std::move(options));
  EXPECT_TRUE(analyzer.ok());
  if (!analyzer.ok()) return analyzer.error();
  return analyzer->Analyze(json, context);
}

std::vector<std::string> Matched(std::string const& match, std::string const& json,
                                 ConversationContext context = {}, std::string const& extra = "") {
  auto result = AnalyzeWith(Rule(match, extra), json, std::move(context));
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? result->rules_matched : std::vector<std::string>{};
}

// Duration 39.9 s, quarters start at 0, 9.975, 19.95 and 29.925 s. Phrase sentiment:
//   customer: q1 0 | q2 -1 | q3 none | q4 -1, 0  -> call mean -0.5
//   agent:    q1 +1 | q2 0 | q3 none | q4 +1      -> call mean 0.667
//   both:     call mean 0 (7 phrases); q4 mean 0; q2 mean -0.5
std::string const kCall = TranscriptBuilder{}
                              .Say("internal", 0, "thank you for calling", 1)
                              .Say("external", 3000, "I need a refund", 0)
                              .Say("external", 12000, "this is terrible", -1)
                              .Say("internal", 15000, "I am sorry", 0)
                              .Agent(22000, "let me check the sentiment")
                              .Say("external", 32000, "still charged twice", -1)
                              .Say("external", 35000, "unacceptable", 0)
                              .Agent(37000, "I understand")
                              .Say("internal", 39000, "goodbye have fun", 1)
                              .Json();
std::string const kNoSentiment = TranscriptBuilder{}.Agent(0, "hello").Customer(2000, "refund please").Json();

TEST(SentimentRulesTest, SpeakerScope) {
  EXPECT_EQ(Matched("sentiment(customer) < 0", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent) < 0", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(agent) > 0.6", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(any) = 0", kCall), kYes);  // both speakers pooled: 0 over 7 phrases
  EXPECT_EQ(Matched("Sentiment( Customer , Q4 )<=-0.5", kCall), kYes);  // case and spacing are free
}

TEST(SentimentRulesTest, Quarters) {
  EXPECT_EQ(Matched("sentiment(customer, q1) = 0", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer, q2) = -1", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer, q4) = -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer, last_quarter) = -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer, first_quarter) = 0", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer, call) = -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent, q1) = 1", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent, q2) = 0", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent, q4) = 1", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(any, q2) = -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(any, q4) = 0", kCall), kYes);
}

TEST(SentimentRulesTest, ComparisonOperators) {
  // customer mean over the call is -0.5.
  EXPECT_EQ(Matched("sentiment(customer) < -0.4", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) < -0.5", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) <= -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) <= -0.6", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) > -0.6", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) > -0.5", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) >= -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) >= -0.4", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) = -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) == -0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) != -0.5", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) != +0.5", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent) = 0.6666666667", kCall), kYes);  // 2/3 within the 1e-9 tolerance
}

TEST(SentimentRulesTest, NamedClassesAreTheSignOfTheMean) {
  EXPECT_EQ(Matched("sentiment(customer) negative", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(customer) neutral", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer) positive", kCall), kNo);
  EXPECT_EQ(Matched("sentiment(customer, q1) neutral", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(agent) positive", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(any, q4) neutral", kCall), kYes);  // -1, 0, +1
  EXPECT_EQ(Matched("sentiment(any, q4) negative", kCall), kNo);
}

TEST(SentimentRulesTest, StaScore) {
  ConversationContext sta{-40.0, "Declining"};
  EXPECT_EQ(Matched("sta_score < -25", kCall, sta), kYes);
  EXPECT_EQ(Matched("sta_score >= -40", kCall, sta), kYes);
  EXPECT_EQ(Matched("sta_score > -40", kCall, sta), kNo);
  EXPECT_EQ(Matched("sta_score<0 AND sentiment(customer) negative", kCall, sta), kYes);
  ConversationContext positive{StaScoreFromApi(0.62), ""};
  EXPECT_EQ(Matched("sta_score >= 62", kCall, positive), kYes);
}

TEST(SentimentRulesTest, NoDataIsFalse) {
  // Nobody has a sentiment-bearing phrase in q3: every comparison and class is false there ...
  for (char const* m :
       {"sentiment(customer, q3) negative", "sentiment(customer, q3) neutral",
        "sentiment(customer, q3) positive", "sentiment(agent, q3) != 0", "sentiment(any, q3) >= -1"})
    EXPECT_EQ(Matched(m, kCall), kNo) << m;
  // ... so its negation holds.
  EXPECT_EQ(Matched("NOT sentiment(customer, q3) negative", kCall), kYes);
  EXPECT_EQ(Matched("sentiment(any) >= -1", kNoSentiment), kNo);
  EXPECT_EQ(Matched("sentiment(customer) neutral", kNoSentiment), kNo);
  // No STA score in the context.
  EXPECT_EQ(Matched("sta_score < 0", kCall), kNo);
  EXPECT_EQ(Matched("sta_score >= -100", kCall), kNo);
  EXPECT_EQ(Matched("NOT sta_score < 0", kCall), kYes);
}

TEST(SentimentRulesTest, CombinedWithWords) {
  EXPECT_EQ(Matched("refund AND sentiment(customer, q4) < 0", kCall), kYes);
  EXPECT_EQ(Matched("refund AND sentiment(customer, q1) < 0", kCall), kNo);
  EXPECT_EQ(Matched("refund AND sentiment(customer, q4) < 0", kNoSentiment), kNo);
  EXPECT_EQ(Matched("voucher AND sentiment(customer) negative", kCall), kNo);
  EXPECT_EQ(Matched("voucher OR sentiment(customer) negative", kCall), kYes);
  EXPECT_EQ(Matched("(refund OR voucher) AND NOT sentiment(agent) negative", kCall), kYes);
  EXPECT_EQ(Matched("\"charged twice\" AND (sentiment(customer, q4) negative OR sta_score < 0)", kCall),
            kYes);
  // Words that are not conditions stay words: bare "sentiment", "sta score".
  EXPECT_EQ(Matched("sentiment AND sentiment(agent) positive", kCall), kYes);
  EXPECT_EQ(Matched("\"sentiment\"", kNoSentiment), kNo);
  // The rule's speaker/position scope applies to words only; the condition names its own speaker.
  EXPECT_EQ(Matched("refund AND sentiment(agent) positive", kCall, {}, "speaker = \"customer\"\n"), kYes);
  EXPECT_EQ(Matched("refund AND sentiment(customer, q4) negative", kCall, {}, "first_seconds = 5\n"), kYes);
  // Rules that can hold without any word are evaluated for every conversation.
  EXPECT_EQ(Matched("NOT (voucher OR sentiment(customer) positive)", kCall), kYes);
  EXPECT_EQ(Matched("NOT (refund OR sentiment(customer) positive)", kCall), kNo);
  EXPECT_EQ(Matched("NOT NOT sentiment(customer) negative", kCall), kYes);
}

TEST(SentimentRulesTest, HitsNameTheAggregateAndItsValue) {
  auto result = AnalyzeWith(Rule("refund AND sentiment(customer, q4) < 0"), kCall);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->hits.size(), 2u);
  KeywordHit const& cond = result->hits[0];  // conditions first, then words
  EXPECT_EQ(cond.rule, "r");
  EXPECT_EQ(cond.version, "2");
  EXPECT_EQ(cond.speaker, Speaker::kCustomer);
  EXPECT_EQ(cond.phrase_index, -1);
  EXPECT_EQ(cond.offset_ms, result->duration_ms * 3 / 4);  // start of q4
  EXPECT_EQ(cond.words, "");
  EXPECT_EQ(cond.aggregate,
            "sentiment(customer, q4) = -0.500 over 2 phrases (0 positive, 1 neutral, 1 negative)");
  EXPECT_EQ(
      cond.explanation,
      "condition \"sentiment(customer, q4) < 0\" held: sentiment(customer, q4) = -0.500 over 2 phrases (0 "
      "positive, 1 neutral, 1 negative) (29.9-39.9 s of the call); rule: refund AND sentiment(customer, q4) "
      "< 0");
  EXPECT_EQ(result->hits[1].words, "refund");
  EXPECT_EQ(result->hits[1].aggregate, "");

  auto sta = AnalyzeWith(Rule("sta_score <= -25"), kCall, ConversationContext{-40.0, ""});
  ASSERT_TRUE(sta.ok());
  ASSERT_EQ(sta->hits.size(), 1u);
  EXPECT_EQ(sta->hits[0].speaker, std::nullopt);
  EXPECT_EQ(sta->hits[0].aggregate, "sta_score = -40");
  EXPECT_EQ(sta->hits[0].explanation,
            "condition \"sta_score <= -25\" held: sta_score = -40; rule: sta_score <= -25");
}

std::string FileError(std::string const& match) {
  // The rule under test is the second one, so its match is on line 7.
  auto rules = ParseRuleFile(
      "[[rule]]\nname = \"ok\"\nmatch = 'refund'\n\n[[rule]]\nname = \"a\"\nmatch = '" + match + "'\n",
      "rules.toml");
  return rules.ok() ? "" : rules.error().message;
}

TEST(SentimentRulesTest, ParseErrorsNameLineAndReason) {
  std::string const p = "rules.toml:7: rule 'a': match: ";
  EXPECT_EQ(
      FileError("sentiment(robot) < 0"),
      p + "position 11: sentiment speaker must be agent, customer or any, e.g. sentiment(customer, q4)");
  EXPECT_EQ(FileError("sentiment(customer, q5) < 0"),
            p + "position 21: sentiment period must be call, q1, q2, q3, q4, first_quarter or last_quarter");
  EXPECT_EQ(FileError("sentiment(customer, q4 < 0"),
            p + "position 24: expected ')' to close sentiment(speaker, period)");
  EXPECT_EQ(
      FileError("sentiment(customer) sad"),
      p + "position 21: sentiment(customer) needs a comparison (< <= > >= = !=) with a number in -1..1, or "
          "negative, neutral or positive");
  EXPECT_EQ(
      FileError("refund AND sentiment(customer)"),
      p + "position 31: sentiment(customer) needs a comparison (< <= > >= = !=) with a number in -1..1, or "
          "negative, neutral or positive");
  EXPECT_EQ(
      FileError("sentiment(customer, q4) < -50"),
      p + "position 27: phrase sentiment is compared with a number in -1..1 (sta_score uses -100..100)");
  EXPECT_EQ(FileError("sentiment(customer) < low"), p + "position 23: 'low' is not a number");
  EXPECT_EQ(FileError("sentiment(customer) <"), p + "position 22: expected a number after the comparison");
  EXPECT_EQ(
      FileError("sentiment(customer) negativeish"),
      p + "position 21: sentiment(customer) needs a comparison (< <= > >= = !=) with a number in -1..1, or "
          "negative, neutral or positive");
  EXPECT_EQ(FileError("sta_score negative"),
            p + "position 11: sta_score needs a comparison with a number in -100..100, e.g. sta_score < -25");
  EXPECT_EQ(FileError("sta_score > 150"),
            p + "position 13: sta_score is compared with a number in -100..100");
  EXPECT_EQ(FileError("sentiment(customer) negative refund"),
            p + "position 30: two terms without an operator between them (use AND, OR, NEAR/n, or quote a "
                "phrase)");
  EXPECT_EQ(FileError("sentiment(customer) negative\"x\""),
            p + "position 29: unexpected text after the sentiment condition (use AND, OR)");
  EXPECT_EQ(FileError("sentiment(customer) negative NEAR/3 refund"),
            p + "position 1: a sentiment condition cannot be an operand of NEAR (combine it with AND)");
  EXPECT_EQ(FileError("refund NEAR/3 (late OR sta_score < 0)"),
            p + "position 15: a sentiment condition cannot be an operand of NEAR (combine it with AND)");
}

}  // namespace
}  // namespace gctq::analysis
