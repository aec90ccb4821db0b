// `gctq query` end to end against the emulator: wall time, CPU time, peak RSS, API requests per
// conversation and, with the emulator's rate limit on (time-scaled), the share of the allowed rate
// achieved and the number of 429s. Numbers and how to run: doc/benchmarks.md, "## Query".
//
// Every measurement runs in fresh processes started from this binary (fork + exec of
// /proc/self/exe), so that the numbers of one run do not leak into the next:
//   - `--emulator-child ...` hosts the emulator (gctq_emulator::Emulator) and prints its port;
//   - `--query-child ...` runs the query pipeline as `gctq query` does (MakeApiTransport with
//     pacing and retries, RunQuery with the analysis hook, JSONL writer to /dev/null) and prints
//     its counts. Its CPU time and peak RSS (ru_maxrss) come from wait4(), so they are the
//     client's alone: the emulator's generated org does not count.

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gctq/analysis/analyzer.h"
#include "gctq/http/api_client.h"
#include "gctq/http/call_observer.h"
#include "gctq/metrics/latency_recorder.h"
#include "gctq/output/record_writer.h"
#include "gctq/query/query_runner.h"
#include "gctq_emulator/emulator.h"
#include "src/run_summary.h"

namespace {

constexpr int kDays = 30;          // within the 35-day lookback: sync windows, as `gctq query --last 30d`
constexpr int kConcurrency = 8;    // the `gctq query` default
constexpr int kScaledLimit = 300;  // requests per window: the real limit's count ...
constexpr int kScaledWindowS = 5;  // ... in a 5 s window instead of 60 s (60 req/s instead of 5 req/s)
constexpr int kUnlimited = 1'000'000'000;

// ---------------------------------------------------------------------------------------------
// Child processes

/// Counts HTTP attempts below retry/pacing/auth. "API requests" are all but token requests and
/// pre-signed transcript downloads.
class CountingObserver final : public gctq::http::CallObserver {
 public:
  void OnCall(gctq::http::CallRecord const& record) override {
    using gctq::http::EndpointClass;
    if (record.endpoint_class == EndpointClass::kToken) {
      ++tokens;
      return;
    }
    if (record.endpoint_class == EndpointClass::kTranscriptDownload) {
      ++downloads;
      return;
    }
    ++api;
    if (record.status == 429) ++too_many;
    if (record.status == 0 || record.status >= 500) ++errors;
    ++by_class[static_cast<std::size_t>(record.endpoint_class)];
  }
  std::atomic<std::int64_t> api{0}, too_many{0}, errors{0}, downloads{0}, tokens{0};
  std::array<std::atomic<std::int64_t>, gctq::http::kAllEndpointClasses.size()> by_class{};
};

/// The analysis engine behind the Analyze hook, as `gctq query` wires it without --keywords.
gctq::query::AnalyzeHook MakeAnalyzeHook() {
  auto analyzer = gctq::analysis::Analyzer::Create({});
  if (!analyzer) {
    fmt::print(stderr, "analyzer: {}\n", analyzer.error().message);
    std::exit(2);
  }
  auto shared = std::make_shared<gctq::analysis::Analyzer>(std::move(*analyzer));
  return [shared](gctq::query::ConversationRecord& record, std::string_view doc) {
    auto result = shared->Analyze(doc, gctq::analysis::ConversationContext{record.sentiment, {}});
    nlohmann::json json = nlohmann::json::object();
    if (!result)
      json["error"] = result.error().message;
    else
      gctq::analysis::WriteJson(*result, json);
    record.analysis_json = json.dump();
  };
}

double CpuSeconds(rusage const& u) {
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// --query-child BASE_URL ANCHOR_S DAYS SENTIMENT(0|1)
int QueryChild(char** argv) {
  std::string const base = argv[0];
  std::int64_t const anchor_s = std::atoll(argv[1]);
  int const days = std::atoi(argv[2]);
  bool const sentiment = std::atoi(argv[3]) != 0;

  auto observer = std::make_shared<CountingObserver>();
  gctq::http::ClientConfig config;
  config.api_base = base;
  config.login_base = base;
  config.client_id = gctq_emulator::kDemoClientId;
  config.client_secret = gctq_emulator::kDemoClientSecret;
  config.observers.push_back(observer);
  auto latency = std::make_shared<gctq::metrics::LatencyRecorder>();  // as `gctq query` has
  config.observers.push_back(latency);
  auto transport = gctq::http::MakeApiTransport(std::move(config));
  if (!transport) {
    fmt::print(stderr, "transport: {}\n", transport.error().message);
    return 2;
  }
  gctq::query::QueryRequest request;
  request.to = gctq::query::TimePoint(std::chrono::seconds(anchor_s));
  request.from = request.to - std::chrono::days(days);
  request.fetch_sentiment = sentiment;
  request.fetch_transcripts = true;
  request.concurrency = kConcurrency;
  gctq::query::QueryContext context{*transport, base, MakeAnalyzeHook(), {}, {}};

  std::ofstream sink_file("/dev/null", std::ios::binary);
  auto writer = gctq::output::MakeRecordWriter(gctq::output::OutputFormat::kJsonl, sink_file, sink_file);
  gctq::cli::SummarySink summary;
  gctq::query::TeeSink sink({writer.get(), &summary});

  rusage before{}, after{};
  ::getrusage(RUSAGE_SELF, &before);
  auto const start = std::chrono::steady_clock::now();
  auto report = gctq::query::RunQuery(request, context, sink);
  auto const wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::getrusage(RUSAGE_SELF, &after);
  if (!report) {
    fmt::print(stderr, "query: {}\n", report.error().message);
    return 2;
  }
  auto const& totals = report->totals;
  fmt::print("wall_s {}\ncpu_s {}\napi {}\ntoo_many {}\nerrors {}\ndownloads {}\ntokens {}\n", wall,
             CpuSeconds(after) - CpuSeconds(before), observer->api.load(), observer->too_many.load(),
             observer->errors.load(), observer->downloads.load(), observer->tokens.load());
  fmt::print("fetched {}\nemitted {}\ntranscripts {}\nno_transcript {}\ntranscripts_failed {}\ncomplete {}\n",
             totals.fetched, totals.emitted, totals.transcripts_fetched, totals.transcripts_missing,
             totals.transcripts_failed, report->Complete() && !report->fatal_error ? 1 : 0);
  fmt::print("paced_s {}\n", static_cast<double>(latency->Snapshot().total_waited.count()) / 1e6);
  for (std::size_t i = 0; i < gctq::http::kAllEndpointClasses.size(); ++i) {
    if (auto n = observer->by_class[i].load(); n > 0)
      fmt::print("class.{} {}\n", gctq::http::ToString(gctq::http::kAllEndpointClasses[i]), n);
  }
  std::fflush(stdout);
  return report->Complete() && !report->fatal_error ? 0 : 1;
}

/// --emulator-child CONVERSATIONS DAYS ANCHOR_S RATE_REQUESTS RATE_WINDOW_S
/// Prints "port N", serves until stdin closes.
int EmulatorChild(char** argv) {
  gctq_emulator::EmulatorOptions options;
  options.conversations = std::atoi(argv[0]);
  options.days = std::atoi(argv[1]);
  options.anchor_epoch_s = std::atoll(argv[2]);
  options.rate_limit_requests = std::atoi(argv[3]);
  options.rate_limit_window_s = std::atoi(argv[4]);
  gctq_emulator::Emulator emulator(options);
  std::string error;
  if (!emulator.Start(&error)) {
    fmt::print(stderr, "emulator: {}\n", error);
    return 2;
  }
  fmt::print("port {}\n", emulator.port());
  std::fflush(stdout);
  char buffer[64];
  while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
  }
  emulator.Stop();
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The parent: spawning children

struct Child {
  pid_t pid = -1;
  int to_child = -1;    // its stdin
  int from_child = -1;  // its stdout
};

Child Spawn(std::vector<std::string> args) {
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) {
    std::perror("pipe");
    std::exit(2);
  }
  args.insert(args.begin(), "query_bench");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t const pid = ::fork();
  if (pid < 0) {
    std::perror("fork");
    std::exit(2);
  }
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
    ::execv("/proc/self/exe", argv.data());
    std::_Exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  return Child{pid, in[1], out[0]};
}

std::string ReadAll(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, std::size_t(n));
  return text;
}

