// gctq query: find every matching voice conversation, fetch sentiment and transcripts, analyse
// them, stream one record per conversation and a completeness report.

#include <memory>

#include "gctq/query/query_args.h"
#include "src/command.h"
#include "src/query_job.h"

namespace gctq::cli {
namespace {

int RunQueryCommand(QueryJobOptions const& options) {
  return RunQueryJob(options, "query").exit_code;
}

void AddAnalysisAndQaFlags(CLI::App* sub, QueryJobOptions& o) {
  sub->add_option("--rules", o.rules_file, "Keyword rule file (TOML; see doc/rules.md)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--fail-on-pii-leak", o.fail_on_pii_leak, "Exit 1 when any transcript has unmasked PII");
  sub->add_option("--qa-webhook", o.qa_webhooks,
                  "QA webhook URL (repeatable): URL or URL#ENV_VAR naming the variable that holds its whsec_ "
                  "secret (default GCTQ_QA_WEBHOOK_SECRET). Events go through a durable outbox");
  sub->add_option("--qa-exec", o.qa_exec, "Command that receives one JSON line per QA event on stdin");
  sub->add_option("--state-db", o.state_db, "Outbox database for --qa-webhook (default gctq-state.db)");
  sub->add_option("--audit-log", o.audit_log,
                  "Append a tamper-evident audit trail to this file (JSON Lines; key beside it)");
  sub->add_option("--metrics-file", o.metrics_file, "Write latency metrics here (Prometheus text format)");
}

void AddFilterFlags(CLI::App* sub, query::QueryArgs& a) {
  sub->add_option("--queue", a.filters.queue_ids, "Queue id(s); repeat or comma-separate (any of them)")
      ->delimiter(',');
  sub->add_option("--user", a.filters.user_ids, "Agent user id(s) (any of them)")->delimiter(',');
  sub->add_option("--direction", a.filters.directions, "Originating direction: inbound|outbound")
      ->delimiter(',')
      ->check(CLI::IsMember({"inbound", "outbound"}));
  sub->add_option("--division", a.filters.division_ids, "Division id(s) (any of them)")->delimiter(',');
  sub->add_option("--wrap-up-code", a.filters.wrap_up_codes, "Wrap-up code id(s) (any of them)")
      ->delimiter(',');
  sub->add_option("--ani", a.filters.anis, "Caller number(s), e.g. tel:+15551234567")->delimiter(',');
  sub->add_option("--dnis", a.filters.dnises, "Dialled number(s), e.g. tel:+18005550100")->delimiter(',');
  sub->add_option("--min-duration", a.min_duration, "Minimum conversation duration, e.g. 30s, 5m");
  sub->add_option("--max-duration", a.max_duration, "Maximum conversation duration, e.g. 30m");
  sub->add_option("--keywords", a.keywords,
                  "Keywords or phrases (comma-separated); only conversations whose transcript has one are "
                  "written. Case-insensitive; an empty keyword is an error");
  sub->add_option(
         "--sentiment", a.sentiment,
         "negative (<= -25), neutral (-25..25 exclusive) or positive (>= 25), on the -100..100 scale; "
         "applied before transcripts are fetched. Conversations without STA sentiment are left out")
      ->check(CLI::IsMember({"negative", "neutral", "positive"}));
  sub->add_option("--sentiment-min", a.sentiment_min, "Lowest sentiment to keep (-100..100, inclusive)");
  sub->add_option("--sentiment-max", a.sentiment_max, "Highest sentiment to keep (-100..100, inclusive)");
  sub->add_flag("--with-sentiment", a.with_sentiment,
                "Fetch STA sentiment for the output without filtering on it");
}

void AddRangeAndPagingFlags(CLI::App* sub, query::QueryArgs& a) {
  sub->add_option(
      "--from", a.from,
      "Start (inclusive), ISO-8601 with a zone: 2026-11-01T00:00:00Z, 2026-11-01T02:00:00+02:00; a "
      "date alone means UTC midnight");
  sub->add_option("--to", a.to, "End (exclusive), same format as --from");
  sub->add_option("--last", a.last, "Instead of --from/--to: the last 7d, 24h, 90m ... up to now");
  sub->add_option("--page-size", a.page_size, "Conversations per details page (1..100)")
      ->capture_default_str();
  sub->add_option("--max-pages", a.max_pages,
                  "Pages per window at most; a window with more is reported TRUNCATED (0 = no limit)")
      ->capture_default_str();
  sub->add_option("--window", a.window, "Query window size, 1m..7d; the range is split into such windows")
      ->capture_default_str();
  sub->add_option("--lookback", a.lookback,
                  "Windows starting earlier than now minus this go through async jobs (service limit: 35d)")
      ->capture_default_str();
  sub->add_option("--concurrency", a.concurrency, "Parallel transcript/sentiment requests (1..64)")
      ->capture_default_str();
  sub->add_flag("--no-transcripts", a.no_transcripts, "List conversations only; fetch no transcript");
}

}  // namespace

RunFn RegisterQuery(CLI::App& app) {
  auto options = std::make_shared<QueryJobOptions>();
  auto* sub = app.add_subcommand(
      "query", "Find matching conversations, fetch transcripts and sentiment, analyse them");
  sub->footer(
      "Credentials: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION (or "
      "GCTQ_EMULATOR_URL).\nExit codes: 0 complete, 1 done but incomplete (truncated window, failed "
      "transcript or "
      "sentiment),\n2 usage, 3 auth/permission, 4 API failure or quota exhausted, 5 local error.");
  AddRangeAndPagingFlags(sub, options->args);
  AddFilterFlags(sub, options->args);
  AddAnalysisAndQaFlags(sub, *options);
  sub->add_option("--out", options->out, "Write records to this file instead of stdout");
  sub->add_option("--format", options->format,
                  "jsonl (records + report lines), csv (RFC 4180; report as text on stderr, or stdout with "
                  "--out) or table")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str();
  sub->add_option("--region", options->connection.region,
                  "Region key (eu-west-1) or domain (mypurecloud.ie); overrides GENESYSCLOUD_REGION");
  sub->add_option("--api-base", options->connection.api_base,
                  "API base URL (https, or http on loopback for the emulator); overrides the region");
  sub->add_option("--login-base", options->connection.login_base, "Login base URL; defaults to --api-base");
  return [options] { return RunQueryCommand(*options); };
}

}  // namespace gctq::cli
