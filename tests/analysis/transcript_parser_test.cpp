#include <gtest/gtest.h>

#include "analysis/transcript_builder.h"
#include "gctq/analysis/transcript.h"

namespace gctq::analysis {
namespace {

std::string ErrorOf(std::string_view json, TranscriptLimits limits = {}) {
  Transcript t;
  auto status = ParseTranscript(json, t, limits);
  return status.ok() ? "" : status.error().message;
}

TEST(TranscriptParserTest, OffsetsFromEpochRelativeToDocumentStart) {
  // startTime after transcripts[] on purpose: field order is not assumed.
  std::string json = R"({"transcripts":[{"phrases":[
      {"text":"b","participantPurpose":"external","startTimeMs":1000005000},
      {"text":"a","participantPurpose":"internal","startTimeMs":1000002000,"duration":{"milliseconds":500}}],
      "analytics":{"sentiment":[{"participant":"external","phraseIndex":0,"sentiment":-1,"startTimeMs":1000005000}]}}],
    "startTime":1000000000,"duration":{"milliseconds":4000},"conversationId":"c"})";
  Transcript t;
  ASSERT_TRUE(ParseTranscript(json, t).ok());
  EXPECT_EQ(t.conversation_id, "c");
  ASSERT_EQ(t.phrases.size(), 2u);
  EXPECT_EQ(t.PhraseText(t.phrases[0]), "a");  // sorted by time
  EXPECT_EQ(t.phrases[0].offset_ms, 2000);
  EXPECT_EQ(t.phrases[1].speaker, Speaker::kCustomer);
  EXPECT_EQ(t.duration_ms, 5000);  // the last phrase ends after the declared duration
  ASSERT_EQ(t.sentiments.size(), 1u);
  EXPECT_EQ(t.sentiments[0].offset_ms, 5000);
}

TEST(TranscriptParserTest, SampleWrapperAccepted) {
  Transcript t;
  auto status = ParseTranscript(R"({"_source":"x","document":{"startTime":10,"transcripts":[]}})", t);
  EXPECT_TRUE(status.ok());
}

TEST(TranscriptParserTest, MissingFields) {
  EXPECT_NE(ErrorOf(R"({"conversationId":"c"})").find("transcripts: missing field"), std::string::npos);
  EXPECT_NE(
      ErrorOf(R"({"transcripts":[{"phrases":[{"text":"a","startTimeMs":1}]}]})").find("participantPurpose"),
      std::string::npos);
  EXPECT_NE(ErrorOf(R"({"transcripts":[{"phrases":[{"text":"a","participantPurpose":"internal"}]}]})")
                .find("startTimeMs"),
            std::string::npos);
}

TEST(TranscriptParserTest, WrongTypes) {
  EXPECT_NE(ErrorOf(R"({"transcripts":{}})").find("transcripts: wrong type"), std::string::npos);
  EXPECT_NE(
      ErrorOf(
          R"({"transcripts":[{"phrases":[{"text":"a","participantPurpose":"internal","startTimeMs":"x"}]}]})")
          .find("phrases[0].startTimeMs: wrong type"),
      std::string::npos);
  EXPECT_NE(
      ErrorOf(R"({"transcripts":[{"phrases":[{"text":"a","participantPurpose":"robot","startTimeMs":1}]}]})")
          .find("expected internal or external"),
      std::string::npos);
  EXPECT_NE(ErrorOf("[1,2]").find("$: wrong type"), std::string::npos);
}

TEST(TranscriptParserTest, InvalidUtf8AndBrokenJson) {
  std::string bad =
      "{\"transcripts\":[{\"phrases\":[{\"text\":\"caf\xC3\x28\",\"participantPurpose\":\"internal\","
      "\"startTimeMs\":1}]}]}";
  EXPECT_NE(ErrorOf(bad).find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"transcripts":[{"phrases":[)").find("transcript document"), std::string::npos);
  EXPECT_NE(ErrorOf("").find("transcript document"), std::string::npos);
}

TEST(TranscriptParserTest, HugeStringsAndDocumentsRejected) {
  std::string text(100'000, 'a');
  std::string json = R"({"transcripts":[{"phrases":[{"text":")" + text +
                     R"(","participantPurpose":"internal","startTimeMs":1}]}]})";
  std::string error = ErrorOf(json);
  EXPECT_NE(error.find("phrases[0].text: 100000 bytes exceeds the limit of 65536"), std::string::npos)
      << error;
  TranscriptLimits small;
  small.max_document_bytes = 10;
  EXPECT_NE(ErrorOf(json, small).find("exceeds the limit of 10"), std::string::npos);
}

TEST(TranscriptParserTest, ErrorsNeverEchoTheText) {
  std::string json =
      R"({"transcripts":[{"phrases":[{"text":"4111111111111111","participantPurpose":"bogus","startTimeMs":1}]}]})";
  EXPECT_EQ(ErrorOf(json).find("4111"), std::string::npos);
}

}  // namespace
}  // namespace gctq::analysis
