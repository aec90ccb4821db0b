#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "gctq/auth/token.h"
#include "gctq/core/result.h"
#include "gctq/http/clock.h"

namespace gctq::auth {

/// Caches one token: reuses it until `refresh_fraction` of its lifetime has passed, refreshes
/// single-flight (one Fetch however many threads ask), and keeps serving the old token while it
/// is still valid if a refresh fails. Thread-safe.
class TokenCache {
 public:
  TokenCache(std::shared_ptr<TokenSource> source, std::shared_ptr<http::Clock> clock,
             double refresh_fraction = 0.9);

  /// The current token value, refreshing first when due.
  Result<std::string> Get();
  /// Drops the cached token if it is still `rejected` (a 401); later Get() calls refresh once.
  void Invalidate(std::string_view rejected);
  /// Number of Fetch() calls made so far.
  [[nodiscard]] int fetch_count() const;

 private:
  struct Cached {
    std::string value;
    std::chrono::steady_clock::time_point refresh_at;
    std::chrono::steady_clock::time_point expires_at;
  };
  Result<std::string> RefreshLocked(std::unique_lock<std::mutex>& lock);

  std::shared_ptr<TokenSource> const source_;
  std::shared_ptr<http::Clock> const clock_;
  double const refresh_fraction_;
  mutable std::mutex mu_;
  std::condition_variable refreshed_;
  std::optional<Cached> cached_;
  bool refreshing_ = false;
  long generation_ = 0;
  std::optional<Error> last_error_;
  int fetch_count_ = 0;
};

}  // namespace gctq::auth
