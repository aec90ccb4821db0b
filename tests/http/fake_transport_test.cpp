#include "http/fake_transport.h"

#include <gtest/gtest.h>

#include <thread>

namespace gctq::testing {
namespace {

http::HttpRequest Get(std::string url) {
  http::HttpRequest request;
  request.url = std::move(url);
  return request;
}

TEST(FakeTransportTest, RoutesThenQueueThenFallbackThenError) {
  FakeTransport fake;
  fake.OnUrl("/oauth/token", [](http::HttpRequest const&) { return Response(200, "token"); });
  fake.Push(Response(503));
  fake.Push(MakeError(ErrorCode::kUnavailable, "reset"));
  EXPECT_EQ(fake.Send(Get("http://127.0.0.1/oauth/token"))->body, "token");
  EXPECT_EQ(fake.Send(Get("http://127.0.0.1/a"))->status, 503);
  EXPECT_EQ(fake.Send(Get("http://127.0.0.1/b")).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(fake.Send(Get("http://127.0.0.1/c")).error().code, ErrorCode::kInternal);
  fake.SetFallback([](http::HttpRequest const&) { return Response(204); });
  EXPECT_EQ(fake.Send(Get("http://127.0.0.1/d"))->status, 204);
  ASSERT_EQ(fake.requests().size(), 5u);
  EXPECT_EQ(fake.requests()[1].url, "http://127.0.0.1/a");
  EXPECT_EQ(fake.CountUrl("/oauth/token"), 1);
}

TEST(FakeTransportTest, RecordsConcurrentRequests) {
  FakeTransport fake;
  fake.SetFallback([](http::HttpRequest const&) { return Response(200); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) EXPECT_TRUE(fake.Send(Get("http://127.0.0.1/x")).ok());
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(fake.requests().size(), 200u);
}

}  // namespace
}  // namespace gctq::testing
