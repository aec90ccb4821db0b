// F1-style canary sweep: a recognisable client secret and access token must never appear in any
// error message, Describe() output or observer record the network stack produces.
#include <gtest/gtest.h>

#include <mutex>

#include "auth/base64.h"
#include "gctq/http/api_client.h"
#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::auth {
namespace {

using http::HttpRequest;
using testing::FakeClock;
using testing::FakeTransport;
using testing::Response;

constexpr char kSecret[] = "CANARY-SECRET-9f86d081";
constexpr char kToken[] = "CANARY-TOKEN-2c26b46b";

class TextObserver : public http::CallObserver {
 public:
  void OnCall(http::CallRecord const& r) override {
    std::lock_guard lock(mu_);
    text_ += r.method + " " + r.sanitized_url + " " + r.error_code + " " + r.correlation_id + "\n";
  }
  std::string text() const {
    std::lock_guard lock(mu_);
    return text_;
  }

 private:
  mutable std::mutex mu_;
  std::string text_;
};

std::vector<std::string> Canaries() {
  return {kSecret, kToken, internal::Base64Encode(std::string("id:") + kSecret),
          internal::Base64Encode(kSecret)};
}

void ExpectNoCanary(std::string const& text) {
  for (auto const& canary : Canaries())
    EXPECT_EQ(text.find(canary), std::string::npos) << canary << " in: " << text;
}

class SecretLeakTest : public ::testing::Test {
 protected:
  Result<http::HttpResponse> SendThroughStack(std::string url) {
    http::ClientConfig config;
    config.api_base = "https://api.example.com";
    config.login_base = "https://login.example.com";
    config.client_id = "id";
    config.client_secret = kSecret;
    config.clock = clock_;
    config.sleeper = clock_->MakeSleeper();
    config.retry.max_attempts = 3;
    config.transport = fake_;
    config.observers = {observer_};
    described_ += http::Describe(config);
    auto stack = http::MakeApiTransport(config);
    EXPECT_TRUE(stack.ok());
    HttpRequest request;
    request.url = std::move(url);
    return (*stack)->Send(request);
  }
  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<FakeTransport> fake_ = std::make_shared<FakeTransport>();
  std::shared_ptr<TextObserver> observer_ = std::make_shared<TextObserver>();
  std::string described_;
};

TEST_F(SecretLeakTest, RejectedCredentials) {
  fake_->OnUrl("/oauth/token", [](HttpRequest const&) {
    return Response(401, R"({"error":"invalid_client","description":"Invalid client credentials"})");
  });
  auto result = SendThroughStack("https://api.example.com/api/v2/x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
  ExpectNoCanary(result.error().Describe());
  ExpectNoCanary(described_);
  ExpectNoCanary(observer_->text());
}

TEST_F(SecretLeakTest, ApiFailuresAfterATokenWasIssued) {
  fake_->OnUrl("/oauth/token", [](HttpRequest const&) {
    return Response(200, std::string(R"({"access_token":")") + kToken + R"(","expires_in":60})");
  });
  for (int status : {400, 401, 403, 404, 500, 503}) {
    fake_->SetFallback([status](HttpRequest const&) { return Response(status, R"({"message":"failed"})"); });
    auto result = SendThroughStack("https://api.example.com/api/v2/x?q=1");
    ASSERT_FALSE(result.ok());
    ExpectNoCanary(result.error().Describe());
  }
  fake_->SetFallback(
      [](HttpRequest const&) { return MakeError(ErrorCode::kUnavailable, "connection reset"); });
  auto result = SendThroughStack("https://api.example.com/api/v2/x");
  ASSERT_FALSE(result.ok());
  ExpectNoCanary(result.error().Describe());
  ExpectNoCanary(described_);
  ExpectNoCanary(observer_->text());
}

TEST_F(SecretLeakTest, MalformedTokenReply) {
  fake_->OnUrl("/oauth/token", [](HttpRequest const&) {
    return Response(200, std::string(R"({"access_token":")") + kToken + R"(","expires_in":"never"})");
  });
  auto result = SendThroughStack("https://api.example.com/api/v2/x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kDataLoss);
  ExpectNoCanary(result.error().Describe());
}

}  // namespace
}  // namespace gctq::auth