std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

struct Exit {
  int status = 0;
  rusage usage{};
};

Exit Wait(Child& child) {
  Exit exit;
  if (child.to_child >= 0) ::close(child.to_child);
  ::wait4(child.pid, &exit.status, 0, &exit.usage);
  if (child.from_child >= 0) ::close(child.from_child);
  child = {};
  return exit;
}

/// The emulator in its own process, for the lifetime of this object.
class EmulatorProcess {
 public:
  EmulatorProcess(int conversations, std::int64_t anchor_s, int rate_requests, int rate_window_s) {
    child_ = Spawn({"--emulator-child", std::to_string(conversations), std::to_string(kDays),
                    std::to_string(anchor_s), std::to_string(rate_requests), std::to_string(rate_window_s)});
    std::string const line = ReadLine(child_.from_child);
    if (!line.starts_with("port ")) {
      fmt::print(stderr, "emulator child did not start: '{}'\n", line);
      std::exit(2);
    }
    base_url_ = "http://127.0.0.1:" + line.substr(5);
  }
  ~EmulatorProcess() { Wait(child_); }
  EmulatorProcess(EmulatorProcess const&) = delete;
  EmulatorProcess& operator=(EmulatorProcess const&) = delete;
  [[nodiscard]] std::string const& base_url() const { return base_url_; }

