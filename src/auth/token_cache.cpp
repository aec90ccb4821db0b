#include "gctq/auth/token_cache.h"

#include <algorithm>

namespace gctq::auth {

TokenCache::TokenCache(std::shared_ptr<TokenSource> source, std::shared_ptr<http::Clock> clock,
                       double refresh_fraction)
    : source_(std::move(source)),
      clock_(clock ? std::move(clock) : http::SystemClock()),
      refresh_fraction_(std::clamp(refresh_fraction, 0.0, 1.0)) {}

Result<std::string> TokenCache::Get() {
  std::unique_lock lock(mu_);
  while (true) {
    auto const now = clock_->now();
    if (cached_ && now < cached_->refresh_at) return cached_->value;
    if (!refreshing_) return RefreshLocked(lock);
    // Another thread is refreshing: a still-valid token serves meanwhile, else wait for it.
    if (cached_ && now < cached_->expires_at) return cached_->value;
    long const seen = generation_;
    refreshed_.wait(lock, [&] { return !refreshing_; });
    if (generation_ != seen && !cached_ && last_error_) return *last_error_;
  }
}

Result<std::string> TokenCache::RefreshLocked(std::unique_lock<std::mutex>& lock) {
  refreshing_ = true;
  ++fetch_count_;
  lock.unlock();
  auto fetched = source_->Fetch();
  lock.lock();
  refreshing_ = false;
  ++generation_;
  refreshed_.notify_all();
  auto const now = clock_->now();
  if (fetched) {
    auto const lifetime =
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(fetched->expires_in);
    auto const refresh_after =
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(lifetime * refresh_fraction_);
    cached_ = Cached{fetched->value, now + refresh_after, now + lifetime};
    last_error_.reset();
    return cached_->value;
  }
  last_error_ = fetched.error();
  if (cached_ && now < cached_->expires_at) {
    // Keep serving the old token; try again after half its remaining life (at most 10 s).
    cached_->refresh_at = now + std::min<std::chrono::steady_clock::duration>((cached_->expires_at - now) / 2,
                                                                              std::chrono::seconds(10));
    return cached_->value;
  }
  cached_.reset();
  return fetched.error();
}

void TokenCache::Invalidate(std::string_view rejected) {
  std::lock_guard lock(mu_);
  if (cached_ && cached_->value == rejected) cached_.reset();
}

int TokenCache::fetch_count() const {
  std::lock_guard lock(mu_);
  return fetch_count_;
}

}  // namespace gctq::auth
