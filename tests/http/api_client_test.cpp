#include "gctq/http/api_client.h"

#include <gtest/gtest.h>

#include <mutex>

#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::http {
namespace {

using testing::FakeClock;
using testing::FakeTransport;
using testing::Response;

constexpr char kApi[] = "https://api.example.com";
constexpr char kLogin[] = "https://login.example.com";

class CountingObserver : public CallObserver {
 public:
  void OnCall(CallRecord const& record) override {
    std::lock_guard lock(mu_);
    classes_.push_back(record.endpoint_class);
  }
  std::vector<EndpointClass> classes() const {
    std::lock_guard lock(mu_);
    return classes_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<EndpointClass> classes_;
};

class ApiClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_->OnUrl("/oauth/token", [this](HttpRequest const&) {
      int const n = ++tokens_issued_;
      return Response(200, R"({"access_token":"tok-)" + std::to_string(n) +
                               R"(","token_type":"bearer","expires_in":86399})");
    });
  }
  ClientConfig Config() {
    ClientConfig config;
    config.api_base = kApi;
    config.login_base = kLogin;
    config.client_id = "id";
    config.client_secret = "secret";
    config.clock = clock_;
    config.sleeper = clock_->MakeSleeper();
    config.jitter = [] { return 0.0; };
    config.transport = fake_;
    config.observers = {observer_};
    return config;
  }
  std::shared_ptr<Transport> Stack() {
    auto stack = MakeApiTransport(Config());
    EXPECT_TRUE(stack.ok());
    return stack.ok() ? *stack : nullptr;
  }
  static HttpRequest ApiGet(std::string path,
                            EndpointClass endpoint_class = EndpointClass::kStaConversation) {
    HttpRequest request;
    request.url = std::string(kApi) + path;
    request.endpoint_class = endpoint_class;
    return request;
  }
  std::vector<std::string> AuthorizationHeaders(std::string const& url_part) const {
    std::vector<std::string> out;
    for (auto const& r : fake_->requests()) {
      if (r.url.find(url_part) != std::string::npos) out.emplace_back(FindHeader(r.headers, "authorization"));
    }
    return out;
  }

  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<FakeTransport> fake_ = std::make_shared<FakeTransport>();
  std::shared_ptr<CountingObserver> observer_ = std::make_shared<CountingObserver>();
  int tokens_issued_ = 0;
};

TEST_F(ApiClientTest, AddsBearerAndReusesTheToken) {
  fake_->OnUrl("/api/v2/", [](HttpRequest const&) { return Response(200, "{}"); });
  auto stack = Stack();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(stack->Send(ApiGet("/api/v2/x")).ok());
  EXPECT_EQ(tokens_issued_, 1);
  EXPECT_EQ(AuthorizationHeaders("/api/v2/"), std::vector<std::string>(3, "Bearer tok-1"));
  EXPECT_EQ(observer_->classes(),
            (std::vector{EndpointClass::kToken, EndpointClass::kStaConversation,
                         EndpointClass::kStaConversation, EndpointClass::kStaConversation}));
}

TEST_F(ApiClientTest, NoBearerForPresignedDownloadsOrWebhooks) {
  fake_->SetFallback([](HttpRequest const&) { return Response(200); });
  auto stack = Stack();
  HttpRequest download;
  download.url = "https://bucket.s3.amazonaws.com/t.json?X-Amz-Signature=x";
  download.endpoint_class = EndpointClass::kTranscriptDownload;
  ASSERT_TRUE(stack->Send(download).ok());
  // Even a download or webhook whose URL happens to lie under the API base gets no token.
  ASSERT_TRUE(stack->Send(ApiGet("/download/t.json", EndpointClass::kTranscriptDownload)).ok());
  ASSERT_TRUE(stack->Send(ApiGet("/hook", EndpointClass::kWebhook)).ok());
  for (auto const& r : fake_->requests()) EXPECT_EQ(FindHeader(r.headers, "Authorization"), "") << r.url;
  EXPECT_EQ(tokens_issued_, 0);
}

TEST_F(ApiClientTest, Refreshes401OnceThenRetriesOnce) {
  fake_->Push(Response(401, R"({"code":"bad.credentials"})"));
  fake_->Push(Response(200, "{}"));
  auto stack = Stack();
  ASSERT_TRUE(stack->Send(ApiGet("/api/v2/x")).ok());
  EXPECT_EQ(tokens_issued_, 2);
  EXPECT_EQ(AuthorizationHeaders("/api/v2/"), (std::vector<std::string>{"Bearer tok-1", "Bearer tok-2"}));
}

TEST_F(ApiClientTest, PersistentUnauthorizedFailsAfterOneRefresh) {
  fake_->SetFallback([](HttpRequest const&) { return Response(401, R"({"code":"bad.credentials"})"); });
  auto result = Stack()->Send(ApiGet("/api/v2/x"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(tokens_issued_, 2);
  EXPECT_EQ(fake_->CountUrl("/api/v2/"), 2);
}

TEST_F(ApiClientTest, ForbiddenNamesTheMissingPermission) {
  fake_->SetFallback([](HttpRequest const&) {
    return Response(403,
                    R"({"message":"You are missing the following permission(s): )"
                    R"(speechAndTextAnalytics:data:view","code":"missing.permissions","contextId":"c1"})");
  });
  auto result = Stack()->Send(ApiGet("/api/v2/speechandtextanalytics/conversations/c"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(result.error().message.find("speechAndTextAnalytics:data:view"), std::string::npos);
  EXPECT_EQ(result.error().service_code, "missing.permissions");
  EXPECT_EQ(fake_->CountUrl("/api/v2/"), 1);
}

TEST_F(ApiClientTest, TransientTokenFailureIsRetriedByTheRetryLayer) {
  auto failures = std::make_shared<int>(1);
  fake_ = std::make_shared<FakeTransport>();
  fake_->OnUrl("/oauth/token", [failures](HttpRequest const&) {
    if ((*failures)-- > 0) return Response(503);
    return Response(200, R"({"access_token":"t","expires_in":60})");
  });
  fake_->SetFallback([](HttpRequest const&) { return Response(200); });
  ASSERT_TRUE(Stack()->Send(ApiGet("/api/v2/x")).ok());
  EXPECT_EQ(fake_->CountUrl("/oauth/token"), 2);
}

TEST_F(ApiClientTest, RejectsInsecureOrIncompleteConfig) {
  ClientConfig insecure = Config();
  insecure.api_base = "http://api.example.com";
  EXPECT_EQ(MakeApiTransport(insecure).error().code, ErrorCode::kInvalidArgument);
  ClientConfig no_secret = Config();
  no_secret.client_secret.clear();
  EXPECT_EQ(MakeApiTransport(no_secret).error().code, ErrorCode::kInvalidArgument);
  ClientConfig loopback = Config();
  loopback.api_base = loopback.login_base = "http://127.0.0.1:9999/";
  EXPECT_TRUE(MakeApiTransport(loopback).ok());
}

TEST_F(ApiClientTest, DescribeRedactsTheSecret) {
  ClientConfig config = Config();
  config.client_secret = "CANARY-d41d8";
  std::string const text = Describe(config);
  EXPECT_EQ(text.find("CANARY-d41d8"), std::string::npos);
  EXPECT_NE(text.find("[redacted]"), std::string::npos);
  EXPECT_NE(text.find("client id id"), std::string::npos);
}

}  // namespace
}  // namespace gctq::http
