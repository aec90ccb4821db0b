// The whole stack (retry → pacing → auth → observer → CurlTransport) against a loopback
// httplib server that plays both the login and the API host. Time is faked, so the Retry-After
// below is not really slept.
#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <thread>

#include "gctq/http/api_client.h"
#include "http/fake_clock.h"

namespace gctq::http {
namespace {

class LoopbackGenesys {
 public:
  LoopbackGenesys() {
    server_.Post("/oauth/token", [this](httplib::Request const& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      ++token_requests_;
      basic_ = req.get_header_value("Authorization");
      res.set_content(R"({"access_token":"tok","token_type":"bearer","expires_in":86399})",
                      "application/json");
    });
    server_.Get("/api/v2/thing", [this](httplib::Request const& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      bearers_.push_back(req.get_header_value("Authorization"));
      res.set_header("inin-ratelimit-count", std::to_string(bearers_.size()));
      res.set_header("inin-ratelimit-allowed", "300");
      res.set_header("inin-ratelimit-reset", "60");
      if (bearers_.size() == 1) {
        res.status = 429;
        res.set_header("Retry-After", "5");
        res.set_content(R"({"code":"too.many.requests","message":"Rate limit exceeded"})",
                        "application/json");
        return;
      }
      res.set_content(R"({"ok":true})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 1000 && !server_.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~LoopbackGenesys() {
    server_.stop();
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::mutex mu_;
  int token_requests_ = 0;
  std::string basic_;
  std::vector<std::string> bearers_;

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(ApiStackOverCurlTest, TokenBearerAndRetryAfterEndToEnd) {
  LoopbackGenesys genesys;
  auto clock = std::make_shared<testing::FakeClock>();
  ClientConfig config;
  config.api_base = genesys.base();
  config.login_base = genesys.base();
  config.client_id = "id";
  config.client_secret = "secret";
  config.clock = clock;
  config.sleeper = clock->MakeSleeper();
  auto stack = MakeApiTransport(config);
  ASSERT_TRUE(stack.ok()) << stack.error().Describe();

  HttpRequest request;
  request.url = genesys.base() + "/api/v2/thing?pageSize=1";
  request.endpoint_class = EndpointClass::kStaConversation;
  auto result = (*stack)->Send(request);
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ(result->body, R"({"ok":true})");

  std::lock_guard lock(genesys.mu_);
  EXPECT_EQ(genesys.token_requests_, 1);
  EXPECT_EQ(genesys.basic_, "Basic aWQ6c2VjcmV0");
  EXPECT_EQ(genesys.bearers_, (std::vector<std::string>{"Bearer tok", "Bearer tok"}));
  std::chrono::milliseconds slept{0};
  for (auto s : clock->sleeps()) slept += s;
  EXPECT_GE(slept, std::chrono::seconds(5));
}

}  // namespace
}  // namespace gctq::http
