// Analysis over an on-disk archive (issue 5): a generated archive of at least 1 GB of transcript JSON
// Lines (the emulator's generator, Genesys transcript shape) scanned with 1, 100 and 10,000 rules,
// PII on and off. Reports MB/s per core (bytes of transcript JSON per CPU second) and peak RSS.
//
// Two measurements per configuration:
// - BM_ArchiveInProcess: this process streams the archive the way `gctq scan` does (one line, one
//   document at a time: Analyze, WriteJson, dump) on one thread. Peak RSS is VmHWM after resetting
//   it (/proc/self/clear_refs = 5) before the configuration; an upper bound, since the allocator
//   keeps memory freed by earlier rows.
// - BM_ArchiveGctqScan: runs the real `gctq scan --rules ... --out /dev/null ARCHIVE` as a child
//   process (spawned from a small helper process, see Measure); CPU time (user + sys) and ru_maxrss
//   come from wait4, per process and honest. The `files:1` row scans one archive file only: peak
//   RSS must not depend on the archive size.
//
// Environment: GCTQ_BENCH_ARCHIVE = archive folder (default: <tmp>/gctq-analysis-archive; kept
// between runs, delete it when done), GCTQ_BENCH_ARCHIVE_MB = size (default 1024 MiB),
// GCTQ_BINARY = the gctq executable (default: the one this build made).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gctq/analysis/analyzer.h"
#include "generator/generate.h"
#include "server/json_mapping.h"

