#include "gctq/auth/auth_transport.h"

#include <gtest/gtest.h>

#include <thread>

#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::auth {
namespace {

using http::EndpointClass;
using http::HttpRequest;
using testing::FakeClock;
using testing::FakeTransport;
using testing::Response;

constexpr char kApi[] = "https://api.mypurecloud.ie";

class CountingSource : public TokenSource {
 public:
  Result<AccessToken> Fetch() override {
    return AccessToken{"tok-" + std::to_string(++issued), "bearer", std::chrono::seconds(3600)};
  }
  std::atomic<int> issued{0};
};

HttpRequest Request(std::string url, EndpointClass endpoint_class = EndpointClass::kDetailsPage) {
  HttpRequest request;
  request.url = std::move(url);
  request.endpoint_class = endpoint_class;
  return request;
}

TEST(NeedsBearerTest, OnlyApiRequestsOfApiClasses) {
  EXPECT_TRUE(NeedsBearer(Request(std::string(kApi) + "/api/v2/x"), kApi));
  EXPECT_TRUE(NeedsBearer(Request(std::string(kApi) + "/api/v2/x", EndpointClass::kTranscriptUrl), kApi));
  EXPECT_FALSE(
      NeedsBearer(Request("https://bucket.s3.amazonaws.com/t?sig=1", EndpointClass::kTranscriptUrl), kApi));
  EXPECT_FALSE(NeedsBearer(Request(std::string(kApi) + "/t", EndpointClass::kTranscriptDownload), kApi));
  EXPECT_FALSE(NeedsBearer(Request(std::string(kApi) + "/hook", EndpointClass::kWebhook), kApi));
  EXPECT_FALSE(NeedsBearer(Request(std::string(kApi) + "/oauth/token", EndpointClass::kToken), kApi));
  EXPECT_FALSE(NeedsBearer(Request("https://api.mypurecloud.ie.evil.com/api/v2/x"), kApi));
  EXPECT_FALSE(NeedsBearer(Request("http://api.mypurecloud.ie/api/v2/x"), kApi));
}

class AuthTransportTest : public ::testing::Test {
 protected:
  std::shared_ptr<http::Transport> Make() {
    cache_ = std::make_shared<TokenCache>(source_, clock_);
    return MakeAuthTransport(fake_, cache_, kApi);
  }
  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<CountingSource> source_ = std::make_shared<CountingSource>();
  std::shared_ptr<FakeTransport> fake_ = std::make_shared<FakeTransport>();
  std::shared_ptr<TokenCache> cache_;
};

TEST_F(AuthTransportTest, ReplacesAnyCallerAuthorizationHeader) {
  fake_->Push(Response(200));
  HttpRequest request = Request(std::string(kApi) + "/api/v2/x");
  request.headers = {{"authorization", "Bearer forged"}};
  ASSERT_TRUE(Make()->Send(request).ok());
  auto const sent = fake_->requests().at(0).headers;
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].second, "Bearer tok-1");
}

TEST_F(AuthTransportTest, BearerNeverReachesAPresignedUrl) {
  fake_->Push(Response(200));
  ASSERT_TRUE(Make()
                  ->Send(Request("https://bucket.s3.amazonaws.com/t.json?X-Amz-Signature=x",
                                 EndpointClass::kTranscriptDownload))
                  .ok());
  EXPECT_EQ(http::FindHeader(fake_->requests().at(0).headers, "Authorization"), "");
  EXPECT_EQ(source_->issued.load(), 0);
}

TEST_F(AuthTransportTest, On401RefreshesOnceAndResendsOnce) {
  fake_->Push(Response(401));
  fake_->Push(Response(401));
  fake_->Push(Response(200));
  auto result = Make()->Send(Request(std::string(kApi) + "/api/v2/x"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 401);  // the second 401 is passed up, not retried again
  EXPECT_EQ(fake_->requests().size(), 2u);
  EXPECT_EQ(source_->issued.load(), 2);
}

TEST_F(AuthTransportTest, ConcurrentUnauthorizedRepliesRefreshOnce) {
  constexpr int kThreads = 8;
  std::atomic<int> first_round{0};
  fake_->SetFallback([&](HttpRequest const& r) {
    // Every request with the first token is refused; the refreshed token works.
    if (http::FindHeader(r.headers, "Authorization") == "Bearer tok-1") {
      ++first_round;
      return Response(401);
    }
    return Response(200);
  });
  auto transport = Make();
  ASSERT_EQ(*cache_->Get(), "tok-1");  // everyone starts with the same token
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back(
        [&] { EXPECT_EQ(transport->Send(Request(std::string(kApi) + "/api/v2/x"))->status, 200); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(source_->issued.load(), 2);
}

}  // namespace
}  // namespace gctq::auth
