// Emulator serving throughput and memory. An in-process emulator (rate limit raised, so this measures
// serving, not throttling) answers details-query pages (pageSize 100) and transcript downloads
// (transcripturl, then the pre-signed URL) to 1 and 4 client threads, with a connection per request
// and on keep-alive connections (clients set TCP_NODELAY, as curl does; the emulator's server does not,
// so a small keep-alive response can wait for the client's delayed ACK). A separate benchmark generates an
// org of 100,000 conversations, serves every page of it and 1,000 transcripts, and reports the process's
// resident memory before, after start and after serving.
#include <benchmark/benchmark.h>
#include <httplib.h>
#include <malloc.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gctq_emulator/emulator.h"

namespace {

using gctq_emulator::Emulator;
using gctq_emulator::EmulatorOptions;
using Json = nlohmann::json;

constexpr std::int64_t kDayS = 86'400;
constexpr int kPageSize = 100;

std::int64_t TodayMidnightS() {
  auto const now = std::chrono::system_clock::now().time_since_epoch();
  std::int64_t const now_s = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  return now_s - now_s % kDayS;
}

std::string IsoUtc(std::int64_t epoch_s) {
  std::time_t const time = epoch_s;
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return text;
}

/// Details-query intervals of at most 7 days covering [anchor - days, anchor), newest first.
std::vector<std::string> Intervals(std::int64_t anchor_s, int days) {
  std::vector<std::string> intervals;
  for (std::int64_t end = anchor_s; end > anchor_s - days * kDayS; end -= 7 * kDayS)
    intervals.push_back(IsoUtc(std::max(end - 7 * kDayS, anchor_s - days * kDayS)) + "/" + IsoUtc(end));
  return intervals;
}

EmulatorOptions ServingOptions(int conversations, std::int64_t anchor_s) {
  EmulatorOptions options;
  options.conversations = conversations;
  options.anchor_epoch_s = anchor_s;
  options.rate_limit_requests = 1'000'000'000;
  return options;
}

/// The conversation and the customer's voice session: what a transcript URL is asked for.
struct TranscriptRef {
  std::string conversation_id;
  std::string communication_id;
};

std::vector<TranscriptRef> TranscriptRefs(Json const& page) {
  std::vector<TranscriptRef> refs;
  for (auto const& conversation : page.value("conversations", Json::array()))
    for (auto const& participant : conversation["participants"]) {
      if (participant.value("purpose", "") != "customer") continue;
      for (auto const& session : participant["sessions"])
        if (session.value("mediaType", "") == "voice")
          refs.push_back({conversation["conversationId"], session["sessionId"]});
    }
  return refs;
}

std::string FetchToken(std::string const& base_url) {
  httplib::Client http(base_url);
  http.set_basic_auth(gctq_emulator::kDemoClientId, gctq_emulator::kDemoClientSecret);
  auto const response =
      http.Post("/oauth/token", "grant_type=client_credentials", "application/x-www-form-urlencoded");
  if (!response || response->status != 200) return {};
  return Json::parse(response->body).value("access_token", "");
}

/// A client of an emulator with its bearer token: one keep-alive connection, or one per request.
class ApiClient {
 public:
  ApiClient(std::string const& base_url, std::string const& token, bool keep_alive = false)
      : base_url_(base_url), http_(base_url), auth_{{"Authorization", "Bearer " + token}} {
    http_.set_keep_alive(keep_alive);
    http_.set_tcp_nodelay(true);
  }

  /// The page's body, or nothing unless the emulator answered 200.
  std::optional<std::string> DetailsPage(std::string const& interval, int page_number) {
    Json const query = {{"interval", interval},
                        {"paging", {{"pageSize", kPageSize}, {"pageNumber", page_number}}},
                        {"order", "asc"}};
    auto const response =
        http_.Post("/api/v2/analytics/conversations/details/query", auth_, query.dump(), "application/json");
    if (!response || response->status != 200) return std::nullopt;
    return response->body;
  }

  /// Asks for the transcript URL and downloads it (no bearer): the document's size, or nothing.
  std::optional<std::size_t> Transcript(TranscriptRef const& ref) {
    auto const located = http_.Get("/api/v2/speechandtextanalytics/conversations/" + ref.conversation_id +
                                       "/communications/" + ref.communication_id + "/transcripturl",
                                   auth_);
    if (!located || located->status != 200) return std::nullopt;
    std::string const url = Json::parse(located->body).value("url", "");
    if (!url.starts_with(base_url_)) return std::nullopt;
    auto const document = http_.Get(url.substr(base_url_.size()));
    if (!document || document->status != 200) return std::nullopt;
    return document->body.size();
  }

