#include <fmt/format.h>

#include <memory>
#include <string>

#include "gctq/audit/audit_events.h"
#include "gctq/http/curl_transport.h"
#include "gctq/qa/outbox.h"
#include "gctq/qa/webhook_deliverer.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

struct QaCliOptions {
  std::string state_db;
  std::string audit_log;
  int max_wait_seconds = 60;
  int timeout_seconds = 15;
};

int Fail(std::string_view command, Error const& error) {
  fmt::print(stderr, "gctq qa {}: {}\n", command, error.Describe());
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitInternal;
}

int RunStatus(qa::Outbox& outbox) {
  auto statuses = outbox.DestinationStatuses();
  if (!statuses) return Fail("status", statuses.error());
  fmt::print("{:<50} {:<9} {:>8} {:>10} {:>6}\n", "destination", "state", "pending", "delivered", "dead");
  for (auto const& s : *statuses) {
    fmt::print("{:<50} {:<9} {:>8} {:>10} {:>6}{}\n", s.destination, s.enabled ? "enabled" : "disabled",
               s.pending, s.delivered, s.dead,
               s.disabled_reason.empty() ? "" : "  (" + s.disabled_reason + ")");
  }
  return kExitOk;
}

int RunReplay(qa::Outbox& outbox) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  auto moved = outbox.ReplayDead(now.count());
  if (!moved) return Fail("replay", moved.error());
  fmt::print("{} dead-lettered event(s) back to pending; all destinations re-enabled\n", *moved);
  return kExitOk;
}

int RunDeliver(qa::Outbox& outbox, QaCliOptions const& options) {
  std::shared_ptr<audit::AuditLog> audit_log;
  if (!options.audit_log.empty()) {
    audit::AuditLogOptions log_options;
    log_options.path = options.audit_log;
    auto opened = audit::AuditLog::Open(log_options);
    if (!opened) return Fail("deliver", opened.error());
    audit_log = std::move(*opened);
    audit::RunStart start;
    start.command = "qa deliver";
    start.options = {{"state-db", options.state_db}, {"max-wait", std::to_string(options.max_wait_seconds)}};
    (void)audit::RecordRunStart(*audit_log, start);
  }
  qa::DelivererOptions deliverer_options;
  deliverer_options.policy.timeout = std::chrono::seconds(options.timeout_seconds);
  deliverer_options.on_outcome = [&](qa::DeliveryOutcome const& outcome) {
    if (audit_log) (void)audit::RecordDelivery(*audit_log, outcome);
  };
  qa::WebhookDeliverer deliverer(outbox, http::MakeCurlTransport(), deliverer_options);
  auto summary = deliverer.Drain(std::chrono::seconds(options.max_wait_seconds));
  int exit_code = !summary                                           ? kExitInternal
                  : summary->pending_left == 0 && summary->dead == 0 ? kExitOk
                                                                     : kExitIncomplete;
  if (audit_log) {
    audit::RunEnd end;
    end.outcome = exit_code == kExitOk ? "success" : "incomplete";
    end.exit_code = exit_code;
    end.reason = summary ? "" : summary.error().message;
    (void)audit::RecordRunEnd(*audit_log, end);
    (void)audit_log->Close();
  }
  if (!summary) return Fail("deliver", summary.error());
  fmt::print("attempts {}, delivered {}, dead-lettered {}, still pending {}\n", summary->attempts,
             summary->delivered, summary->dead, summary->pending_left);
  return exit_code;
}

}  // namespace

RunFn RegisterQa(CLI::App& app) {
  auto options = std::make_shared<QaCliOptions>();
  auto* qa = app.add_subcommand("qa", "Inspect and drive the QA-platform delivery outbox");
  qa->require_subcommand(1);
  auto* status = qa->add_subcommand("status", "Events per destination and state (pending, delivered, dead)");
  auto* replay =
      qa->add_subcommand("replay", "Move dead-lettered events back to pending and re-enable destinations");
  auto* deliver =
      qa->add_subcommand("deliver", "Send pending events now (secrets from each destination's env var)");
  for (auto* sub : {status, replay, deliver}) {
    sub->add_option("--state-db", options->state_db, "The SQLite state database holding the outbox")
        ->required();
  }
  deliver->add_option("--max-wait", options->max_wait_seconds, "Stop when the next retry is further away (s)")
      ->check(CLI::Range(0, 86'400))
      ->capture_default_str();
  deliver->add_option("--timeout", options->timeout_seconds, "Per-request timeout (s)")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  deliver->add_option("--audit-log", options->audit_log,
                      "Append a callback.delivery record per attempt here");
  return [options, status, replay] {
    auto outbox = qa::Outbox::Open(options->state_db);
    if (!outbox) return Fail("", outbox.error());
    if (status->parsed()) return RunStatus(**outbox);
    if (replay->parsed()) return RunReplay(**outbox);
    return RunDeliver(**outbox, *options);
  };
}

}  // namespace gctq::cli
