#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "gctq/http/clock.h"
#include "gctq/http/transport.h"

namespace gctq::http {

struct PacingPolicy {
  bool enabled = true;
  /// Assumed until the first response carries `inin-ratelimit-allowed` / `-reset`.
  int initial_allowed = 300;
  std::chrono::seconds initial_window{60};
  /// Fraction of the allowed rate to aim at: the headroom absorbs window-boundary effects.
  double target_utilization = 0.97;
  /// A 429 pauses every thread until Retry-After, unless it is beyond this cap (the retry layer
  /// then fails that call with kQuotaExhausted). MakeApiTransport copies both from RetryPolicy.
  std::chrono::milliseconds retry_after_cap{120'000};
  std::chrono::milliseconds retry_after_default{3'000};
};

/// Spaces requests of all threads so the run stays just under the server's allowed rate.
/// Slots are `window / (allowed * target_utilization)` apart (a token bucket of depth one);
/// `allowed` and the window follow the `inin-ratelimit-*` headers; when a response says the
/// window is used up (count >= allowed) or is a 429, everyone waits for the reset / Retry-After.
class RateGovernor {
 public:
  RateGovernor(PacingPolicy policy, std::shared_ptr<Clock> clock);

  /// Books the next free slot; returns how long the caller must wait before sending.
  std::chrono::milliseconds Reserve();
  /// Remaining time of a pause that began after a slot was booked (0 when none).
  std::chrono::milliseconds PauseRemaining() const;
  /// Learns from one response of the rate-limited API.
  void Observe(HttpResponse const& response);

  [[nodiscard]] int allowed() const;
  [[nodiscard]] std::chrono::microseconds interval() const;

 private:
  void SetLimitLocked(int allowed, std::chrono::seconds window);
  void PauseUntilLocked(std::chrono::steady_clock::time_point until);

  PacingPolicy const policy_;
  std::shared_ptr<Clock> const clock_;
  mutable std::mutex mu_;
  int allowed_;
  std::chrono::seconds window_;
  std::chrono::microseconds interval_{0};
  std::chrono::steady_clock::time_point next_slot_{};
  std::chrono::steady_clock::time_point paused_until_{};
};

/// Pacing decorator: requests under `api_base` wait for a RateGovernor slot and feed their
/// responses back to it; all other requests (pre-signed downloads, webhooks) pass straight through.
std::shared_ptr<Transport> MakePacedTransport(std::shared_ptr<Transport> inner,
                                              std::shared_ptr<RateGovernor> governor, std::string api_base,
                                              Sleeper sleeper);

}  // namespace gctq::http