 private:
  Child child_;
  std::string base_url_;
};

struct QueryRun {
  std::map<std::string, double> values;  // as printed by the child
  double cpu_s = 0;                      // of the whole child process (wait4)
  double peak_rss_mib = 0;               // ru_maxrss of the child
  bool ok = false;

  [[nodiscard]] double operator[](std::string const& key) const {
    auto it = values.find(key);
    return it == values.end() ? 0.0 : it->second;
  }
};

QueryRun RunQueryChild(std::string const& base_url, std::int64_t anchor_s, bool sentiment) {
  Child child = Spawn(
      {"--query-child", base_url, std::to_string(anchor_s), std::to_string(kDays), sentiment ? "1" : "0"});
  std::string const text = ReadAll(child.from_child);
  Exit const exit = Wait(child);
  QueryRun run;
  std::istringstream in(text);
  std::string key;
  double value = 0;
  while (in >> key >> value) run.values[key] = value;
  run.cpu_s = CpuSeconds(exit.usage);
  run.peak_rss_mib = static_cast<double>(exit.usage.ru_maxrss) / 1024.0;  // KiB on Linux
  run.ok = WIFEXITED(exit.status) && WEXITSTATUS(exit.status) == 0;
  return run;
}

std::int64_t TodayMidnightUtc() {
  auto const now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::floor<std::chrono::days>(now).time_since_epoch())
      .count();
}

// ---------------------------------------------------------------------------------------------
// Benchmarks

struct SummaryRow {
  std::string name;
  int conversations = 0;
  bool sentiment = false;
  bool rate_limited = false;
  QueryRun run;
};
std::vector<SummaryRow>& Summary() {
  static std::vector<SummaryRow> rows;
  return rows;
}

