#pragma once

#include <memory>

#include "gctq/http/clock.h"
#include "gctq/http/retry_policy.h"
#include "gctq/http/transport.h"

namespace gctq::http {

struct RetryOptions {
  RetryPolicy retry;
  BackoffPolicy backoff;
  std::shared_ptr<Clock> clock;  ///< Null = SystemClock().
  Sleeper sleeper;               ///< Empty = RealSleeper(). Called from many threads.
  JitterSource jitter;           ///< Empty = DefaultJitter(). Called from many threads.
};

/// Retry decorator. Send() succeeds only with a 2xx response; every other outcome is an Error:
/// a non-transient status via MapHttpError (never retried: 400/401/403/404...), a transient one
/// (429/5xx, transport errors) after the policy is exhausted, annotated with the endpoint class,
/// method, path, attempts and last status. 429/503 honour Retry-After; one beyond the cap →
/// kQuotaExhausted. Running out of max_elapsed → kDeadlineExceeded.
std::shared_ptr<Transport> MakeRetryTransport(std::shared_ptr<Transport> inner, RetryOptions options);

}  // namespace gctq::http
