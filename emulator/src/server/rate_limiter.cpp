#include "server/rate_limiter.h"

namespace gctq_emulator::server {

RateDecision RateLimiter::Admit(std::string const& token, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  Window& window = windows_[token];
  if (window.count == 0 || now_ms >= window.start_ms + window_ms_) window = Window{now_ms, 0};
  ++window.count;
  std::int64_t const remaining_ms = window.start_ms + window_ms_ - now_ms;
  RateDecision decision;
  decision.count = window.count;
  decision.limit = requests_;
  decision.allowed = window.count <= requests_;
  decision.reset_s = int(std::max<std::int64_t>(1, (remaining_ms + 999) / 1000));
  return decision;
}

}  // namespace gctq_emulator::server
