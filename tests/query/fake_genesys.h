#pragma once

// A tiny scripted Genesys service over FakeTransport for the query/transcript unit tests: the
// details query (interval + paging, exact totalHits), async jobs, transcripturl, the pre-signed
// download and the STA conversation. Knobs inject the anomalies the client must survive.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gctq/query/iso_time.h"
#include "http/fake_transport.h"

namespace gctq::testing {

struct FakeConversation {
  std::string id;
  std::int64_t start_ms = 0;
  bool has_transcript = true;
  std::optional<double> sentiment_score;  ///< API scale -1..1; nullopt = not analysed (404).
  std::string direction = "inbound";
};

class FakeGenesys {
 public:
  static constexpr char kBase[] = "http://fake.test";

  std::vector<FakeConversation> conversations;  ///< Sorted by start.
  std::int64_t total_hits_bonus = 0;            ///< Added to totalHits from page 2 on (drift).
  bool duplicate_first_on_page2 = false;        ///< Page 2 repeats page 1's first conversation.
  std::atomic<int> expire_downloads{0};         ///< The first N downloads answer 403 (expired URL).
  std::set<std::string> expire_once;            ///< First download of these conversations: 403.
  std::string async_final_state = "FULFILLED";
  int async_pending_polls = 2;       ///< Polls answering PENDING before the final state.
  bool fail_permission_sta = false;  ///< STA answers 403 missing.permissions.

  FakeGenesys() : transport_(std::make_shared<FakeTransport>()) {
    transport_->SetFallback([this](http::HttpRequest const& r) { return Handle(r); });
  }

  std::shared_ptr<FakeTransport> transport() const { return transport_; }
  int Count(std::string const& part) const { return transport_->CountUrl(part); }
  std::vector<nlohmann::json> query_bodies() const {
    std::vector<nlohmann::json> out;
    for (auto const& r : transport_->requests()) {
      if (r.url.find("/details/query") != std::string::npos) out.push_back(nlohmann::json::parse(r.body));
    }
    return out;
  }

  /// `n` conversations, one every `step_ms` from `start_ms`; ids "c-<i>" zero-padded.
  void Generate(int n, std::int64_t start_ms, std::int64_t step_ms) {
    for (int i = 0; i < n; ++i) {
      char id[32];
      std::snprintf(id, sizeof id, "c-%05d", i);
      conversations.push_back({id, start_ms + i * step_ms, true, 0.1});
    }
  }

 private:
  static http::HttpResponse Json(int status, nlohmann::json const& body) {
    return Response(status, body.dump());
  }

  std::vector<FakeConversation const*> InInterval(std::string const& interval) const {
    auto slash = interval.find('/');
    auto from = *query::ParseIsoTime("from", interval.substr(0, slash));
    auto to = *query::ParseIsoTime("to", interval.substr(slash + 1));
    std::vector<FakeConversation const*> out;
    for (auto const& c : conversations) {
      if (c.start_ms >= from.time_since_epoch().count() && c.start_ms < to.time_since_epoch().count()) {
        out.push_back(&c);
      }
    }
    return out;
  }

