// Audit log throughput: verification speed (records/s) on a clean 100,000-record log, and append
// speed with and without a per-record fdatasync. Results are recorded in doc/benchmarks.md "Audit".
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "gctq/audit/audit_log.h"
#include "gctq/audit/audit_verify.h"

namespace {

using gctq::audit::AuditLog;
using gctq::audit::AuditLogOptions;

std::string TempDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "gctq-bench-XXXXXX").string();
  return ::mkdtemp(pattern.data());
}

AuditLogOptions Options(std::string const& dir, bool sync) {
  AuditLogOptions options;
  options.path = dir + "/audit.jsonl";
  options.sync_each_record = sync;
  options.checkpoint_every = 1000;
  return options;
}

void AppendRecords(AuditLog& log, std::int64_t count) {
  for (std::int64_t i = 0; i < count; ++i) {
    (void)log.Append(
        "api.call",
        {{"endpoint_class", std::string("details_page")},
         {"method", std::string("POST")},
         {"url", std::string("https://api.mypurecloud.com/api/v2/analytics/conversations/details/query")},
         {"page", i},
         {"status", std::int64_t{200}},
         {"attempts", std::int64_t{1}},
         {"latency_ms", 123.4}});
  }
}

void BM_AuditVerify100k(benchmark::State& state) {
  auto dir = TempDirectory();
  auto options = Options(dir, false);
  {
    auto log = AuditLog::Open(options);
    AppendRecords(**log, 100'000);
    (void)(*log)->Close();
  }
  std::uint64_t records = 0;
  for (auto _ : state) {
    auto report = gctq::audit::VerifyAuditLog(options.path, {});
    if (!report || !report->ok()) state.SkipWithError("verification failed on a clean log");
    records = report ? report->records : 0;
    benchmark::DoNotOptimize(records);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records));
  state.counters["records"] = static_cast<double>(records);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_AuditVerify100k)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_AuditAppend(benchmark::State& state) {
  auto dir = TempDirectory();
  auto log = AuditLog::Open(Options(dir, state.range(0) != 0));
  for (auto _ : state) AppendRecords(**log, 1);
  state.SetItemsProcessed(state.iterations());
  (void)(*log)->Close();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_AuditAppend)->Arg(0)->Arg(1)->ArgName("fdatasync");

}  // namespace

BENCHMARK_MAIN();
