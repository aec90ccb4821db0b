#include "gctq/http/retry_transport.h"

#include <fmt/format.h>

#include <algorithm>

#include "gctq/http/http_error.h"
#include "gctq/http/url.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;

bool IsTransientTransportError(Error const& error) {
  return error.code == ErrorCode::kUnavailable || error.code == ErrorCode::kDeadlineExceeded;
}

std::string StatusText(Result<HttpResponse> const& result) {
  if (result) return std::to_string(result->status);
  return result.error().http_status ? std::to_string(*result.error().http_status) : "none (transport error)";
}

double Seconds(milliseconds d) {
  return static_cast<double>(d.count()) / 1000.0;
}

class RetryTransport final : public Transport {
 public:
  RetryTransport(std::shared_ptr<Transport> inner, RetryOptions options)
      : inner_(std::move(inner)), options_(std::move(options)) {
    if (!options_.clock) options_.clock = SystemClock();
    if (!options_.sleeper) options_.sleeper = RealSleeper();
    if (!options_.jitter) options_.jitter = DefaultJitter();
    options_.retry.max_attempts = std::max(options_.retry.max_attempts, 1);
  }

  Result<HttpResponse> Send(HttpRequest const& request) override {
    auto const start = options_.clock->now();
    HttpRequest attempt_request = request;
    for (int attempt = 1;; ++attempt) {
      attempt_request.attempt = attempt;
      auto result = inner_->Send(attempt_request);
      if (result && IsSuccessStatus(result->status)) return result;
      if (!IsRetryable(request, result)) return Annotate(FinalError(result), request, attempt, result, "");
      auto const delay = DelayBeforeRetry(result, attempt);
      if (!delay) return QuotaExhausted(request, attempt, result);
      if (attempt >= options_.retry.max_attempts) {
        return Annotate(FinalError(result), request, attempt, result, "gave up: attempt limit reached, ");
      }
      if (options_.clock->now() - start + *delay > options_.retry.max_elapsed) {
        Error error = FinalError(result);
        error.code = ErrorCode::kDeadlineExceeded;
        auto const why = fmt::format("gave up: the {:g} s retry budget would be exceeded, ",
                                     Seconds(options_.retry.max_elapsed));
        return Annotate(std::move(error), request, attempt, result, why);
      }
      options_.sleeper(*delay);
      attempt_request.waited = *delay;
    }
  }

 private:
  bool IsRetryable(HttpRequest const& request, Result<HttpResponse> const& result) const {
    bool const idempotent = IsIdempotent(request.endpoint_class, request.method);
    if (!result) return idempotent && IsTransientTransportError(result.error());
    if (result->status == 429) return options_.retry.transient_statuses.contains(429);
    return idempotent && options_.retry.transient_statuses.contains(result->status);
  }

  /// Retry-After for 429 (and 503 when present), else backoff; nullopt = beyond the cap.
  std::optional<milliseconds> DelayBeforeRetry(Result<HttpResponse> const& result, int attempt) const {
    auto const backoff = BackoffDelay(options_.backoff, attempt - 1, options_.jitter());
    if (!result || (result->status != 429 && result->status != 503)) return backoff;
    auto const header = result->Header("Retry-After");
    auto retry_after = ParseRetryAfter(header, options_.clock->wall_now());
    if (!retry_after) {
      if (result->status == 503) return backoff;
      retry_after = options_.retry.retry_after_default;
    }
    if (*retry_after > options_.retry.retry_after_cap) {
      if (result->status == 429) return std::nullopt;
      return options_.retry.retry_after_cap;
    }
    // A little jitter after the server's time spreads threads that were paused together.
    auto const spread = std::min(*retry_after / 10, milliseconds(1000));
    return *retry_after + milliseconds(static_cast<std::int64_t>(options_.jitter() * spread.count()));
  }

  static Error FinalError(Result<HttpResponse> const& result) {
    if (!result) return result.error();
    return MapHttpError(result->status, result->body);
  }

  Error QuotaExhausted(HttpRequest const& request, int attempt, Result<HttpResponse> const& result) const {
    Error error = FinalError(result);
    error.code = ErrorCode::kQuotaExhausted;
    auto const asked = ParseRetryAfter(result->Header("Retry-After"), options_.clock->wall_now());
    error.message = fmt::format(
        "rate quota exhausted: the server asked to wait {:g} s (Retry-After), beyond the {:g} s cap; "
        "try again later or raise the cap",
        Seconds(asked.value_or(milliseconds::zero())), Seconds(options_.retry.retry_after_cap));
    return Annotate(std::move(error), request, attempt, result, "");
  }

  static Error Annotate(Error error, HttpRequest const& request, int attempts,
                        Result<HttpResponse> const& last, std::string_view why) {
    error.message += fmt::format(" [{} {} {}: {}{} attempt{}, last status {}]",
                                 ToString(request.endpoint_class), request.method, SanitizeUrl(request.url),
                                 why, attempts, attempts == 1 ? "" : "s", StatusText(last));
    return error;
  }

  std::shared_ptr<Transport> const inner_;
  RetryOptions options_;
};

}  // namespace

std::shared_ptr<Transport> MakeRetryTransport(std::shared_ptr<Transport> inner, RetryOptions options) {
  return std::make_shared<RetryTransport>(std::move(inner), std::move(options));
}

}  // namespace gctq::http
