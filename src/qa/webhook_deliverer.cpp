#include "gctq/qa/webhook_deliverer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <random>
#include <thread>

#include "gctq/http/retry_policy.h"
#include "gctq/qa/webhook_signature.h"

namespace gctq::qa {
namespace {

using std::chrono::milliseconds;

bool IsThrottle(int status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

std::optional<std::string> GetEnv(std::string const& name) {
  char const* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace

WebhookDeliverer::WebhookDeliverer(Outbox& outbox, std::shared_ptr<http::Transport> transport,
                                   DelivererOptions options)
    : outbox_(outbox), transport_(std::move(transport)), options_(std::move(options)) {
  if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  if (!options_.sleeper) options_.sleeper = [](milliseconds d) { std::this_thread::sleep_for(d); };
  if (!options_.secret_lookup) options_.secret_lookup = GetEnv;
  if (!options_.random01) {
    options_.random01 = [engine = std::make_shared<std::mt19937_64>(std::random_device{}())] {
      return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
    };
  }
}

std::int64_t WebhookDeliverer::NowMs() const {
  return std::chrono::duration_cast<milliseconds>(options_.clock().time_since_epoch()).count();
}

milliseconds WebhookDeliverer::Backoff(std::int64_t attempt) const {
  auto const& p = options_.policy;
  double ceiling =
      static_cast<double>(p.initial_backoff.count()) * std::pow(2.0, static_cast<double>(attempt - 1));
  ceiling = std::min(ceiling, static_cast<double>(p.max_backoff.count()));
  return milliseconds(static_cast<std::int64_t>(options_.random01() * ceiling));  // full jitter
}

Result<std::string> WebhookDeliverer::Attempt(OutboxRow const& row, DeliverySummary& summary) {
  auto const& policy = options_.policy;
  DeliveryOutcome outcome{row.webhook_id, row.destination, row.event_type, row.attempts + 1, 0, "", {}, ""};
  auto secret = options_.secret_lookup(row.secret_env);
  auto key =
      secret ? DecodeWebhookSecret(*secret) : Result<std::string>(MakeError(ErrorCode::kInvalidArgument, ""));
  if (!key) {
    return MakeError(ErrorCode::kInvalidArgument,
                     fmt::format("webhook secret for {} missing or invalid: set {} to a whsec_ secret",
                                 row.destination, row.secret_env));
  }
  auto timestamp =
      std::chrono::duration_cast<std::chrono::seconds>(options_.clock().time_since_epoch()).count();
  http::HttpRequest request;
  request.method = "POST";
  request.url = row.destination;
  request.body = row.body;
  request.endpoint_class = http::EndpointClass::kWebhook;
  request.total_timeout = policy.timeout;
  request.connect_timeout = std::min(policy.timeout, milliseconds(10'000));
  request.headers = {{"content-type", "application/json"},
                     {"user-agent", "gctq-webhooks/1"},
                     {"webhook-id", row.webhook_id},
                     {"webhook-timestamp", std::to_string(timestamp)},
                     {"webhook-signature", SignWebhook(*key, row.webhook_id, timestamp, row.body)}};
  auto started = std::chrono::steady_clock::now();
  auto response = transport_->Send(request);
  outcome.latency =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  ++summary.attempts;
  int status = response ? response->status : 0;
  outcome.http_status = status;
  auto now = NowMs();
  Status recorded = Ok{};
  auto retry_or_dead = [&](int limit, milliseconds delay, std::string const& why) {
    outcome.error = why;
    if (outcome.attempt >= limit) {
      outcome.result = "dead";
      ++summary.dead;
      return outbox_.MarkDead(row.id, status, why);
    }
    outcome.result = "retry";
    return outbox_.MarkRetry(row.id, now + delay.count(), status, why);
  };
  if (response && status >= 200 && status < 300) {
    outcome.result = "delivered";
    ++summary.delivered;
    recorded = outbox_.MarkDelivered(row.id, status, now);
  } else if (status == 410) {
    outcome.result = "disabled";
    outcome.error = "410 Gone: destination disabled";
    ++summary.dead;
    recorded = outbox_.MarkDead(row.id, status, outcome.error);
    if (recorded) recorded = outbox_.DisableDestination(row.destination, outcome.error);
  } else if (status == 413) {
    outcome.result = "dead";
    outcome.error = "413 Payload Too Large";
    ++summary.dead;
    recorded = outbox_.MarkDead(row.id, status, outcome.error);
  } else if (IsThrottle(status)) {
    auto retry_after = http::ParseRetryAfter(response->Header("retry-after"), options_.clock());
    auto delay = std::max(Backoff(outcome.attempt),
                          std::min(retry_after.value_or(milliseconds(0)), policy.max_retry_after));
    recorded = retry_or_dead(policy.max_attempts, delay, fmt::format("HTTP {} (throttled)", status));
    if (recorded && outcome.result == "retry") {
      outcome.result = "throttled";
      recorded = outbox_.ThrottleDestination(row.destination, now + delay.count());
    }
  } else if (status >= 400 && status < 500 && status != 408) {
    recorded = retry_or_dead(policy.max_client_error_attempts, Backoff(outcome.attempt),
                             fmt::format("HTTP {}", status));
  } else {
    auto why = response ? fmt::format("HTTP {}", status) : response.error().Describe();
    recorded = retry_or_dead(policy.max_attempts, Backoff(outcome.attempt), why);
  }
  if (options_.on_outcome) options_.on_outcome(outcome);
  if (!recorded) return recorded.error();
  return outcome.result;
}

Result<DeliverySummary> WebhookDeliverer::DeliverDue() {
  DeliverySummary summary;
  auto rows = outbox_.ClaimDue(NowMs(), options_.policy.batch, options_.policy.lease);
  if (!rows) return rows.error();
  std::set<std::string> paused;  // destinations disabled or throttled during this pass
  for (auto const& row : *rows) {
    if (paused.contains(row.destination)) {
      GCTQ_TRY(outbox_.Release(row.id));
      continue;
    }
    auto result = Attempt(row, summary);
    if (!result) {
      for (auto const& other : *rows) (void)outbox_.Release(other.id);  // only rows not yet marked are leased
      return result.error();
    }
    if (*result == "disabled" || *result == "throttled") paused.insert(row.destination);
  }
  return summary;
}

Result<DeliverySummary> WebhookDeliverer::Drain(milliseconds max_wait) {
  DeliverySummary total;
  auto const deadline = NowMs() + max_wait.count();
  for (;;) {
    auto pass = DeliverDue();
    if (!pass) return pass.error();
    total.attempts += pass->attempts;
    total.delivered += pass->delivered;
    total.dead += pass->dead;
    auto next = outbox_.NextDueMs();
    if (!next) return next.error();
    if (!*next) return total;
    if (**next > deadline) break;
    auto now = NowMs();
    if (**next > now) options_.sleeper(milliseconds(**next - now));
  }
  auto statuses = outbox_.DestinationStatuses();
  if (!statuses) return statuses.error();
  for (auto const& s : *statuses) total.pending_left += s.pending;
  return total;
}

}  // namespace gctq::qa
