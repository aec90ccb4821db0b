// gctq query: find every matching voice conversation, fetch sentiment and transcripts, analyse
// them, stream one record per conversation and a completeness report.

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "gctq/analysis/analyzer.h"
#include "gctq/http/api_client.h"
#include "gctq/output/record_writer.h"
#include "gctq/query/connection_options.h"
#include "gctq/query/query_args.h"
#include "gctq/query/query_runner.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

struct QueryCommandOptions {
  query::QueryArgs args;
  query::ConnectionOptions connection;
  std::string out;
  std::string format = "jsonl";
};

/// A one-line progress display on stderr (only used when stderr is a terminal).
class ProgressSink final : public query::RecordSink {
 public:
  void OnPage(query::PageInfo const& page) override {
    fmt::print(stderr, "\r\033[Kwindow {} ({}) page {}: {} conversations{}", page.window_index,
               query::ToString(page.window.mode), page.page_number, page.conversations,
               page.total_hits ? fmt::format(" of {}", *page.total_hits) : "");
  }
  void OnRecord(query::ConversationRecord const& /*record*/) override { ++records_; }
  void OnWindowReport(query::WindowReport const& report) override {
    fmt::print(stderr, "\r\033[Kwindow {} done: {} fetched, {} written so far", report.index,
               report.counts.fetched, records_);
  }
  void OnRunReport(query::RunReport const& /*report*/) override { fmt::print(stderr, "\r\033[K"); }

 private:
  std::int64_t records_ = 0;
};

int ExitCodeFor(query::RunReport const& report) {
  if (report.fatal_error) {
    auto code = report.fatal_error->code;
    return code == ErrorCode::kUnauthenticated || code == ErrorCode::kPermissionDenied ? kExitAuth : kExitApi;
  }
  if (report.FailedWindows() > 0) return kExitApi;
  return report.Complete() ? kExitOk : kExitIncomplete;
}

/// The analysis engine behind the Analyze hook; keywords (when given) also select conversations.
Result<query::AnalyzeHook> MakeAnalyzeHook(std::vector<std::string> const& keywords) {
  analysis::AnalysisOptions options;
  for (auto const& k : keywords) options.keywords += (options.keywords.empty() ? "" : ", ") + k;
  auto analyzer = analysis::Analyzer::Create(std::move(options));
  if (!analyzer) return std::move(analyzer).error();
  auto shared = std::make_shared<analysis::Analyzer>(std::move(*analyzer));
  bool const select_by_keywords = !keywords.empty();
  return query::AnalyzeHook(
      [shared, select_by_keywords](query::ConversationRecord& record, std::string_view doc) {
        auto result = shared->Analyze(doc, analysis::ConversationContext{record.sentiment, {}});
        nlohmann::json json = nlohmann::json::object();
        if (!result) {
          json["error"] = result.error().message;
        } else {
          analysis::WriteJson(*result, json);
          if (select_by_keywords && result->hits.empty()) record.excluded_by_analysis = true;
        }
        record.analysis_json = json.dump();
      });
}

int Fail(Error const& error, int exit_code) {
  fmt::print(stderr, "gctq query: {}\n", error.Describe());
  return exit_code;
}

int RunQueryCommand(QueryCommandOptions const& options) {
  auto const now = std::chrono::floor<query::Millis>(std::chrono::system_clock::now());
  auto request = query::ResolveQueryRequest(options.args, now);
  if (!request) return Fail(request.error(), kExitUsage);
  auto format = output::ParseOutputFormat(options.format);
  if (!format) return Fail(format.error(), kExitUsage);
  auto config = query::ResolveClientConfig(options.connection);
  if (!config) return Fail(config.error(), kExitUsage);
  std::string const api_base = config->api_base;
  auto transport = http::MakeApiTransport(std::move(*config));
  if (!transport) return Fail(transport.error(), kExitUsage);

  query::QueryContext context{*transport, api_base, {}, {}, {}};
  if (request->fetch_transcripts) {
    auto hook = MakeAnalyzeHook(request->keywords);
    if (!hook) return Fail(hook.error(), kExitUsage);
    context.analyze = std::move(*hook);
  } else if (!request->keywords.empty()) {
    return Fail(MakeError(ErrorCode::kInvalidArgument, "--keywords needs transcripts; drop --no-transcripts"),
                kExitUsage);
  }

  std::ofstream file;
  if (!options.out.empty()) {
    file.open(options.out, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!file)
      return Fail(MakeError(ErrorCode::kIo, fmt::format("--out: cannot write '{}'", options.out)),
                  kExitInternal);
  }
  std::ostream& records = options.out.empty() ? std::cout : file;
  std::ostream& report =
      *format == output::OutputFormat::kJsonl ? records : (options.out.empty() ? std::cerr : std::cout);
  auto writer = output::MakeRecordWriter(*format, records, report);
  ProgressSink progress;
  std::vector<query::RecordSink*> sinks{writer.get()};
  if (::isatty(STDERR_FILENO) != 0) sinks.push_back(&progress);
  query::TeeSink sink(sinks);

  auto result = query::RunQuery(*request, context, sink);
  if (!result) return Fail(result.error(), kExitUsage);
  records.flush();
  if (file.is_open() && !file) return Fail(MakeError(ErrorCode::kIo, "--out: write failed"), kExitInternal);
  if (result->fatal_error) fmt::print(stderr, "gctq query: stopped: {}\n", result->fatal_error->Describe());
  if (!options.out.empty()) {
    fmt::print(stderr, "gctq query: {} records written to {}; {}\n", result->totals.emitted, options.out,
               result->Complete() ? "complete" : "INCOMPLETE (see the report)");
  }
  return ExitCodeFor(*result);
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
  auto options = std::make_shared<QueryCommandOptions>();
  auto* sub = app.add_subcommand(
      "query", "Find matching conversations, fetch transcripts and sentiment, analyse them");
  sub->footer(
      "Credentials: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION (or "
      "GCTQ_EMULATOR_URL).\nExit codes: 0 complete, 1 done but incomplete (truncated window, failed "
      "transcript or "
      "sentiment),\n2 usage, 3 auth/permission, 4 API failure or quota exhausted, 5 local error.");
  AddRangeAndPagingFlags(sub, options->args);
  AddFilterFlags(sub, options->args);
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
