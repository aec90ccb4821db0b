// gctq demo: the whole job against the embedded emulator, with no credentials: a query over the
// last 7 days with sample filters and keywords, QA webhooks to a local receiver that checks their
// signatures, an audit log that is verified afterwards, and the latency table.

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "gctq/audit/audit_verify.h"
#include "gctq/qa/webhook_signature.h"
#include "gctq_emulator/emulator.h"
#include "src/command.h"
#include "src/demo_receiver.h"
#include "src/exit_codes.h"
#include "src/query_job.h"

namespace gctq::cli {
namespace {

constexpr char kSecretEnv[] = "GCTQ_DEMO_WEBHOOK_SECRET";

struct DemoOptions {
  std::uint64_t seed = 42;
  int conversations = 3000;
  int days = 30;
  std::string out_dir = "gctq-out";
  std::string keywords = "refund, cancel, supervisor, complaint";
};

struct DemoPaths {
  std::string records, audit, metrics, state;
};

DemoPaths PrepareOutputs(std::string const& dir) {
  std::filesystem::create_directories(dir);
  DemoPaths paths{dir + "/records.jsonl", dir + "/audit.jsonl", dir + "/metrics.prom", dir + "/state.db"};
  // Each demo starts a fresh trail: its own audit chain and outbox.
  for (auto const& f : {paths.audit, paths.audit + ".key", paths.audit + ".key.pub", paths.audit + ".lock",
                        paths.state, paths.state + "-wal", paths.state + "-shm"}) {
    std::error_code ignored;
    std::filesystem::remove(f, ignored);
  }
  return paths;
}

void PrintAuditVerification(std::string const& path, std::string const& anchor) {
  audit::AuditVerifyOptions verify;
  verify.anchor = anchor;
  auto report = audit::VerifyAuditLog(path, verify);
  if (!report) {
    fmt::print(stderr, "  audit log               cannot verify: {}\n", report.error().Describe());
  } else if (report->ok()) {
    fmt::print(stderr,
               "  audit log               verified: {} records, {} signed checkpoints, chain intact\n",
               report->records, report->checkpoints_valid);
  } else {
    fmt::print(stderr, "  audit log               FAILED at record {}: {} ({})\n", report->first_bad_line,
               audit::ToString(report->problem), report->reason);
  }
}

int RunDemo(DemoOptions const& demo) {
  gctq_emulator::EmulatorOptions emulator_options;
  emulator_options.seed = demo.seed;
  emulator_options.conversations = demo.conversations;
  emulator_options.days = demo.days;
  // Ten times a real org's default of 300 per minute, so the demo takes seconds, not minutes;
  // the client paces itself from the inin-ratelimit-* headers either way.
  emulator_options.rate_limit_requests = 3000;
  // The run reads its credentials and the webhook secret from the environment. Set them before any
  // thread starts (setenv is not thread-safe); they stay in this process.
  std::string const secret = qa::GenerateWebhookSecret();
  // NOLINTBEGIN(concurrency-mt-unsafe)
  ::setenv(kSecretEnv, secret.c_str(), 1);
  ::setenv("GENESYSCLOUD_OAUTHCLIENT_ID", gctq_emulator::kDemoClientId, 1);
  ::setenv("GENESYSCLOUD_OAUTHCLIENT_SECRET", gctq_emulator::kDemoClientSecret, 1);
  // NOLINTEND(concurrency-mt-unsafe)
  gctq_emulator::Emulator emulator(emulator_options);
  std::string error;
  if (!emulator.Start(&error)) {
    fmt::print(stderr, "gctq demo: cannot start the embedded emulator: {}\n", error);
    return kExitInternal;
  }
  auto key = qa::DecodeWebhookSecret(secret);
  DemoReceiver receiver(key ? *key : std::string());
  if (!key || !receiver.Start(&error)) {
    fmt::print(stderr, "gctq demo: cannot start the local QA receiver: {}\n", error);
    return kExitInternal;
  }

  DemoPaths const paths = PrepareOutputs(demo.out_dir);
  QueryJobOptions job;
  job.args.last = "7d";
  job.args.filters.directions = {"inbound"};
  job.args.keywords = {demo.keywords};
  job.args.with_sentiment = true;
  job.connection.api_base = emulator.base_url();
  job.out = paths.records;
  job.audit_log = paths.audit;
  job.metrics_file = paths.metrics;
  job.state_db = paths.state;
  job.qa_webhooks = {receiver.url() + "#" + kSecretEnv};

  fmt::print(stderr,
             "gctq demo: embedded Genesys Cloud emulator on {} ({} conversations over {} days, seed {})\n",
             emulator.base_url(), demo.conversations, demo.days, demo.seed);
  fmt::print(stderr,
             "gctq demo: query --last 7d --direction inbound --keywords \"{}\" --with-sentiment\n"
             "           --qa-webhook {} --audit-log {} --metrics-file {}\n",
             demo.keywords, receiver.url(), paths.audit, paths.metrics);
  QueryJobOutcome outcome = RunQueryJob(job, "demo");
  receiver.Stop();
  emulator.Stop();
  if (!outcome.report) return outcome.exit_code;

  auto const& totals = outcome.report->totals;
  fmt::print(stderr, "\ncompleteness\n");
  fmt::print(stderr, "  windows                 {} ({} truncated, {} failed)\n",
             outcome.report->windows.size(), outcome.report->TruncatedWindows(),
             outcome.report->FailedWindows());
  fmt::print(stderr, "  conversations listed    {} unique ({} duplicates dropped)\n", totals.fetched,
             totals.duplicates);
  fmt::print(stderr, "  without keyword hits    {} (left out of the records)\n", totals.analysis_filtered);
  fmt::print(stderr, "  result                  {}\n",
             outcome.report->Complete() ? "complete" : "INCOMPLETE");
  fmt::print(stderr, "\ncompliance and QA\n");
  auto const received = receiver.Stats();
  fmt::print(stderr, "  QA webhooks             {} events received, {} unique ids, {} bad signatures\n",
             received.requests, received.unique_ids, received.bad_signatures);
  PrintAuditVerification(paths.audit, outcome.audit_checkpoint);
  fmt::print(stderr, "\noutputs\n  records   {}\n  audit     {} (public key {}.key.pub)\n  metrics   {}\n",
             paths.records, paths.audit, paths.audit, paths.metrics);
  fmt::print(stderr, "  outbox    {} (gctq qa status --state-db {})\n", paths.state, paths.state);
  return outcome.exit_code;
}

}  // namespace

RunFn RegisterDemo(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  auto* sub =
      app.add_subcommand("demo", "Run the whole job against the embedded emulator (no credentials needed)");
  sub->add_option("--seed", options->seed, "Seed of the emulated org")->capture_default_str();
  sub->add_option("--conversations", options->conversations, "Conversations in the emulated org")
      ->check(CLI::Range(1, 200'000))
      ->capture_default_str();
  sub->add_option("--days", options->days, "Days of history in the emulated org")
      ->check(CLI::Range(7, 365))
      ->capture_default_str();
  sub->add_option("--keywords", options->keywords, "Keywords to look for")->capture_default_str();
  sub->add_option("--out-dir", options->out_dir, "Where records, audit log, metrics and outbox go")
      ->capture_default_str();
  return [options] { return RunDemo(*options); };
}

}  // namespace gctq::cli
