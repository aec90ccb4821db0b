// Speech & Text Analytics endpoints and pre-signed transcript URLs.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class StaTest : public ServerTest {
 protected:
  void SetUp() override {
    StartServer();
    token_ = Token();
  }
  static std::string ConversationPath(std::size_t index) {
    return "/api/v2/speechandtextanalytics/conversations/" + FakeConversationId(index);
  }
  std::string UrlPath(std::size_t index, std::string const& leaf = "transcripturl") {
    return ConversationPath(index) + "/communications/" + org_->CommunicationId(index) + "/" + leaf;
  }
  std::string PresignedUrl(std::size_t index) {
    Reply const reply = Get(UrlPath(index), token_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json().value("url", "");
  }
  std::string token_;
};

TEST_F(StaTest, ConversationMetricsHaveTheRealShape) {
  Reply const reply = Get(ConversationPath(kTenDays), token_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  json const body = reply.Json();
  EXPECT_THAT(SchemaProblems(body, "ConversationMetrics"), IsEmpty());
  json const sample = LoadTestData("sample-sta-conversation.json")["D_constructed_full_shape_ILLUSTRATIVE"];
  EXPECT_THAT(SampleProblems(body, sample, {}), IsEmpty());
  EXPECT_EQ(body["conversation"]["id"], FakeConversationId(kTenDays));
  EXPECT_DOUBLE_EQ(body["sentimentScore"].get<double>(), 0.4);
  EXPECT_EQ(body["participantMetrics"]["overtalkCount"], 3);
}

TEST_F(StaTest, UnknownOrUnanalysedConversationIsNotFound) {
  for (std::string const& path :
       {std::string("/api/v2/speechandtextanalytics/conversations/nope"), ConversationPath(kTwoDays)}) {
    Reply const reply = Get(path, token_);
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.Json()["code"], "not.found");
    EXPECT_THAT(SchemaProblems(reply.Json(), "ErrorBody"), IsEmpty());
  }
}

TEST_F(StaTest, TranscriptUrlServesTheTranscriptWithoutBearer) {
  Reply const url_reply = Get(UrlPath(kTenDays), token_);
  EXPECT_THAT(SchemaProblems(url_reply.Json(), "TranscriptUrl"), IsEmpty());
  std::string const url = url_reply.Json()["url"];
  EXPECT_THAT(url, HasSubstr("/s3/transcripts/"));
  EXPECT_THAT(url, HasSubstr("X-Amz-Expires=600"));
  EXPECT_THAT(url, HasSubstr("X-Amz-Signature="));
  Reply const document = GetUrl(url);
  ASSERT_EQ(document.status, 200) << document.body;
  json const body = document.Json();
  EXPECT_EQ(body["conversationId"], FakeConversationId(kTenDays));
  EXPECT_EQ(body["communicationId"], org_->CommunicationId(kTenDays));
  EXPECT_EQ(body["mediaType"], "call");
  EXPECT_TRUE(body["conversationStartTime"].is_number_integer());
  EXPECT_TRUE(body["duration"]["milliseconds"].is_number_integer());
  json const& phrase = body["transcripts"][0]["phrases"][1];
  EXPECT_EQ(phrase["participantPurpose"], "external");
  EXPECT_EQ(phrase["text"], "my card is [card number]");
  EXPECT_TRUE(phrase["words"][0]["duration"]["milliseconds"].is_number_integer());
  EXPECT_EQ(body["transcripts"][0]["analytics"]["sentiment"][0]["sentiment"], 1);
  EXPECT_EQ(body["transcripts"][0]["analytics"]["topics"][0]["topicName"], "Payment");
  EXPECT_EQ(body["participants"][1]["participantPurpose"], "agent");
  // Keys the 2021 sample lacks but the reference (section 4) documents for newer transcripts.
  std::vector<std::string> const newer = {".transcripts[].engineId",
                                          ".transcripts[].phrases[].phraseIndex",
                                          ".transcripts[].phrases[].decoratedText",
                                          ".transcripts[].phrases[].confidence",
                                          ".transcripts[].phrases[].offset",
                                          ".transcripts[].phrases[].offset.milliseconds",
                                          ".transcripts[].phrases[].words[].offset",
                                          ".transcripts[].phrases[].words[].offset.milliseconds"};
  std::vector<std::string> analytics;
  for (std::string const key : {"participant", "phrase", "phraseIndex", "sentiment", "offset", "startTimeMs",
                                "duration", "offset.milliseconds", "duration.milliseconds"})
    analytics.push_back(".transcripts[].analytics.sentiment[]." + key);
  for (std::string const key :
       {"participant", "topicId", "topicName", "topicPhrase", "transcriptPhrase", "confidence", "offset",
        "startTimeMs", "duration", "offset.milliseconds", "duration.milliseconds"})
    analytics.push_back(".transcripts[].analytics.topics[]." + key);
  analytics.push_back(".transcripts[].analytics.topics");
  analytics.push_back(".transcripts[].analytics.acoustic");
  std::vector<std::string> allowed = newer;
  allowed.insert(allowed.end(), analytics.begin(), analytics.end());
  EXPECT_THAT(SampleProblems(body, LoadTestData("sample-transcript.json")["document"], allowed), IsEmpty());
}

