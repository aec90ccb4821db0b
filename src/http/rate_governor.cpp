#include <algorithm>
#include <charconv>

#include "gctq/http/pacing.h"
#include "gctq/http/retry_policy.h"

namespace gctq::http {
namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

std::optional<long> HeaderNumber(HttpResponse const& response, std::string_view name) {
  std::string_view const text = response.Header(name);
  long value = 0;
  auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

milliseconds CeilMillis(std::chrono::steady_clock::duration d) {
  return std::max(std::chrono::ceil<milliseconds>(d), milliseconds::zero());
}

}  // namespace

RateGovernor::RateGovernor(PacingPolicy policy, std::shared_ptr<Clock> clock)
    : policy_(policy),
      clock_(clock ? std::move(clock) : SystemClock()),
      allowed_(std::max(policy.initial_allowed, 1)),
      window_(std::max(policy.initial_window, std::chrono::seconds(1))) {
  SetLimitLocked(allowed_, window_);
  window_ = std::chrono::seconds::zero();  // Paced on the assumption until a response tells.
}

std::chrono::milliseconds RateGovernor::Reserve() {
  std::lock_guard lock(mu_);
  auto const now = clock_->now();
  auto const slot = std::max({now, next_slot_, paused_until_});
  next_slot_ = slot + interval_;
  return CeilMillis(slot - now);
}

std::chrono::milliseconds RateGovernor::PauseRemaining() const {
  std::lock_guard lock(mu_);
  return CeilMillis(paused_until_ - clock_->now());
}

void RateGovernor::Observe(HttpResponse const& response) {
  auto const allowed = HeaderNumber(response, "inin-ratelimit-allowed");
  auto const count = HeaderNumber(response, "inin-ratelimit-count");
  auto const reset = HeaderNumber(response, "inin-ratelimit-reset");
  std::lock_guard lock(mu_);
  auto const now = clock_->now();
  if (allowed && *allowed > 0) {
    // The window is the longest countdown seen (bounded to an hour), learned from the server
    // alone: the assumed initial window is no floor, so a server with a shorter window (e.g. the
    // emulator time-scaled to 300 per 5 s) is paced at its real rate.
    auto const assumed = std::max(policy_.initial_window, std::chrono::seconds(1));
    auto const window =
        reset ? std::min(std::max(std::chrono::seconds(*reset), window_), std::chrono::seconds(3600))
              : (window_ > std::chrono::seconds::zero() ? window_ : assumed);
    SetLimitLocked(static_cast<int>(std::min(*allowed, 1'000'000L)), window);
    if (count && reset && *count >= *allowed) PauseUntilLocked(now + std::chrono::seconds(*reset));
  }
  if (response.status == 429) {
    auto pause = ParseRetryAfter(response.Header("Retry-After"), clock_->wall_now());
    if (!pause && reset) pause = std::chrono::seconds(*reset);
    if (!pause) pause = policy_.retry_after_default;
    if (*pause <= policy_.retry_after_cap) PauseUntilLocked(now + *pause);
  }
}

int RateGovernor::allowed() const {
  std::lock_guard lock(mu_);
  return allowed_;
}

std::chrono::microseconds RateGovernor::interval() const {
  std::lock_guard lock(mu_);
  return interval_;
}

void RateGovernor::SetLimitLocked(int allowed, std::chrono::seconds window) {
  allowed_ = allowed;
  window_ = window;
  double const utilization = std::clamp(policy_.target_utilization, 0.01, 1.0);
  double const per_window = std::max(1.0, allowed * utilization);
  interval_ =
      microseconds(static_cast<std::int64_t>(duration_cast<microseconds>(window).count() / per_window));
}

void RateGovernor::PauseUntilLocked(std::chrono::steady_clock::time_point until) {
  paused_until_ = std::max(paused_until_, until);
}

}  // namespace gctq::http
