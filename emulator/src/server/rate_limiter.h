#pragma once

// The per-token request budget: N requests per fixed window that starts at the first request.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace gctq_emulator::server {

struct RateDecision {
  bool allowed = true;
  int count = 0;    ///< inin-ratelimit-count: requests in the current window, this one included.
  int limit = 0;    ///< inin-ratelimit-allowed
  int reset_s = 0;  ///< inin-ratelimit-reset: seconds until the window resets (>= 1).
};

class RateLimiter {
 public:
  RateLimiter(int requests, int window_s) : requests_(requests), window_ms_(std::int64_t(window_s) * 1000) {}

  /// Counts one request by `token` at `now_ms`.
  RateDecision Admit(std::string const& token, std::int64_t now_ms);
  [[nodiscard]] int requests() const { return requests_; }
  [[nodiscard]] int window_s() const { return int(window_ms_ / 1000); }

 private:
  struct Window {
    std::int64_t start_ms = 0;
    int count = 0;
  };
  int requests_;
  std::int64_t window_ms_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace gctq_emulator::server
