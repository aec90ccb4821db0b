#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "gctq/metrics/latency_recorder.h"
#include "gctq/qa/webhook_deliverer.h"
#include "gctq/query/connection_options.h"
#include "gctq/query/query_args.h"
#include "gctq/query/run_report.h"
#include "src/run_summary.h"

namespace gctq::cli {

/// Everything `gctq query` does after parsing; `gctq demo` fills it in code.
struct QueryJobOptions {
  query::QueryArgs args;
  query::ConnectionOptions connection;
  std::string out;                       ///< Records file; empty = stdout.
  std::string format = "jsonl";          ///< jsonl | csv | table
  std::string rules_file;                ///< --rules (TOML)
  bool fail_on_pii_leak = false;         ///< A PII leak makes the exit code 1.
  std::vector<std::string> qa_webhooks;  ///< URL or URL#SECRET_ENV_VAR, each a destination.
  std::string qa_exec;                   ///< Command receiving one JSON line per event.
  std::string state_db;                  ///< Outbox database (default gctq-state.db with webhooks).
  std::chrono::milliseconds qa_max_wait{std::chrono::seconds(60)};  ///< Delivery drain at the end.
  std::string audit_log;      ///< Append-only audit log (JSON Lines); empty = none.
  std::string metrics_file;   ///< Prometheus text file; empty = none.
  bool print_summary = true;  ///< Run summary and latency table on stderr.
  bool progress = true;       ///< Progress line on stderr when it is a terminal.
};

struct QueryJobOutcome {
  int exit_code = 0;
  std::optional<query::RunReport> report;
  RunSummary summary;
  metrics::LatencySnapshot latency;
  std::optional<qa::DeliverySummary> delivery;
  std::string audit_checkpoint;  ///< The last signed checkpoint: the anchor for `audit verify`.
};

/// Validates, connects, runs the query with analysis, QA callbacks, audit and metrics wired in,
/// prints the summary on stderr and returns the outcome with a documented exit code.
QueryJobOutcome RunQueryJob(QueryJobOptions const& options, std::string const& command);

}  // namespace gctq::cli
