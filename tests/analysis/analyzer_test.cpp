#include "gctq/analysis/analyzer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/transcript_builder.h"

namespace gctq::analysis {
namespace {

using testing::TranscriptBuilder;

std::string ReadFile(std::string const& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Analyzer Make(AnalysisOptions options) {
  auto analyzer = Analyzer::Create(std::move(options));
  EXPECT_TRUE(analyzer.ok()) << analyzer.error().message;
  return std::move(analyzer).value();
}

TEST(AnalyzerTest, SampleTranscriptKeywordsAndCleanPii) {
  AnalysisOptions options;
  options.keywords = "hello, goodbye, refund";
  Analyzer analyzer = Make(options);
  auto result = analyzer.Analyze(ReadFile(std::string(GCTQ_TEST_DATA_DIR) + "/sample-transcript.json"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->phrases, 5u);
  ASSERT_EQ(result->hits.size(), 2u);
  EXPECT_EQ(result->hits[0].rule, "hello");
  EXPECT_EQ(result->hits[0].speaker, Speaker::kAgent);
  EXPECT_EQ(result->hits[0].phrase_index, 0);
  // "hello" is the first word: words[0].startTimeMs 1610679609256 - startTime 1610679598066.
  EXPECT_EQ(result->hits[0].offset_ms, 11190);
  EXPECT_EQ(result->hits[1].rule, "goodbye");
  ASSERT_TRUE(result->keyword_coverage.has_value());
  EXPECT_NEAR(*result->keyword_coverage, 2.0 / 3.0, 1e-9);
  EXPECT_EQ(result->pii_status, PiiStatus::kClean);
  EXPECT_EQ(result->duration_ms, 1610679647566 - 1610679598066 + 1400);
}

TEST(AnalyzerTest, PiiOffIsNotScanned) {
  AnalysisOptions options;
  options.pii = false;
  Analyzer analyzer = Make(options);
  auto result = analyzer.Analyze(TranscriptBuilder{}.Customer(0, "my card is 4111 1111 1111 1111").Json());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->pii_status, PiiStatus::kNotScanned);
  EXPECT_TRUE(result->findings.empty());
}

TEST(AnalyzerTest, LeakAndMaskedStatus) {
  Analyzer analyzer = Make({});
  auto leak = analyzer.Analyze(TranscriptBuilder{}.Customer(0, "my card is 4111 1111 1111 1111").Json());
  ASSERT_TRUE(leak.ok());
  EXPECT_EQ(leak->pii_status, PiiStatus::kLeak);
  ASSERT_EQ(leak->findings.size(), 1u);
  EXPECT_EQ(leak->findings[0].type, PiiType::kCardNumber);
  EXPECT_EQ(leak->findings[0].preview, "************1111");
  auto masked = analyzer.Analyze(TranscriptBuilder{}.Customer(0, "my card is [card number] thanks").Json());
  ASSERT_TRUE(masked.ok());
  EXPECT_EQ(masked->pii_status, PiiStatus::kMasked);
  EXPECT_EQ(masked->masks_seen, 1u);
}

TEST(AnalyzerTest, SentimentPerSpeakerAndQuarter) {
  TranscriptBuilder b;
  b.Say("internal", 0, "hello how can i help", 1);
  b.Say("external", 10'000, "this is terrible", -1);
  b.Say("external", 20'000, "still bad", -1);
  b.Say("internal", 39'000, "sorry about that", 0);
  Analyzer analyzer = Make({});
  auto result = analyzer.Analyze(b.Json(), ConversationContext{StaScoreFromApi(-0.4), "Declining"});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->sentiment.agent.phrases, 2u);
  EXPECT_EQ(result->sentiment.agent.positive, 1u);
  EXPECT_EQ(result->sentiment.customer.negative, 2u);
  EXPECT_DOUBLE_EQ(result->sentiment.customer.mean, -1.0);
  EXPECT_EQ(result->sentiment.quarters[0].phrases, 1u);
  EXPECT_EQ(result->sentiment.quarters[3].phrases, 1u);
  EXPECT_EQ(result->sentiment.customer_quarters[1].negative + result->sentiment.customer_quarters[2].negative,
            2u);
  EXPECT_DOUBLE_EQ(*result->sentiment.sta_score, -40.0);
}

TEST(AnalyzerTest, MalformedDocumentIsAnErrorAndTheNextOneWorks) {
  Analyzer analyzer = Make({});
  auto bad = analyzer.Analyze(R"({"transcripts": [{"phrases": [{"text": 5}]}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kDataLoss);
  EXPECT_NE(bad.error().message.find("transcripts[0].phrases[0].text"), std::string::npos);
  auto good = analyzer.Analyze(TranscriptBuilder{}.Agent(0, "hello").Json());
  EXPECT_TRUE(good.ok());
}

TEST(AnalyzerTest, WriteJsonRecord) {
  AnalysisOptions options;
  options.keywords = "refund";
  options.explain = true;
  Analyzer analyzer = Make(options);
  auto result = analyzer.Analyze(TranscriptBuilder{}.Customer(1000, "I want a refund").Json());
  ASSERT_TRUE(result.ok());
  nlohmann::json out;
  WriteJson(*result, out);
  EXPECT_EQ(out["conversation_id"], "conv-1");
  EXPECT_EQ(out["hits"][0]["rule"], "refund");
  EXPECT_EQ(out["hits"][0]["speaker"], "customer");
  EXPECT_EQ(out["hits"][0]["offset_ms"], 1900);
  EXPECT_TRUE(out["hits"][0].contains("explanation"));
  EXPECT_EQ(out["pii_status"], "clean");
  EXPECT_EQ(out["keyword_coverage"], 1.0);
}

TEST(AnalyzerTest, BadKeywordsRejectedAtCreate) {
  AnalysisOptions options;
  options.keywords = "ok, re*und";
  auto analyzer = Analyzer::Create(options);
  ASSERT_FALSE(analyzer.ok());
  EXPECT_EQ(analyzer.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace gctq::analysis
