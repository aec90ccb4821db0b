#pragma once

// A fixed-window rate limiter that behaves like Genesys Cloud's: `allowed` requests per window
// (the window starts with the first request), `inin-ratelimit-*` headers on every response,
// 429 with Retry-After once the window is used up. Driven by a FakeClock.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::testing {

class RateLimitedServer {
 public:
  RateLimitedServer(std::shared_ptr<FakeClock> clock, int allowed, std::chrono::seconds window)
      : clock_(std::move(clock)), allowed_(allowed), window_(window) {}

  Result<http::HttpResponse> Handle(http::HttpRequest const&) {
    std::lock_guard lock(mu_);
    auto const now = clock_->now();
    if (!started_ || now >= window_start_ + window_) {
      if (started_)
        window_start_ += (now - window_start_) / window_ * window_;
      else
        window_start_ = now;
      started_ = true;
      count_ = 0;
    }
    auto const reset = std::chrono::ceil<std::chrono::seconds>(window_start_ + window_ - now);
    ++count_;
    http::HeaderList headers = {{"inin-ratelimit-count", std::to_string(count_)},
                                {"inin-ratelimit-allowed", std::to_string(allowed_)},
                                {"inin-ratelimit-reset", std::to_string(reset.count())}};
    if (count_ > allowed_) {
      ++rejected_;
      headers.emplace_back("Retry-After", std::to_string(reset.count()));
      return Response(429, R"({"code":"too.many.requests"})", headers);
    }
    ++accepted_;
    return Response(200, "{}", headers);
  }

  void SetAllowed(int allowed) {
    std::lock_guard lock(mu_);
    allowed_ = allowed;
  }
  /// Simulates another client of the same token using up `n` requests of the current window.
  void ConsumeElsewhere(int n) {
    std::lock_guard lock(mu_);
    count_ += n;
  }
  int accepted() const {
    std::lock_guard lock(mu_);
    return accepted_;
  }
  int rejected() const {
    std::lock_guard lock(mu_);
    return rejected_;
  }

 private:
  std::shared_ptr<FakeClock> const clock_;
  mutable std::mutex mu_;
  int allowed_;
  std::chrono::seconds const window_;
  bool started_ = false;
  std::chrono::steady_clock::time_point window_start_{};
  int count_ = 0;
  int accepted_ = 0;
  int rejected_ = 0;
};

}  // namespace gctq::testing
