#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string_view>

#include "gctq/http/endpoint_class.h"

namespace gctq::http {

/// Whether to retry: bounded by attempts and by elapsed time; which statuses are transient.
/// Transport errors (kUnavailable, kDeadlineExceeded from the Transport) are always transient.
struct RetryPolicy {
  int max_attempts = 5;
  std::chrono::milliseconds max_elapsed{120'000};
  std::set<int> transient_statuses = {429, 500, 502, 503, 504};
  /// Wait for a 429 without a usable Retry-After header.
  std::chrono::milliseconds retry_after_default{3'000};
  /// A Retry-After beyond this ends the call with kQuotaExhausted instead of sleeping.
  std::chrono::milliseconds retry_after_cap{120'000};
};

/// How long to wait between attempts: capped exponential with full jitter.
struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{30'000};
  double factor = 2.0;
};

/// Returns a uniformly distributed number in [0, 1). Tests inject a deterministic one.
using JitterSource = std::function<double()>;

/// A thread-safe JitterSource backed by a per-thread PRNG.
JitterSource DefaultJitter();

/// Full jitter: `unit_random * min(max, initial * factor^retry_index)`, retry_index 0-based.
/// Pure; unit_random is clamped to [0, 1].
std::chrono::milliseconds BackoffDelay(BackoffPolicy const& policy, int retry_index, double unit_random);

/// Parses a Retry-After value: delta-seconds ("3") or an HTTP-date
/// ("Wed, 21 Oct 2015 07:28:00 GMT", relative to `now`; past dates yield 0). nullopt if invalid.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

/// Idempotency per endpoint class (the retry loop only re-sends idempotent calls after an
/// ambiguous failure such as a 5xx or a reset; a 429 is always safe since nothing was processed):
/// - kToken: idempotent (a new token is harmless).
/// - kDetailsPage: idempotent although it is a POST: the details query is a read.
/// - kAsyncJobSubmit: NOT idempotent (a re-send may create a second job): retried on 429 only.
/// - kAsyncJobPoll, kAsyncJobResults, kStaConversation, kTranscriptUrl, kTranscriptDownload: GET reads.
/// - kWebhook: idempotent, because each delivery carries an event id the receiver de-duplicates.
/// - kOther: by method (GET, HEAD, PUT, DELETE, OPTIONS yes; POST, PATCH no).
bool IsIdempotent(EndpointClass endpoint_class, std::string_view method);

}  // namespace gctq::http
