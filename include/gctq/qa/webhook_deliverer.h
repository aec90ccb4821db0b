#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "gctq/core/result.h"
#include "gctq/http/transport.h"
#include "gctq/qa/outbox.h"

namespace gctq::qa {

/// When and how often a webhook delivery is retried (Standard Webhooks sender rules).
struct DeliveryPolicy {
  int max_attempts = 12;              ///< 5xx, 429, timeouts and connection errors; then dead-letter.
  int max_client_error_attempts = 3;  ///< Other 4xx (except 410, 413: immediate) ; then dead-letter.
  std::chrono::milliseconds initial_backoff{1'000};
  std::chrono::milliseconds max_backoff{300'000};
  std::chrono::milliseconds max_retry_after{3'600'000};  ///< Cap on an honoured Retry-After.
  std::chrono::milliseconds timeout{15'000};             ///< Per request.
  std::chrono::milliseconds lease{60'000};               ///< How long a claimed row is ours.
  int batch = 32;                                        ///< Rows claimed per pass.
};

/// What happened to one attempt; the CLI writes it to the audit log (`callback.delivery`).
struct DeliveryOutcome {
  std::string webhook_id;
  std::string destination;
  std::string event_type;
  std::int64_t attempt = 0;  ///< 1-based.
  int http_status = 0;       ///< 0 when the request did not complete (timeout, refused).
  std::string result;        ///< delivered | retry | throttled | dead | disabled
  std::chrono::microseconds latency{0};
  std::string error;  ///< Short reason; never a secret or the body.
};

struct DeliverySummary {
  std::int64_t attempts = 0;
  std::int64_t delivered = 0;
  std::int64_t dead = 0;
  std::int64_t pending_left = 0;  ///< Rows still pending when Drain returned.
};

struct DelivererOptions {
  DeliveryPolicy policy;
  std::function<std::chrono::system_clock::time_point()> clock;  ///< Default: system_clock::now.
  std::function<void(std::chrono::milliseconds)> sleeper;        ///< Default: this_thread::sleep_for.
  std::function<double()> random01;                              ///< Jitter source in [0,1).
  std::function<std::optional<std::string>(std::string const&)> secret_lookup;  ///< Default: getenv.
  std::function<void(DeliveryOutcome const&)> on_outcome;
};

/// Sends due outbox rows as signed JSON POSTs and records each result in the outbox:
/// 2xx delivered; 429/502/503/504 throttle the destination, honouring Retry-After; 410 dead-letters
/// the row and disables the destination; 413 dead-letters; other 4xx retried a few times; 5xx,
/// timeouts and connection errors retried with exponential backoff and full jitter up to
/// max_attempts, then dead-lettered. 3xx is a failure (never followed).
class WebhookDeliverer {
 public:
  WebhookDeliverer(Outbox& outbox, std::shared_ptr<http::Transport> transport, DelivererOptions options);

  /// One pass: claims the rows due now and attempts each once.
  Result<DeliverySummary> DeliverDue();
  /// Repeats DeliverDue, sleeping until the next row is due, until nothing is pending or the next
  /// attempt would be later than `max_wait` from the start.
  Result<DeliverySummary> Drain(std::chrono::milliseconds max_wait);

 private:
  [[nodiscard]] std::int64_t NowMs() const;
  /// Attempts one row; returns the outcome's result ("delivered", "throttled", ...).
  Result<std::string> Attempt(OutboxRow const& row, DeliverySummary& summary);
  [[nodiscard]] std::chrono::milliseconds Backoff(std::int64_t attempt) const;

  Outbox& outbox_;
  std::shared_ptr<http::Transport> transport_;
  DelivererOptions options_;
};

}  // namespace gctq::qa