/// args: conversations, sentiment (0|1), rate limited (0|1)
void BM_Query(benchmark::State& state) {
  int const conversations = static_cast<int>(state.range(0));
  bool const sentiment = state.range(1) != 0;
  bool const limited = state.range(2) != 0;
  std::int64_t const anchor_s = TodayMidnightUtc();
  EmulatorProcess emulator(conversations, anchor_s, limited ? kScaledLimit : kUnlimited,
                           limited ? kScaledWindowS : 60);
  QueryRun run;
  for (auto _ : state) {
    run = RunQueryChild(emulator.base_url(), anchor_s, sentiment);
    state.SetIterationTime(run["wall_s"]);
  }
  if (!run.ok) state.SkipWithError("the query child failed or the run was incomplete");
  double const fetched = std::max(run["fetched"], 1.0);
  double const api = run["api"];
  state.counters["conversations"] = run["fetched"];
  state.counters["wall_s"] = run["wall_s"];
  state.counters["cpu_s"] = run.cpu_s;
  state.counters["peak_rss_MiB"] = run.peak_rss_mib;
  state.counters["api_requests"] = api;
  state.counters["api_per_conv"] = api / fetched;
  state.counters["downloads"] = run["downloads"];
  state.counters["http_429"] = run["too_many"];
  state.counters["conv_per_s"] = run["fetched"] / std::max(run["wall_s"], 1e-9);
  if (limited) {
    double const allowed_per_s = double(kScaledLimit) / kScaledWindowS;
    double const admitted_per_s = (api - run["too_many"]) / std::max(run["wall_s"], 1e-9);
    state.counters["rate_share"] = admitted_per_s / allowed_per_s;
    state.counters["429_share"] = run["too_many"] / std::max(api, 1.0);
  }
  std::string name =
      fmt::format("{} conversations, {}, {}", conversations, sentiment ? "sentiment" : "no sentiment",
                  limited ? fmt::format("limit {}/{}s", kScaledLimit, kScaledWindowS) : "no limit");
  Summary().push_back({std::move(name), conversations, sentiment, limited, run});
}

BENCHMARK(BM_Query)
    ->ArgNames({"conversations", "sentiment", "rate_limited"})
    ->Args({5'000, 0, 0})
    ->Args({5'000, 1, 0})
    ->Args({20'000, 1, 0})
    ->Args({5'000, 0, 1})
    ->Args({5'000, 1, 1})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

void PrintSummary() {
  auto const& rows = Summary();
  if (rows.empty()) return;
  fmt::print("\nquery_bench summary (client process only; emulator in its own process)\n");
  fmt::print("{:<44} {:>8} {:>8} {:>9} {:>8} {:>9} {:>6} {:>6} {:>7}\n", "run", "wall s", "cpu s", "rss MiB",
             "api req", "api/conv", "429", "rate%", "ok");
  for (auto const& row : rows) {
    auto const& r = row.run;
    double const fetched = std::max(r["fetched"], 1.0);
    std::string share = "-";
    if (row.rate_limited) {
      double const allowed_per_s = double(kScaledLimit) / kScaledWindowS;
      share = fmt::format("{:.1f}",
                          100.0 * (r["api"] - r["too_many"]) / std::max(r["wall_s"], 1e-9) / allowed_per_s);
    }
    fmt::print("{:<44} {:>8.2f} {:>8.2f} {:>9.1f} {:>8.0f} {:>9.3f} {:>6.0f} {:>6} {:>7}\n", row.name,
               r["wall_s"], r.cpu_s, r.peak_rss_mib, r["api"], r["api"] / fetched, r["too_many"], share,
               r.ok ? "yes" : "NO");
    std::string classes;
    for (auto const& [key, value] : r.values) {
      if (key.starts_with("class.")) classes += fmt::format(" {}={:.0f}", key.substr(6), value);
    }
    fmt::print(
        "{:<44}   fetched={:.0f} transcripts={:.0f} no_transcript={:.0f} downloads={:.0f} "
        "tokens={:.0f} errors={:.0f} paced_s={:.1f}{}\n",
        "", r["fetched"], r["transcripts"], r["no_transcript"], r["downloads"], r["tokens"], r["errors"],
        r["paced_s"], classes);
  }
  double rss5k = 0, rss20k = 0;
  for (auto const& row : rows) {
    if (row.rate_limited || !row.sentiment) continue;
    if (row.conversations == 5'000) rss5k = row.run.peak_rss_mib;
    if (row.conversations == 20'000) rss20k = row.run.peak_rss_mib;
  }
  if (rss5k > 0 && rss20k > 0)
    fmt::print("peak RSS 20,000 / 5,000 conversations: {:.1f} / {:.1f} MiB = {:.2f}x (target <= 1.2x)\n",
               rss20k, rss5k, rss20k / rss5k);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 6 && std::strcmp(argv[1], "--query-child") == 0) return QueryChild(argv + 2);
  if (argc >= 7 && std::strcmp(argv[1], "--emulator-child") == 0) return EmulatorChild(argv + 2);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  PrintSummary();
  return 0;
}