namespace {

namespace fs = std::filesystem;
using gctq::analysis::AnalysisOptions;
using gctq::analysis::Analyzer;

constexpr char kArchiveVersion[] = "gctq-analysis-archive v1";
constexpr std::uintmax_t kFileBytes = 64u << 20;  ///< Each part-NNN.jsonl is about this size.

std::string Env(char const* name, std::string fallback) {
  char const* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

fs::path ArchiveDir() {
  return Env("GCTQ_BENCH_ARCHIVE", (fs::temp_directory_path() / "gctq-analysis-archive").string());
}

std::uintmax_t ArchiveTargetBytes() {
  return std::stoull(Env("GCTQ_BENCH_ARCHIVE_MB", "1024")) << 20;
}

std::vector<fs::path> ArchiveFiles(fs::path const& dir) {
  std::vector<fs::path> files;
  for (auto const& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// Generates the archive once (JSON Lines, one transcript document per line, the emulator's
/// conversations with their PII leaks and masks); a COMPLETE marker makes later runs reuse it.
fs::path EnsureArchive() {
  static fs::path const dir = [] {
    fs::path dir = ArchiveDir();
    std::uintmax_t const target = ArchiveTargetBytes();
    std::string const marker = std::string(kArchiveVersion) + " " + std::to_string(target);
    {
      std::ifstream in(dir / "COMPLETE");
      std::string line;
      if (in && std::getline(in, line) && line == marker) return dir;
    }
    fs::create_directories(dir);
    for (auto const& f : ArchiveFiles(dir)) fs::remove(f);
    fs::remove(dir / "COMPLETE");
    std::cerr << "generating " << (target >> 20) << " MiB of transcripts in " << dir << " ...\n";
    auto const started = std::chrono::steady_clock::now();
    std::uintmax_t total = 0, docs = 0;
    int part = 0;
    std::ofstream out;
    std::uintmax_t in_file = 0;
    for (std::uint64_t seed = 5; total < target; ++seed) {
      gctq_emulator::GeneratorSettings settings;
      settings.seed = seed;
      settings.conversations = 20'000;
      settings.days = 90;
      settings.anchor_epoch_s = 1'750'032'000;  // Fixed, so the archive is the same every day.
      auto org = gctq_emulator::GenerateOrg(settings);
      for (std::size_t i = 0; i < org->size() && total < target; ++i) {
        auto transcript = org->Transcript(i);
        if (!transcript) continue;
        std::string line = gctq_emulator::server::TranscriptToJson(*transcript).dump();
        line += '\n';
        if (!out.is_open() || in_file >= kFileBytes) {
          if (out.is_open()) out.close();
          char name[32];
          std::snprintf(name, sizeof name, "part-%03d.jsonl", part++);
          out.open(dir / name, std::ios::binary | std::ios::trunc);
          in_file = 0;
        }
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        in_file += line.size();
        total += line.size();
        ++docs;
      }
    }
    out.close();
    if (!out) {
      std::cerr << "cannot write the archive in " << dir << "\n";
      std::exit(1);
    }
    std::ofstream(dir / "COMPLETE") << marker << "\n";
    double const s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "generated " << docs << " documents, " << total << " bytes, " << part << " files in " << s
              << " s\n";
    return dir;
  }();
  return dir;
}

/// Realistic rule sets (as in analysis_scan_bench): every rule has its own terms (kw<N>) combined with
/// the emulator's keyword vocabulary (phrases, NEAR/5, prefix wildcards with AND NOT, OR of AND,
/// speaker and first-N-seconds scopes); one rule in 200 uses a vocabulary word as its own term, so a
/// conversation fires a handful of rules however many there are.
std::string RulesToml(int count) {
  static std::vector<std::string> const vocabulary = gctq_emulator::KeywordVocabulary();
  std::string toml;
  for (int i = 0; i < count; ++i) {
    std::string const n = std::to_string(i), a = "kw" + std::to_string(2 * i);
    std::string const b =
        i % 200 == 0 ? vocabulary[(i / 200 * 7) % vocabulary.size()] : "kw" + std::to_string(2 * i + 1);
    std::string const common = vocabulary[(i * 31) % vocabulary.size()];
    toml += "[[rule]]\nname = \"r" + n + "\"\nversion = 1\n";
    switch (i % 4) {
      case 0: toml += "match = '\"" + common + " " + a + "\" OR " + b + "'\n"; break;
      case 1: toml += "match = '" + a + " NEAR/5 " + common + "'\nspeaker = \"customer\"\n"; break;
      case 2: toml += "match = '(" + a + "* OR " + b + ") AND NOT " + common + "'\n"; break;
      default: toml += "match = '" + a + " OR (" + common + " AND " + b + ")'\nfirst_seconds = 30\n"; break;
    }
  }
  return toml;
}

fs::path RulesFile(int count) {
  fs::path path = EnsureArchive() / ("rules-" + std::to_string(count) + ".toml");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << RulesToml(count);
  return path;
}

/// VmHWM (peak resident set) of this process in bytes; 0 when /proc is not there.
std::uint64_t PeakRssBytes() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

/// Resets VmHWM to the current RSS (Linux >= 4.0), so the next reading is this configuration's peak.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

struct ScanStats {
  std::uint64_t bytes = 0, documents = 0, errors = 0, hits = 0, leaks = 0, output_bytes = 0;
};

/// What `gctq scan` does per file: getline, Analyze, WriteJson, dump (the record is discarded).
void ScanFile(Analyzer const& analyzer, fs::path const& path, ScanStats& stats) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    stats.bytes += line.size() + 1;
    ++stats.documents;
    auto result = analyzer.Analyze(line);
    nlohmann::json record{{"source", path.filename().string()}};
    if (!result) {
      ++stats.errors;
      record["error"] = result.error().message;
    } else {
      stats.hits += result->hits.size();
      if (result->pii_status == gctq::analysis::PiiStatus::kLeak) ++stats.leaks;
      gctq::analysis::WriteJson(*result, record);
    }
    stats.output_bytes += record.dump().size() + 1;
  }
}

std::string Label(benchmark::State const& state) {
  return std::to_string(state.range(0)) + " rules, PII " + (state.range(1) ? "on" : "off");
}

void BM_ArchiveInProcess(benchmark::State& state) {
  fs::path const dir = EnsureArchive();
  auto const files = ArchiveFiles(dir);
  AnalysisOptions options;
  auto rules = gctq::analysis::ParseRuleFile(RulesToml(static_cast<int>(state.range(0))), "bench.toml");
  if (!rules) {
    state.SkipWithError(rules.error().message.c_str());
    return;
  }
  options.rules = std::move(*rules);
  options.pii = state.range(1) != 0;
  bool const reset = ResetPeakRss();
  auto analyzer = Analyzer::Create(std::move(options));
  if (!analyzer) {
    state.SkipWithError(analyzer.error().message.c_str());
    return;
  }
  ScanStats stats;
  for (auto _ : state)
    for (auto const& f : files) ScanFile(*analyzer, f, stats);
  state.SetBytesProcessed(static_cast<std::int64_t>(stats.bytes));
  state.counters["MB/s/core"] = benchmark::Counter(stats.bytes / 1e6, benchmark::Counter::kIsRate);
  state.counters["GB"] = stats.bytes / 1e9 / state.iterations();
  state.counters["docs"] = static_cast<double>(stats.documents / state.iterations());
  state.counters["errors"] = static_cast<double>(stats.errors / state.iterations());
  state.counters["hits/doc"] = stats.documents ? static_cast<double>(stats.hits) / stats.documents : 0;
  state.counters["leak_docs"] = static_cast<double>(stats.leaks / state.iterations());
  state.counters["peak_RSS_MB"] = PeakRssBytes() / 1e6;
  state.SetLabel(Label(state) + (reset ? "" : " (VmHWM not reset: peak of the whole process)"));
}
BENCHMARK(BM_ArchiveInProcess)
    ->ArgNames({"rules", "pii"})
    ->ArgsProduct({{1, 100, 10000}, {0, 1}})
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

std::string GctqBinary() {
#ifdef GCTQ_BINARY
  return Env("GCTQ_BINARY", GCTQ_BINARY);
#else
  return Env("GCTQ_BINARY", "gctq");
#endif
}

struct ChildRun {
  int exit_code = -1;
  double cpu_s = 0, wall_s = 0;
  std::uint64_t max_rss_bytes = 0;
  std::string stderr_text;
};

/// Runs argv (stdin and stdout inherited, stderr to `stderr_path`), bounded by `timeout`, and reads its
/// CPU time and ru_maxrss from wait4. Called in a fresh, small process (this binary re-executed with
/// --spawn-and-measure): Linux keeps the pre-exec high-water mark in ru_maxrss, so a child forked
/// straight from the benchmark would report the benchmark's own RSS.
ChildRun Measure(std::vector<std::string> const& argv, fs::path const& stderr_path,
                 std::chrono::seconds timeout) {
  ChildRun run;
  auto const started = std::chrono::steady_clock::now();
  pid_t const pid = fork();
  if (pid < 0) return run;
  if (pid == 0) {
    int err_fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err_fd, 2);
    std::vector<char*> args;
    for (auto const& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (true) {
    pid_t const r = wait4(pid, &status, WNOHANG, &usage);
    if (r == pid) break;
    if (r < 0) return run;
    if (std::chrono::steady_clock::now() - started > timeout) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      run.exit_code = -2;
      return run;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
              usage.ru_stime.tv_usec / 1e6;
  run.max_rss_bytes = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux: kilobytes
  return run;
}

/// --spawn-and-measure RESULT_FILE TIMEOUT_S STDERR_FILE COMMAND...: Measure, then write
/// "exit cpu_s wall_s max_rss_bytes" to RESULT_FILE.
int SpawnAndMeasure(int argc, char** argv) {
  std::vector<std::string> command(argv + 5, argv + argc);
  ChildRun run = Measure(command, argv[4], std::chrono::seconds(std::stoi(argv[3])));
  std::ofstream(argv[2]) << run.exit_code << ' ' << run.cpu_s << ' ' << run.wall_s << ' ' << run.max_rss_bytes
                         << '\n';
  return 0;
}

ChildRun RunChild(std::vector<std::string> const& argv, fs::path const& stderr_path,
                  std::chrono::seconds timeout) {
  fs::path const result_path = stderr_path.string() + ".rusage";
  fs::remove(result_path);
  std::vector<std::string> spawn = {"/proc/self/exe", "--spawn-and-measure", result_path.string(),
                                    std::to_string(timeout.count()), stderr_path.string()};
  spawn.insert(spawn.end(), argv.begin(), argv.end());
  pid_t const pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    std::vector<char*> args;
    for (auto const& a : spawn) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);  // The spawner bounds the run by `timeout`.
  ChildRun run;
  std::ifstream result(result_path);
  result >> run.exit_code >> run.cpu_s >> run.wall_s >> run.max_rss_bytes;
  std::ifstream in(stderr_path);
  run.stderr_text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return run;
}

void BM_ArchiveGctqScan(benchmark::State& state) {
  fs::path const dir = EnsureArchive();
  auto files = ArchiveFiles(dir);
  bool const one_file = state.range(2) == 1;
  if (one_file) files.resize(1);
  std::uint64_t bytes = 0;
  for (auto const& f : files) bytes += fs::file_size(f);
  std::vector<std::string> argv = {GctqBinary(), "scan", "--rules",
                                   RulesFile(static_cast<int>(state.range(0))).string()};
  if (state.range(1) == 0) argv.push_back("--no-pii");
  argv.insert(argv.end(), {"--out", "/dev/null", one_file ? files[0].string() : dir.string()});
  ChildRun run;
  for (auto _ : state) {
    run = RunChild(argv, dir / "gctq-scan.stderr", std::chrono::seconds(1800));
    if (run.exit_code != 0 && run.exit_code != 1) {
      state.SkipWithError(
          ("gctq scan exited " + std::to_string(run.exit_code) + ": " + run.stderr_text).c_str());
      return;
    }
    state.SetIterationTime(run.cpu_s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
  state.counters["MB/s/core"] =
      benchmark::Counter(static_cast<double>(bytes * state.iterations()) / 1e6, benchmark::Counter::kIsRate);
  state.counters["GB"] = bytes / 1e9;
  state.counters["wall_s"] = run.wall_s;
  state.counters["peak_RSS_MB"] = run.max_rss_bytes / 1e6;
  // The last stderr line is the summary: "gctq scan: N documents, E errors, L with PII leaks".
  std::string summary = run.stderr_text;
  while (!summary.empty() && summary.back() == '\n') summary.pop_back();
  summary = summary.substr(summary.rfind('\n') == std::string::npos ? 0 : summary.rfind('\n') + 1);
  state.SetLabel(Label(state) + (one_file ? ", 1 file" : "") + " | " + summary);
}
BENCHMARK(BM_ArchiveGctqScan)
    ->ArgNames({"rules", "pii", "files"})
    ->ArgsProduct({{1, 100, 10000}, {0, 1}, {0}})
    ->Args({10000, 1, 1})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc > 5 && std::string_view(argv[1]) == "--spawn-and-measure") return SpawnAndMeasure(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