  static nlohmann::json ToJson(FakeConversation const& c) {
    auto start = query::FormatIsoTime(query::TimePoint{query::Millis{c.start_ms}});
    auto end = query::FormatIsoTime(query::TimePoint{query::Millis{c.start_ms + 60'000}});
    nlohmann::json customer = {{"purpose", "customer"},
                               {"sessions", {{{"mediaType", "voice"}, {"sessionId", "s-" + c.id}}}}};
    nlohmann::json agent = {{"purpose", "agent"},
                            {"userId", "u-1"},
                            {"participantName", "Ann"},
                            {"sessions",
                             {{{"mediaType", "voice"},
                               {"sessionId", "a-" + c.id},
                               {"segments", {{{"queueId", "q-1"}, {"segmentType", "interact"}}}}}}}};
    return {{"conversationId", c.id},
            {"conversationStart", start},
            {"conversationEnd", end},
            {"originatingDirection", c.direction},
            {"participants", {customer, agent}}};
  }

  Result<http::HttpResponse> Details(http::HttpRequest const& r) {
    auto body = nlohmann::json::parse(r.body);
    auto matches = InInterval(body["interval"]);
    int size = body["paging"]["pageSize"];
    int number = body["paging"]["pageNumber"];
    nlohmann::json page = nlohmann::json::array();
    if (duplicate_first_on_page2 && number == 2 && !matches.empty()) page.push_back(ToJson(*matches.front()));
    for (std::size_t i = (number - 1) * size; i < matches.size() && i < std::size_t(number * size); ++i) {
      page.push_back(ToJson(*matches[i]));
    }
    auto total = static_cast<std::int64_t>(matches.size()) + (number > 1 ? total_hits_bonus : 0);
    nlohmann::json out = {{"totalHits", total}};
    if (!page.empty()) out["conversations"] = page;
    return Json(200, out);
  }

  Result<http::HttpResponse> Jobs(http::HttpRequest const& r) {
    std::lock_guard lock(mu_);
    if (r.method == "POST") {
      std::string id = "job-" + std::to_string(jobs_.size() + 1);
      jobs_[id] = {nlohmann::json::parse(r.body)["interval"], 0};
      return Json(202, {{"jobId", id}});
    }
    auto rest = r.url.substr(r.url.find("/jobs/") + 6);
    auto id = rest.substr(0, rest.find_first_of("/?"));
    auto& job = jobs_.at(id);
    if (r.method == "DELETE") {
      ++deleted_jobs;
      return Response(204);
    }
    if (rest.find("/results") == std::string::npos) {
      bool pending = job.polls++ < async_pending_polls;
      return Json(200, {{"state", pending ? "PENDING" : async_final_state}, {"errorMessage", "boom"}});
    }
    auto matches = InInterval(job.interval);
    std::size_t const page_size = std::stoul(r.url.substr(r.url.find("pageSize=") + 9));
    std::size_t offset = 0;
    if (auto c = r.url.find("cursor="); c != std::string::npos) offset = std::stoul(r.url.substr(c + 7));
    nlohmann::json page = nlohmann::json::array();
    for (std::size_t i = offset; i < matches.size() && i < offset + page_size; ++i)
      page.push_back(ToJson(*matches[i]));
    nlohmann::json out = {{"conversations", page}};
    if (offset + page_size < matches.size()) out["cursor"] = std::to_string(offset + page_size);
    return Json(200, out);
  }

  FakeConversation const* Find(std::string const& url) const {
    for (auto const& c : conversations) {
      if (url.find("/conversations/" + c.id) != std::string::npos) return &c;
    }
    return nullptr;
  }

  Result<http::HttpResponse> Handle(http::HttpRequest const& r) {
    if (r.url.find("/details/query") != std::string::npos) return Details(r);
    if (r.url.find("/details/jobs") != std::string::npos) return Jobs(r);
    if (r.url.rfind("https://storage.test/", 0) == 0) {
      std::string id = r.url.substr(21, r.url.find('?') - 21);
      bool expire_now = false;
      {
        std::lock_guard lock(mu_);
        expire_now = expire_once.erase(id) > 0;
      }
      if (expire_now || expire_downloads.fetch_sub(1) > 0) {
        return Response(403,
                        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
      }
      return Response(200, R"({"conversationId":"x","transcripts":[{"phrases":[{"text":"hello"}]}]})");
    }
    auto const* c = Find(r.url);
    if (c == nullptr) return Response(404, R"({"code":"not.found","message":"no such conversation"})");
    if (r.url.find("/transcripturl") != std::string::npos) {
      if (!c->has_transcript) return Response(404, R"({"code":"not.found","message":"no transcript"})");
      return Json(200, {{"url", "https://storage.test/" + c->id + "?X-Amz-Signature=SECRETSIG"}});
    }
    if (fail_permission_sta) {
      return Response(
          403, R"({"code":"missing.permissions","message":"missing speechAndTextAnalytics:data:view"})");
    }
    if (!c->sentiment_score) return Response(404, R"({"code":"not.found","message":"not analysed"})");
    return Json(200, {{"sentimentScore", *c->sentiment_score}, {"sentimentTrend", 0}});
  }

  struct Job {
    std::string interval;
    int polls = 0;
  };
  std::shared_ptr<FakeTransport> transport_;
  std::mutex mu_;
  std::map<std::string, Job> jobs_;

 public:
  std::atomic<int> deleted_jobs{0};
};

}  // namespace gctq::testing
