#include "src/query_job.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "gctq/analysis/analyzer.h"
#include "gctq/analysis/rules.h"
#include "gctq/audit/audit_events.h"
#include "gctq/audit/audit_observer.h"
#include "gctq/audit/audit_record_sink.h"
#include "gctq/http/api_client.h"
#include "gctq/http/curl_transport.h"
#include "gctq/http/observed_transport.h"
#include "gctq/metrics/metrics_format.h"
#include "gctq/output/record_writer.h"
#include "gctq/qa/exec_sink.h"
#include "gctq/qa/outbox.h"
#include "gctq/qa/outbox_sink.h"
#include "gctq/qa/qa_record_sink.h"
#include "gctq/qa/webhook_destination.h"
#include "gctq/query/query_runner.h"
#include "src/exit_codes.h"
#include "src/progress_sink.h"

namespace gctq::cli {
namespace {

constexpr char kDefaultStateDb[] = "gctq-state.db";

/// The analysis engine behind the Analyze hook. With keywords or rules, a conversation whose
/// transcript matches none of them is left out of the output.
Result<query::AnalyzeHook> MakeAnalyzeHook(QueryJobOptions const& options,
                                           query::QueryRequest const& request) {
  analysis::AnalysisOptions analysis_options;
  for (auto const& k : request.keywords) {
    analysis_options.keywords += (analysis_options.keywords.empty() ? "" : ", ") + k;
  }
  if (!options.rules_file.empty()) {
    auto rules = analysis::LoadRuleFile(options.rules_file);
    if (!rules) return std::move(rules).error();
    analysis_options.rules = std::move(*rules);
  }
  bool const select = !analysis_options.keywords.empty() || !analysis_options.rules.empty();
  auto analyzer = analysis::Analyzer::Create(std::move(analysis_options));
  if (!analyzer) return std::move(analyzer).error();
  auto shared = std::make_shared<analysis::Analyzer>(std::move(*analyzer));
  return query::AnalyzeHook([shared, select](query::ConversationRecord& record, std::string_view doc) {
    auto result = shared->Analyze(doc, analysis::ConversationContext{record.sentiment, {}});
    nlohmann::json json = nlohmann::json::object();
    if (!result) {
      json["error"] = result.error().message;
    } else {
      analysis::WriteJson(*result, json);
      if (select && result->hits.empty()) record.excluded_by_analysis = true;
    }
    record.analysis_json = json.dump();
  });
}

int ExitCodeFor(query::RunReport const& report) {
  if (report.fatal_error) {
    auto const code = report.fatal_error->code;
    return code == ErrorCode::kUnauthenticated || code == ErrorCode::kPermissionDenied ? kExitAuth : kExitApi;
  }
  if (report.FailedWindows() > 0) return kExitApi;
  return report.Complete() ? kExitOk : kExitIncomplete;
}

audit::AuditStringMap SanitizedOptions(QueryJobOptions const& o) {
  audit::AuditStringMap m;
  auto const add = [&m](std::string name, std::string const& value) {
    if (!value.empty()) m.emplace_back(std::move(name), value);
  };
  add("from", o.args.from);
  add("to", o.args.to);
  add("last", o.args.last);
  add("format", o.format);
  add("out", o.out);
  add("rules", o.rules_file);
  add("region", o.connection.region);
  add("page_size", std::to_string(o.args.page_size));
  add("concurrency", std::to_string(o.args.concurrency));
  add("webhooks", std::to_string(o.qa_webhooks.size()));
  add("qa_exec", o.qa_exec.empty() ? "" : "set");
  return m;
}

audit::AuditStringMap FilterMap(query::QueryArgs const& a) {
  audit::AuditStringMap m;
  auto const add_list = [&m](std::string name, std::vector<std::string> const& values) {
    std::string joined;
    for (auto const& v : values) joined += (joined.empty() ? "" : ",") + v;
    if (!joined.empty()) m.emplace_back(std::move(name), joined);
  };
  add_list("queue", a.filters.queue_ids);
  add_list("user", a.filters.user_ids);
  add_list("direction", a.filters.directions);
  add_list("division", a.filters.division_ids);
  add_list("wrap_up_code", a.filters.wrap_up_codes);
  add_list("ani", a.filters.anis);
  add_list("dnis", a.filters.dnises);
  add_list("keywords", a.keywords);
  if (!a.sentiment.empty()) m.emplace_back("sentiment", a.sentiment);
  if (!a.min_duration.empty()) m.emplace_back("min_duration", a.min_duration);
  if (!a.max_duration.empty()) m.emplace_back("max_duration", a.max_duration);
  return m;
}

/// The QA side of a run: an outbox per --qa-webhook set, an exec sink, and their fan-out.
struct QaWiring {
  std::unique_ptr<qa::Outbox> outbox;
  std::shared_ptr<qa::ExecQaSink> exec;
  std::shared_ptr<qa::FanoutQaSink> fanout = std::make_shared<qa::FanoutQaSink>();
};

Result<QaWiring> WireQa(QueryJobOptions const& options) {
  QaWiring qa;
  if (!options.qa_webhooks.empty()) {
    std::vector<qa::WebhookDestination> destinations;
    for (auto const& spec : options.qa_webhooks) {
      auto destination = qa::ParseWebhookDestination(spec);
      if (!destination) return std::move(destination).error();
      destinations.push_back(std::move(*destination));
    }
    auto outbox = qa::Outbox::Open(options.state_db.empty() ? kDefaultStateDb : options.state_db);
    if (!outbox) return std::move(outbox).error();
    qa.outbox = std::move(*outbox);
    for (auto const& destination : destinations) GCTQ_TRY(qa.outbox->AddDestination(destination));
    qa.fanout->Add(std::make_shared<qa::OutboxQaSink>(*qa.outbox));
  }
  if (!options.qa_exec.empty()) {
    auto exec = qa::ExecQaSink::Start(options.qa_exec);
    if (!exec) return std::move(exec).error();
    qa.exec = std::move(*exec);
    qa.fanout->Add(qa.exec);
  }
  return qa;
}

void PrintFailure(std::string const& command, Error const& error) {
  fmt::print(stderr, "gctq {}: {}\n", command, error.Describe());
}

}  // namespace

QueryJobOutcome RunQueryJob(QueryJobOptions const& options, std::string const& command) {
  QueryJobOutcome outcome;
  auto const fail = [&](Error const& error, int code) {
    PrintFailure(command, error);
    outcome.exit_code = code;
    return outcome;
  };
  auto const now = std::chrono::floor<query::Millis>(std::chrono::system_clock::now());
  auto request = query::ResolveQueryRequest(options.args, now);
  if (!request) return fail(request.error(), kExitUsage);
  auto format = output::ParseOutputFormat(options.format);
  if (!format) return fail(format.error(), kExitUsage);
  auto config = query::ResolveClientConfig(options.connection);
  if (!config) return fail(config.error(), kExitUsage);
  if (!request->fetch_transcripts && (!request->keywords.empty() || !options.rules_file.empty())) {
    return fail(MakeError(ErrorCode::kInvalidArgument,
                          "--keywords and --rules need transcripts; drop --no-transcripts"),
                kExitUsage);
  }
  query::AnalyzeHook analyze;
  if (request->fetch_transcripts) {
    auto hook = MakeAnalyzeHook(options, *request);
    if (!hook) return fail(hook.error(), kExitUsage);
    analyze = std::move(*hook);
  }
  auto qa = WireQa(options);
  if (!qa) {
    return fail(qa.error(), qa.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitInternal);
  }

  auto latency = std::make_shared<metrics::LatencyRecorder>();
  std::vector<std::shared_ptr<http::CallObserver>> observers{latency};
  std::shared_ptr<audit::AuditLog> audit_log;
  if (!options.audit_log.empty()) {
    audit::AuditLogOptions audit_options;
    audit_options.path = options.audit_log;
    audit_options.sync_each_record = false;  // Synced at every checkpoint and at close.
    auto opened = audit::AuditLog::Open(std::move(audit_options));
    if (!opened) return fail(opened.error(), kExitInternal);
    audit_log = std::move(*opened);
    observers.push_back(std::make_shared<audit::AuditObserver>(audit_log));
    auto started = audit::RecordRunStart(
        *audit_log,
        {config->client_id, "", command, SanitizedOptions(options), FilterMap(options.args), "0.1.0"});
    if (!started) return fail(started.error(), kExitInternal);
  }
  for (auto const& observer : observers) config->observers.push_back(observer);
  std::string const api_base = config->api_base;
  auto transport = http::MakeApiTransport(std::move(*config));
  if (!transport) return fail(transport.error(), kExitUsage);

  std::ofstream file;
  if (!options.out.empty()) {
    file.open(options.out, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!file) {
      return fail(MakeError(ErrorCode::kIo, fmt::format("--out: cannot write '{}'", options.out)),
                  kExitInternal);
    }
  }
  std::ostream& records = options.out.empty() ? std::cout : file;
  std::ostream& report_stream =
      *format == output::OutputFormat::kJsonl ? records : (options.out.empty() ? std::cerr : std::cout);
  auto writer = output::MakeRecordWriter(*format, records, report_stream);
  SummarySink summary;
  ProgressSink progress;
  std::vector<query::RecordSink*> sinks{writer.get(), &summary};
  if (options.progress && ::isatty(STDERR_FILENO) != 0) sinks.push_back(&progress);
  std::unique_ptr<audit::AuditRecordSink> audit_sink;
  if (audit_log) {
    audit_sink = std::make_unique<audit::AuditRecordSink>(audit_log);
    sinks.push_back(audit_sink.get());
  }
  std::unique_ptr<qa::QaRecordSink> qa_sink;
  if (!qa->fanout->empty()) {
    qa_sink = std::make_unique<qa::QaRecordSink>(qa->fanout);
    sinks.push_back(qa_sink.get());
  }
  query::TeeSink sink(sinks);

  query::QueryContext context{*transport, api_base, std::move(analyze), {}, {}};
  auto result = query::RunQuery(*request, context, sink);
  if (!result) return fail(result.error(), kExitUsage);
  records.flush();
  outcome.report = *result;
  outcome.summary = summary.summary();
  outcome.exit_code = ExitCodeFor(*result);
  if (file.is_open() && !file) return fail(MakeError(ErrorCode::kIo, "--out: write failed"), kExitInternal);
  if (result->fatal_error) {
    fmt::print(stderr, "gctq {}: stopped: {}\n", command, result->fatal_error->Describe());
  }

  if (qa->exec) {
    if (auto finished = qa->exec->Finish(); !finished) {
      PrintFailure(command, finished.error());
      outcome.exit_code = std::max(outcome.exit_code, static_cast<int>(kExitIncomplete));
    }
  }
  if (qa_sink && qa_sink->error()) {
    PrintFailure(command, *qa_sink->error());
    outcome.exit_code = kExitInternal;
  }
  if (qa->outbox) {
    qa::DelivererOptions deliverer_options;
    if (audit_log) {
      deliverer_options.on_outcome = [&audit_log](qa::DeliveryOutcome const& delivery) {
        (void)audit::RecordDelivery(*audit_log, delivery);
      };
    }
    auto webhook_transport =
        http::MakeObservedTransport(http::MakeCurlTransport(), observers, http::SystemClock());
    qa::WebhookDeliverer deliverer(*qa->outbox, webhook_transport, std::move(deliverer_options));
    auto delivered = deliverer.Drain(options.qa_max_wait);
    if (!delivered) {
      PrintFailure(command, delivered.error());
      outcome.exit_code = std::max(outcome.exit_code, static_cast<int>(kExitIncomplete));
    } else {
      outcome.delivery = *delivered;
      if (delivered->pending_left > 0 || delivered->dead > 0) {
        fmt::print(stderr, "gctq {}: QA webhooks: {} pending, {} dead-lettered (see `gctq qa status`)\n",
                   command, delivered->pending_left, delivered->dead);
      }
    }
  }

  if (options.fail_on_pii_leak && outcome.summary.pii_status.count("leak") > 0 &&
      outcome.exit_code == kExitOk) {
    outcome.exit_code = kExitIncomplete;
  }
  outcome.latency = latency->Snapshot();
  if (!options.metrics_file.empty()) {
    if (auto written = metrics::WritePrometheusFile(outcome.latency, options.metrics_file); !written) {
      PrintFailure(command, written.error());
      outcome.exit_code = kExitInternal;
    }
  }
  if (audit_log) {
    if (audit_sink && audit_sink->error()) PrintFailure(command, *audit_sink->error());
    std::string const result_word = outcome.exit_code == kExitOk           ? "success"
                                    : outcome.exit_code == kExitIncomplete ? "incomplete"
                                                                           : "failure";
    (void)audit::RecordRunEnd(*audit_log, {result_word, outcome.exit_code, outcome.summary.records, ""});
    if (auto closed = audit_log->Close(); !closed) {
      PrintFailure(command, closed.error());
      outcome.exit_code = kExitInternal;
    }
    outcome.audit_checkpoint = audit_log->LastCheckpoint();
  }
  if (options.print_summary) {
    fmt::print(stderr, "\ngctq {} summary\n{}", command, FormatRunSummary(outcome.summary));
    fmt::print(stderr, "\nlatency per endpoint class\n{}", metrics::FormatLatencyTable(outcome.latency));
    if (!options.out.empty()) {
      fmt::print(stderr, "\nrecords: {} ({}); {}\n", options.out, result->totals.emitted,
                 result->Complete() ? "complete" : "INCOMPLETE (see the report)");
    }
  }
  return outcome;
}

}  // namespace gctq::cli