 private:
  std::string base_url_;
  httplib::Client http_;
  httplib::Headers auth_;
};

/// The emulator the throughput benchmarks share: 5,000 conversations over 30 days (the defaults).
struct Served {
  std::unique_ptr<Emulator> emulator;
  std::string token;
  std::string interval;  ///< The newest 7 days.
  int pages = 0;
  std::vector<TranscriptRef> transcripts;  ///< Ones that have a transcript.
  std::string error;
};

Served StartServed() {
  Served served;
  std::int64_t const anchor_s = TodayMidnightS();
  served.emulator = std::make_unique<Emulator>(ServingOptions(5000, anchor_s));
  if (!served.emulator->Start(&served.error)) return served;
  served.token = FetchToken(served.emulator->base_url());
  ApiClient client(served.emulator->base_url(), served.token);
  served.interval = Intervals(anchor_s, 7).front();
  auto const first = client.DetailsPage(served.interval, 1);
  if (!first) {
    served.error = "details query failed";
    return served;
  }
  Json const page = Json::parse(*first);
  served.pages = int((page.value("totalHits", 0) + kPageSize - 1) / kPageSize);
  for (auto const& ref : TranscriptRefs(page))
    if (client.Transcript(ref)) served.transcripts.push_back(ref);
  if (served.pages == 0 || served.transcripts.empty()) served.error = "no pages or no transcripts";
  return served;
}

Served const& Shared() {
  static Served const served = StartServed();
  return served;
}

struct Memory {
  double rss_mb = 0;
  double hwm_mb = 0;
};

Memory ReadMemory() {
  Memory memory;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) memory.rss_mb = std::stod(line.substr(6)) / 1024;
    if (line.starts_with("VmHWM:")) memory.hwm_mb = std::stod(line.substr(6)) / 1024;
  }
  return memory;
}

/// Generates and starts an emulator of `state.range(0)` conversations, serves every details page
/// of its 30 days and 1,000 transcripts, and reports resident memory (MB) along the way and after
/// malloc_trim.
void BM_EmulatorMemory(benchmark::State& state) {
  constexpr int kTranscripts = 1000;
  for (auto _ : state) {
    Memory const before = ReadMemory();
    std::int64_t const anchor_s = TodayMidnightS();
    auto const start = std::chrono::steady_clock::now();
    Emulator emulator(ServingOptions(int(state.range(0)), anchor_s));
    std::string error;
    if (!emulator.Start(&error)) return state.SkipWithError(error.c_str());
    double const start_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Memory const started = ReadMemory();

    ApiClient client(emulator.base_url(), FetchToken(emulator.base_url()));
    int pages = 0, transcripts = 0;
    for (auto const& interval : Intervals(anchor_s, 30))
      for (int number = 1;; ++number) {
        auto const body = client.DetailsPage(interval, number);
        if (!body) return state.SkipWithError("details query failed");
        Json const page = Json::parse(*body);
        if (!page.contains("conversations")) break;
        ++pages;
        for (auto const& ref : TranscriptRefs(page))
          if (transcripts < kTranscripts && client.Transcript(ref)) ++transcripts;
      }
    Memory const served = ReadMemory();
    malloc_trim(0);  // What is left is live data, not freed memory the allocator kept.
    Memory const trimmed = ReadMemory();

    state.counters["start_s"] = start_s;
    state.counters["pages"] = pages;
    state.counters["transcripts"] = transcripts;
    state.counters["rss_before_MB"] = before.rss_mb;
    state.counters["rss_started_MB"] = started.rss_mb;
    state.counters["hwm_started_MB"] = started.hwm_mb;
    state.counters["rss_served_MB"] = served.rss_mb;
    state.counters["hwm_served_MB"] = served.hwm_mb;
    state.counters["rss_trimmed_MB"] = trimmed.rss_mb;
  }
}
// Registered first: the process has not yet grown from the other benchmarks' shared emulator.
BENCHMARK(BM_EmulatorMemory)->Arg(100'000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

/// Connection per request and keep-alive, 1 and 4 client threads. CPU time is the whole process's:
/// the emulator's serving threads and the clients.
void ClientModes(benchmark::internal::Benchmark* benchmark) {
  benchmark->ArgName("keep_alive")->Arg(0)->Arg(1)->Threads(1)->Threads(4);
  benchmark->UseRealTime()->MeasureProcessCPUTime();
}

void BM_DetailsPages(benchmark::State& state) {
  Served const& served = Shared();
  if (!served.error.empty()) return state.SkipWithError(served.error.c_str());
  ApiClient client(served.emulator->base_url(), served.token, state.range(0) != 0);
  int page = state.thread_index();
  std::int64_t bytes = 0;
  for (auto _ : state) {
    auto const body = client.DetailsPage(served.interval, page++ % served.pages + 1);
    if (!body) return state.SkipWithError("details query failed");
    bytes += std::int64_t(body->size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_DetailsPages)->Apply(ClientModes);

void BM_TranscriptDownloads(benchmark::State& state) {
  Served const& served = Shared();
  if (!served.error.empty()) return state.SkipWithError(served.error.c_str());
  ApiClient client(served.emulator->base_url(), served.token, state.range(0) != 0);
  std::size_t next = std::size_t(state.thread_index());
  std::int64_t bytes = 0;
  for (auto _ : state) {
    auto const size = client.Transcript(served.transcripts[next++ % served.transcripts.size()]);
    if (!size) return state.SkipWithError("transcript download failed");
    bytes += std::int64_t(*size);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
  state.counters["requests"] =
      benchmark::Counter(double(2 * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TranscriptDownloads)->Apply(ClientModes);

}  // namespace

BENCHMARK_MAIN();
