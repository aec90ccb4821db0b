#include "gctq/qa/webhook_signature.h"

#include <gtest/gtest.h>

#include "qa/fake_qa_receiver.h"

namespace gctq::qa {
namespace {

using testing::SpecDecodeSecret;
using testing::SpecSignatureValid;

constexpr std::int64_t kNow = 1'700'000'000;

TEST(WebhookSignature, MatchesTheStandardWebhooksExample) {
  // The example from the Standard Webhooks reference libraries.
  auto key = DecodeWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key);
  EXPECT_EQ(SignWebhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(WebhookSignature, IndependentCheckAcceptsOurSignature) {
  auto secret = GenerateWebhookSecret();
  auto key = DecodeWebhookSecret(secret);
  ASSERT_TRUE(key);
  EXPECT_EQ(*key, SpecDecodeSecret(secret));
  std::string body = R"({"type":"qa.conversation","data":{}})";
  auto signature = SignWebhook(*key, "msg_1", kNow, body);
  EXPECT_TRUE(SpecSignatureValid(*key, "msg_1", std::to_string(kNow), body, signature, kNow));
  EXPECT_TRUE(SpecSignatureValid(*key, "msg_1", std::to_string(kNow), body, "v1,bogus " + signature, kNow));
}

TEST(WebhookSignature, IndependentCheckRejectsTamperingWrongSecretAndStaleTimestamps) {
  auto key = *DecodeWebhookSecret(GenerateWebhookSecret());
  auto other_key = *DecodeWebhookSecret(GenerateWebhookSecret());
  std::string body = R"({"type":"qa.page","data":{"matches":3}})";
  auto ts = std::to_string(kNow);
  auto signature = SignWebhook(key, "msg_2", kNow, body);
  EXPECT_FALSE(
      SpecSignatureValid(key, "msg_2", ts, R"({"type":"qa.page","data":{"matches":4}})", signature, kNow));
  EXPECT_FALSE(SpecSignatureValid(other_key, "msg_2", ts, body, signature, kNow));
  EXPECT_FALSE(SpecSignatureValid(key, "msg_3", ts, body, signature, kNow));
  auto stale = SignWebhook(key, "msg_2", kNow - 301, body);
  EXPECT_FALSE(SpecSignatureValid(key, "msg_2", std::to_string(kNow - 301), body, stale, kNow));
  auto future = SignWebhook(key, "msg_2", kNow + 301, body);
  EXPECT_FALSE(SpecSignatureValid(key, "msg_2", std::to_string(kNow + 301), body, future, kNow));
}

TEST(WebhookSignature, SecretsMustBeValidAndLongEnough) {
  EXPECT_FALSE(DecodeWebhookSecret("whsec_not base64!"));
  EXPECT_FALSE(DecodeWebhookSecret("whsec_c2hvcnQ="));  // "short"
  EXPECT_EQ(GenerateWebhookSecret().rfind("whsec_", 0), 0U);
  EXPECT_NE(GenerateWebhookId(), GenerateWebhookId());
}

}  // namespace
}  // namespace gctq::qa
