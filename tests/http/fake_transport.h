#pragma once

// FakeTransport: a scripted, recording http::Transport for unit tests (header-only, thread-safe).
//
//   auto fake = std::make_shared<gctq::testing::FakeTransport>();
//   fake->Push(gctq::testing::Response(503));               // FIFO: the next unrouted Send
//   fake->Push(gctq::testing::Response(200, R"({"a":1})"));
//   fake->Push(gctq::MakeError(gctq::ErrorCode::kUnavailable, "reset"));  // a transport error
//   fake->OnUrl("/oauth/token", [](auto const&) { return gctq::testing::Response(200, "..."); });
//   ... code under test calls fake->Send(...) ...
//   EXPECT_EQ(fake->requests().size(), 2);                  // every request, in arrival order
//
// Each Send is answered by the first OnUrl route whose substring occurs in the URL, else by the
// FIFO queue, else by the fallback (SetFallback), else with a kInternal error naming the URL.
// Handlers run outside the lock, so they may block (e.g. to make threads pile up); they are
// copied per call, so keep any state they mutate outside them (members, shared_ptr).

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "gctq/http/transport.h"

namespace gctq::testing {

/// A response with the given status, body and headers.
inline http::HttpResponse Response(int status, std::string body = "", http::HeaderList headers = {}) {
  http::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

class FakeTransport : public http::Transport {
 public:
  using Handler = std::function<Result<http::HttpResponse>(http::HttpRequest const&)>;

  /// Queues the answer to the next Send that no route matches.
  void Push(Result<http::HttpResponse> answer) {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(answer));
  }

  /// Answers every request whose URL contains `url_part` (checked in registration order).
  void OnUrl(std::string url_part, Handler handler) {
    std::lock_guard lock(mu_);
    routes_.emplace_back(std::move(url_part), std::move(handler));
  }

  /// Answers requests that match no route once the queue is empty.
  void SetFallback(Handler handler) {
    std::lock_guard lock(mu_);
    fallback_ = std::move(handler);
  }

  Result<http::HttpResponse> Send(http::HttpRequest const& request) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      for (auto const& [part, route] : routes_) {
        if (request.url.find(part) != std::string::npos) {
          handler = route;
          break;
        }
      }
      if (!handler && !queue_.empty()) {
        auto answer = std::move(queue_.front());
        queue_.pop_front();
        return answer;
      }
      if (!handler) handler = fallback_;
    }
    if (handler) return handler(request);
    return MakeError(ErrorCode::kInternal, "FakeTransport: nothing scripted for " + request.url);
  }

  /// Copies of all requests received so far, in arrival order.
  std::vector<http::HttpRequest> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }

  /// Number of received requests whose URL contains `url_part`.
  int CountUrl(std::string const& url_part) const {
    std::lock_guard lock(mu_);
    int n = 0;
    for (auto const& r : requests_) n += r.url.find(url_part) != std::string::npos ? 1 : 0;
    return n;
  }

 private:
  mutable std::mutex mu_;
  std::deque<Result<http::HttpResponse>> queue_;
  std::vector<std::pair<std::string, Handler>> routes_;
  Handler fallback_;
  std::vector<http::HttpRequest> requests_;
};

}  // namespace gctq::testing