TEST_F(StaTest, TranscriptUrlsListsOneUrlPerRecording) {
  Reply const reply = Get(UrlPath(kThreeDays, "transcripturls"), token_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(SchemaProblems(reply.Json(), "TranscriptUrls"), IsEmpty());
  EXPECT_EQ(reply.Json()["communicationId"], org_->CommunicationId(kThreeDays));
  EXPECT_EQ(GetUrl(reply.Json()["urls"][0]["url"]).status, 200);
}

TEST_F(StaTest, NoTranscriptOrWrongCommunicationIsNotFound) {
  EXPECT_EQ(Get(UrlPath(kTwoDays), token_).status, 404);     // Not transcribed.
  EXPECT_EQ(Get(UrlPath(kInProgress), token_).status, 404);  // Still going on.
  std::string const wrong = ConversationPath(kTenDays) + "/communications/" + org_->CommunicationId(kOneDay);
  Reply const reply = Get(wrong + "/transcripturl", token_);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.Json()["code"], "not.found");
  EXPECT_EQ(Get(wrong + "/transcripturls", token_).status, 404);
}

TEST_F(StaTest, ExpiredUrlIsAccessDenied) {
  std::string const url = PresignedUrl(kOneDay);
  AdvanceClock(599'000);
  EXPECT_EQ(GetUrl(url).status, 200);
  AdvanceClock(1000);
  Reply const reply = GetUrl(url);
  EXPECT_EQ(reply.status, 403);
  EXPECT_THAT(reply.body, HasSubstr("<Code>AccessDenied</Code><Message>Request has expired</Message>"));
  EXPECT_THAT(reply.Header("Content-Type"), HasSubstr("xml"));
}

TEST_F(StaTest, TamperedUrlIsRefused) {
  std::string const url = PresignedUrl(kOneDay);
  std::string other = url;
  other.replace(other.find(FakeConversationId(kOneDay)), FakeConversationId(kOneDay).size(),
                FakeConversationId(kThreeDays));
  std::string bad_signature = url;
  bad_signature.back() = bad_signature.back() == '0' ? '1' : '0';
  std::string longer = url;
  longer.replace(longer.find("X-Amz-Expires=600"), 17, "X-Amz-Expires=900");
  for (std::string const& tampered : {other, bad_signature, longer}) {
    Reply const reply = GetUrl(tampered);
    EXPECT_EQ(reply.status, 403) << tampered;
    EXPECT_THAT(reply.body, HasSubstr("<Error><Code>"));
  }
  std::string const unsigned_url = url.substr(0, url.find('?'));
  EXPECT_EQ(GetUrl(unsigned_url).status, 403);
}

TEST_F(StaTest, ShorterUrlLifetimeIsASetting) {
  emulator_->Stop();
  StartServer([](EmulatorOptions& options) { options.transcript_url_ttl_s = 60; });
  token_ = Token();
  std::string const url = PresignedUrl(kOneDay);
  EXPECT_THAT(url, HasSubstr("X-Amz-Expires=60&"));
  AdvanceClock(60'000);
  EXPECT_EQ(GetUrl(url).status, 403);
}

}  // namespace
}  // namespace gctq_emulator::testing
