// End to end against the in-process emulator: the set of conversations RunQuery returns equals the
// emulator's ground truth for several filter combinations (with window splitting and async jobs),
// every transcript it has is fetched, and faults do not change the records written.

#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "gctq/http/api_client.h"
#include "gctq/output/record_writer.h"
#include "gctq/query/query_runner.h"
#include "gctq_emulator/emulator.h"
#include "query/collecting_sink.h"

namespace gctq::query {
namespace {

using nlohmann::json;
using std::chrono::days;

constexpr int kDays = 50;  // beyond the 35-day lookback: the oldest windows go async

class EmulatorEnvironment {
 public:
  static EmulatorEnvironment& Get() {
    static EmulatorEnvironment env;
    return env;
  }
  std::string base_url() const { return emulator_->base_url(); }
  std::vector<json> const& truth() const { return truth_; }
  TimePoint anchor() const { return anchor_; }

 private:
  EmulatorEnvironment() {
    auto truth_path =
        std::filesystem::temp_directory_path() / ("gctq_query_e2e_truth_" + std::to_string(::getpid()));
    gctq_emulator::EmulatorOptions options;
    options.conversations = 400;
    options.days = kDays;
    options.job_delay_ms = 30;
    options.rate_limit_requests = 1'000'000;
    options.truth_path = truth_path.string();
    emulator_ = std::make_unique<gctq_emulator::Emulator>(options);
    std::string error;
    if (!emulator_->Start(&error)) throw std::runtime_error("emulator: " + error);
    std::ifstream in(truth_path);
    for (std::string line; std::getline(in, line);) truth_.push_back(json::parse(line));
    std::filesystem::remove(truth_path);
    auto now = std::chrono::system_clock::now();
    anchor_ = std::chrono::floor<days>(std::chrono::floor<Millis>(now));
  }
  std::unique_ptr<gctq_emulator::Emulator> emulator_;
  std::vector<json> truth_;
  TimePoint anchor_;
};

std::shared_ptr<http::Transport> Transport(std::string const& base) {
  http::ClientConfig config;
  config.api_base = base;
  config.login_base = base;
  config.client_id = gctq_emulator::kDemoClientId;
  config.client_secret = gctq_emulator::kDemoClientSecret;
  auto transport = http::MakeApiTransport(config);
  EXPECT_TRUE(transport.ok()) << transport.error().message;
  return *transport;
}

/// Async job polls sleep 250 ms, then longer; the emulator's jobs take 30 ms here. Sleeping at most
/// 10 ms between polls keeps the test fast without changing what is polled or returned.
void ShortSleep(Millis d) {
  std::this_thread::sleep_for(std::min(d, Millis(10)));
}

bool Contains(json const& list, std::string const& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

class QueryE2eTest : public ::testing::Test {
 protected:
  EmulatorEnvironment& env = EmulatorEnvironment::Get();

  QueryRequest Request() {
    QueryRequest r;
    r.from = env.anchor() - days{kDays};
    r.to = env.anchor();
    return r;
  }

  std::set<std::string> Expected(std::function<bool(json const&)> const& match) {
    std::set<std::string> ids;
    for (auto const& t : env.truth()) {
      auto start = *ParseIsoTime("start", t["start"].get<std::string>());
      if (start >= Request().from && start < Request().to && match(t)) ids.insert(t["conversationId"]);
    }
    return ids;
  }

  std::set<std::string> Run(QueryRequest const& request, testing::CollectingSink& sink) {
    QueryContext context{Transport(env.base_url()), env.base_url(), {}, {}, ShortSleep};
    auto report = RunQuery(request, context, sink);
    EXPECT_TRUE(report.ok()) << report.error().message;
    EXPECT_TRUE(report->Complete());
    EXPECT_FALSE(report->fatal_error.has_value()) << report->fatal_error->Describe();
    auto ids = sink.Ids();
    std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size()) << "duplicates in the output";
    return unique;
  }
};

TEST_F(QueryE2eTest, AllConversationsWithTranscriptsAcrossSyncAndAsyncWindows) {
  ASSERT_GT(env.truth().size(), 300u);
  testing::CollectingSink sink;
  auto request = Request();
  request.fetch_sentiment = true;
  auto ids = Run(request, sink);
  EXPECT_EQ(ids, Expected([](json const&) { return true; }));
  auto const& windows = sink.run.windows;
  EXPECT_TRUE(std::any_of(windows.begin(), windows.end(),
                          [](auto const& w) { return w.window.mode == WindowMode::kAsync; }));
  EXPECT_TRUE(std::any_of(windows.begin(), windows.end(),
                          [](auto const& w) { return w.window.mode == WindowMode::kSync; }));
  std::map<std::string, json const*> truth;
  for (auto const& t : env.truth()) truth[t["conversationId"]] = &t;
  int transcripts = 0;
  for (auto const& r : sink.records) {
    json const& t = *truth.at(r.conversation.conversation_id);
    SCOPED_TRACE(r.conversation.conversation_id);
    EXPECT_EQ(r.conversation.communication_id, t["communicationId"]);
    EXPECT_EQ(r.conversation.originating_direction, t["direction"]);
    bool const has = t["hasTranscript"];
    EXPECT_EQ(r.transcript_status, has ? TranscriptStatus::kFetched : TranscriptStatus::kNoTranscript);
    transcripts += has ? 1 : 0;
    if (t["sentimentScore"].is_number()) {
      ASSERT_TRUE(r.sentiment.has_value());
      EXPECT_NEAR(*r.sentiment, t["sentimentScore"].get<double>() * 100.0, 1e-9);
    }
  }
  EXPECT_EQ(sink.run.totals.transcripts_fetched, transcripts);
  EXPECT_GT(transcripts, 0);
}

TEST_F(QueryE2eTest, FilterCombinationsMatchTheGroundTruth) {
  std::map<std::string, int> queue_use, user_use, wrap_use, division_use;
  for (auto const& t : env.truth()) {
    for (auto const& q : t["queueIds"]) ++queue_use[q];
    for (auto const& u : t["userIds"]) ++user_use[u];
    for (auto const& w : t["wrapUpCodeIds"]) ++wrap_use[w];
    for (auto const& d : t["divisionIds"]) ++division_use[d];
  }
  auto most = [](auto const& m) {
    return std::max_element(m.begin(), m.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  };
  std::string const queue = most(queue_use), user = most(user_use), wrap = most(wrap_use);
  std::string const division = most(division_use);
  struct Combo {
    char const* name;
    std::function<void(QueryRequest&)> set;
    std::function<bool(json const&)> match;
  };
  auto duration_ms = [](json const& t) -> std::int64_t {
    if (t["end"].is_null()) return -1;
    return (*ParseIsoTime("e", t["end"].get<std::string>()) -
            *ParseIsoTime("s", t["start"].get<std::string>()))
        .count();
  };
  std::vector<Combo> combos = {
      {"outbound", [](auto& r) { r.filters.directions = {"outbound"}; },
       [](json const& t) { return t["direction"] == "outbound"; }},
      {"queue", [&](auto& r) { r.filters.queue_ids = {queue}; },
       [&](json const& t) { return Contains(t["queueIds"], queue); }},
      {"user+inbound",
       [&](auto& r) {
         r.filters.user_ids = {user};
         r.filters.directions = {"inbound"};
       },
       [&](json const& t) { return Contains(t["userIds"], user) && t["direction"] == "inbound"; }},
      {"wrap-up", [&](auto& r) { r.filters.wrap_up_codes = {wrap}; },
       [&](json const& t) { return Contains(t["wrapUpCodeIds"], wrap); }},
      {"division", [&](auto& r) { r.filters.division_ids = {division}; },
       [&](json const& t) { return Contains(t["divisionIds"], division); }},
      {"5m..20m",
       [](auto& r) {
         r.filters.min_duration_ms = 300'000;
         r.filters.max_duration_ms = 1'200'000;
       },
       [&](json const& t) {
         auto d = duration_ms(t);
         return d >= 300'000 && d <= 1'200'000;
       }},
  };
  for (auto const& combo : combos) {
    SCOPED_TRACE(combo.name);
    testing::CollectingSink sink;
    auto request = Request();
    request.fetch_transcripts = false;
    combo.set(request);
    auto expected = Expected(combo.match);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Run(request, sink), expected);
  }
}

TEST_F(QueryE2eTest, WindowsAboveTheResultCapAreSplit) {
  testing::CollectingSink sink;
  auto request = Request();
  request.fetch_transcripts = false;
  request.page_size = 20;
  request.result_cap = 60;
  EXPECT_EQ(Run(request, sink), Expected([](json const&) { return true; }));
  EXPECT_TRUE(std::any_of(sink.run.windows.begin(), sink.run.windows.end(),
                          [](auto const& w) { return w.window.split_depth > 0; }));
}

std::vector<std::string> RecordLines(std::string const& base, QueryRequest const& request) {
  std::ostringstream out, report;
  auto writer = output::MakeRecordWriter(output::OutputFormat::kJsonl, out, report);
  QueryContext context{Transport(base), base, {}, {}, ShortSleep};
  auto run = RunQuery(request, context, *writer);
  EXPECT_TRUE(run.ok());
  EXPECT_TRUE(run->Complete());
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    if (line.find(R"("type":"conversation")") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

TEST_F(QueryE2eTest, FaultsDoNotChangeTheRecords) {
  gctq_emulator::EmulatorOptions options;
  options.conversations = 400;
  options.days = kDays;
  options.job_delay_ms = 30;
  options.rate_limit_requests = 1'000'000;
  // One expired URL: the client re-asks once (by design), and with 8 workers sharing the emulator's
  // process-wide fault counter, a second expired URL could go to the same conversation's re-ask.
  options.faults =
      "details:503x2,jobs:500x1,sta:429x2,s3:reset-after-1kbx2,s3:truncatex2,expire-urlx1,drift,revoke-"
      "tokenx1";
  gctq_emulator::Emulator faulty(options);
  std::string error;
  ASSERT_TRUE(faulty.Start(&error)) << error;
  auto request = Request();
  request.from = env.anchor() - days{10};
  request.fetch_sentiment = true;
  auto clean = RecordLines(env.base_url(), request);
  auto under_faults = RecordLines(faulty.base_url(), request);
  EXPECT_FALSE(clean.empty());
  EXPECT_EQ(clean, under_faults);
  for (auto const& line : under_faults) EXPECT_EQ(line.find("X-Amz"), std::string::npos);
}

}  // namespace
}  // namespace gctq::query
