#include "gctq/http/curl_transport.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "http/raw_socket_server.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;

/// An httplib server on 127.0.0.1 and an ephemeral port, serving on its own thread.
class LoopbackServer {
 public:
  LoopbackServer() {
    server_.Get("/hello", [this](httplib::Request const& req, httplib::Response& res) {
      RecordPort(req.remote_port);
      res.set_header("inin-ratelimit-allowed", "300");
      res.set_content("hello", "text/plain");
    });
    server_.Post("/echo", [](httplib::Request const& req, httplib::Response& res) {
      res.set_content(req.body + "|" + req.get_header_value("Content-Type"), "text/plain");
    });
    server_.Get("/missing", [](httplib::Request const&, httplib::Response& res) {
      res.status = 404;
      res.set_content(R"({"code":"not.found"})", "application/json");
    });
    server_.Get("/stall", [this](httplib::Request const&, httplib::Response& res) {
      std::unique_lock lock(mu_);
      released_cv_.wait_for(lock, std::chrono::seconds(10), [this] { return released_; });
      res.set_content("late", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 1000 && !server_.is_running(); ++i) std::this_thread::sleep_for(milliseconds(5));
  }
  ~LoopbackServer() {
    Release();
    server_.stop();
    thread_.join();
  }

  std::string url(std::string const& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  void Release() {
    std::lock_guard lock(mu_);
    released_ = true;
    released_cv_.notify_all();
  }
  std::set<int> ports() const {
    std::lock_guard lock(mu_);
    return ports_;
  }

 private:
  void RecordPort(int port) {
    std::lock_guard lock(mu_);
    ports_.insert(port);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable released_cv_;
  bool released_ = false;
  std::set<int> ports_;
};

HttpRequest Get(std::string url) {
  HttpRequest request;
  request.url = std::move(url);
  request.total_timeout = milliseconds(10'000);
  return request;
}

TEST(CurlTransportTest, GetsBodyStatusAndHeaders) {
  LoopbackServer server;
  auto transport = MakeCurlTransport();
  auto result = transport->Send(Get(server.url("/hello")));
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "hello");
  EXPECT_EQ(result->Header("ININ-RateLimit-Allowed"), "300");
}

TEST(CurlTransportTest, HttpErrorStatusIsASuccessfulSend) {
  LoopbackServer server;
  auto result = MakeCurlTransport()->Send(Get(server.url("/missing")));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 404);
}

TEST(CurlTransportTest, PostsBodyAndHeaders) {
  LoopbackServer server;
  HttpRequest request = Get(server.url("/echo"));
  request.method = "POST";
  request.body = R"({"a":1})";
  request.headers = {{"Content-Type", "application/json"}};
  auto result = MakeCurlTransport()->Send(request);
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ(result->body, R"({"a":1}|application/json)");
}

TEST(CurlTransportTest, ReusesTheConnection) {
  LoopbackServer server;
  auto transport = MakeCurlTransport();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(transport->Send(Get(server.url("/hello"))).ok());
  EXPECT_EQ(server.ports().size(), 1u) << "each request opened a new connection";
}

TEST(CurlTransportTest, ThreadsShareThePoolSafely) {
  LoopbackServer server;
  CurlOptions options;
  options.max_idle_handles = 4;
  auto transport = MakeCurlTransport(options);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto result = transport->Send(Get(server.url("/hello")));
        EXPECT_TRUE(result.ok() && result->body == "hello");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(server.ports().size(), 8u);
}

TEST(CurlTransportTest, TotalTimeoutIsDeadlineExceeded) {
  LoopbackServer server;
  HttpRequest request = Get(server.url("/stall"));
  request.total_timeout = milliseconds(200);
  auto result = MakeCurlTransport()->Send(request);
  server.Release();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kDeadlineExceeded);
}

TEST(CurlTransportTest, TruncatedBodyIsUnavailableAndTheTransportRecovers) {
  testing::RawSocketServer truncating("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-part",
                                      /*reset=*/false);
  LoopbackServer healthy;
  auto transport = MakeCurlTransport();
  auto result = transport->Send(Get(truncating.url("/t?sig=SECRET")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(result.error().message.find("SECRET"), std::string::npos) << result.error().message;
  EXPECT_TRUE(transport->Send(Get(healthy.url("/hello"))).ok());
}

TEST(CurlTransportTest, ConnectionResetIsUnavailable) {
  testing::RawSocketServer resetting("", /*reset=*/true);
  auto result = MakeCurlTransport()->Send(Get(resetting.url("/r")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
}

TEST(CurlTransportTest, ConnectionRefusedIsUnavailable) {
  int port = 0;
  {
    // Bind an ephemeral port without listening, then close it: nothing accepts there now.
    int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    socklen_t len = sizeof(addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    ::close(fd);
  }
  auto result = MakeCurlTransport()->Send(Get("http://127.0.0.1:" + std::to_string(port) + "/"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
}

TEST(CurlTransportTest, RefusesPlainHttpToNonLoopbackHosts) {
  auto transport = MakeCurlTransport();
  for (auto url : {"http://api.mypurecloud.com/api/v2/x", "http://10.0.0.1/x", "http://127.0.0.1.nip.io/x",
                   "ftp://127.0.0.1/x", "not a url"}) {
    auto result = transport->Send(Get(url));
    ASSERT_FALSE(result.ok()) << url;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << url;
  }
}

}  // namespace
}  // namespace gctq::http
