// Async analytics details jobs: submit, poll, page through results, cancel, availability.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;
using ::testing::IsEmpty;

constexpr char kJobsPath[] = "/api/v2/analytics/conversations/details/jobs";

class AsyncJobsTest : public ServerTest {
 protected:
  void Start(int bulk = 0) {
    StartServer({}, bulk);
    token_ = Token();
  }
  std::string Submit(json body, httplib::Headers headers = {}) {
    Reply const reply = Post(kJobsPath, body.dump(), token_, std::move(headers));
    EXPECT_EQ(reply.status, 202) << reply.body;
    EXPECT_THAT(SchemaProblems(reply.Json(), "AsyncQueryResponse"), IsEmpty());
    return reply.Json().value("jobId", "");
  }
  std::string State(std::string const& job_id) {
    Reply const reply = Get(std::string(kJobsPath) + "/" + job_id, token_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_THAT(SchemaProblems(reply.Json(), "AsyncQueryStatus"), IsEmpty());
    return reply.Json().value("state", "");
  }
  std::string token_;
};

TEST_F(AsyncJobsTest, ProgressesToFulfilledAndPagesWithACursor) {
  Start(/*bulk=*/250);
  // Async intervals may be older than 35 days and longer than 7 days.
  std::string const job_id = Submit({{"interval", Interval(60, 0)}, {"order", "asc"}});
  EXPECT_EQ(State(job_id), "QUEUED");
  Reply const early = Get(std::string(kJobsPath) + "/" + job_id + "/results", token_);
  EXPECT_EQ(early.status, 400);
  AdvanceClock(600);
  EXPECT_EQ(State(job_id), "PENDING");
  AdvanceClock(400);
  EXPECT_EQ(State(job_id), "FULFILLED");

  std::vector<std::string> ids;
  std::string cursor;
  int pages = 0;
  for (; pages < 10; ++pages) {
    std::string path = std::string(kJobsPath) + "/" + job_id + "/results?pageSize=100";
    if (!cursor.empty()) path += "&cursor=" + cursor;
    Reply const reply = Get(path, token_);
    ASSERT_EQ(reply.status, 200) << reply.body;
    json const body = reply.Json();
    EXPECT_THAT(SchemaProblems(body, "AnalyticsConversationAsyncQueryResponse"), IsEmpty());
    EXPECT_TRUE(body["dataAvailabilityDate"].is_string());
    for (auto const& conversation : body.value("conversations", json::array()))
      ids.push_back(conversation["conversationId"]);
    if (!body.contains("cursor")) break;
    cursor = body["cursor"];
  }
  EXPECT_EQ(pages, 2);  // 256 conversations: 100 + 100 + 56, no cursor on the last page.
  EXPECT_EQ(ids.size(), 256u);
  EXPECT_EQ(ids.front(), FakeConversationId(kOld));
}

TEST_F(AsyncJobsTest, IntervalMeansActivityDuringIt) {
  Start();
  // kInProgress started 10 minutes ago and is still going: active during the last 5 minutes.
  std::string const job_id = Submit({{"interval", Interval(5.0 / 1440, 0)}});
  AdvanceClock(1000);
  Reply const reply = Get(std::string(kJobsPath) + "/" + job_id + "/results", token_);
  ASSERT_EQ(reply.status, 200);
  ASSERT_EQ(reply.Json()["conversations"].size(), 1u);
  EXPECT_EQ(reply.Json()["conversations"][0]["conversationId"], FakeConversationId(kInProgress));
}

TEST_F(AsyncJobsTest, RejectsPagingAndBadRequests) {
  Start();
  Reply const paging = Post(
      kJobsPath, json{{"interval", Interval(2, 0)}, {"paging", {{"pageSize", 10}, {"pageNumber", 1}}}}.dump(),
      token_);
  EXPECT_EQ(paging.status, 400);
  EXPECT_EQ(paging.Json()["code"], "bad.request");
  EXPECT_EQ(Post(kJobsPath, "{}", token_).status, 400);
  std::string const job_id = Submit({{"interval", Interval(2, 0)}});
  AdvanceClock(1000);
  std::string const results = std::string(kJobsPath) + "/" + job_id + "/results";
  EXPECT_EQ(Get(results + "?pageSize=1001", token_).status, 400);
  EXPECT_EQ(Get(results + "?pageSize=1000", token_).status, 200);
  EXPECT_EQ(Get(results + "?cursor=garbage", token_).status, 400);
  EXPECT_EQ(Get(std::string(kJobsPath) + "/no-such-job", token_).status, 404);
  EXPECT_EQ(Get(std::string(kJobsPath) + "/no-such-job/results", token_).status, 404);
}

TEST_F(AsyncJobsTest, CancelsWithoutBody) {
  Start();
  std::string const job_id = Submit({{"interval", Interval(2, 0)}});
  Reply const reply = Delete(std::string(kJobsPath) + "/" + job_id, token_);
  EXPECT_EQ(reply.status, 202);
  EXPECT_TRUE(reply.body.empty());
  EXPECT_EQ(State(job_id), "CANCELLED");
  EXPECT_EQ(Delete(std::string(kJobsPath) + "/no-such-job", token_).status, 404);
}

TEST_F(AsyncJobsTest, FaultsMakeJobsFailOrExpire) {
  Start();
  std::string const failing = Submit({{"interval", Interval(2, 0)}}, {{"x-emulator-fault", "job-fail"}});
  std::string const expiring = Submit({{"interval", Interval(2, 0)}}, {{"x-emulator-fault", "job-expire"}});
  AdvanceClock(1000);
  EXPECT_EQ(State(failing), "FAILED");
  EXPECT_EQ(State(expiring), "EXPIRED");
  EXPECT_EQ(Get(std::string(kJobsPath) + "/" + failing + "/results", token_).status, 400);
  std::string const normal = Submit({{"interval", Interval(2, 0)}});
  AdvanceClock(1000);
  EXPECT_EQ(State(normal), "FULFILLED");
  AdvanceClock(kDayMs);
  token_ = Token();  // The first one has expired too.
  EXPECT_EQ(State(normal), "EXPIRED");
}

TEST_F(AsyncJobsTest, AvailabilityNeedsConversationDetailView) {
  Start();
  Reply const reply = Get(std::string(kJobsPath) + "/availability", token_);
  ASSERT_EQ(reply.status, 200);
  EXPECT_THAT(SchemaProblems(reply.Json(), "DataAvailabilityResponse"), IsEmpty());
  emulator_->Stop();
  StartServer([](EmulatorOptions& options) {
    options.clients = {{"agent-view", "x", {"analytics:agentConversationDetail:view"}}};
  });
  std::string const agent_token = Token("agent-view", "x");
  Reply const denied = Get(std::string(kJobsPath) + "/availability", agent_token);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.Json()["code"], "missing.permissions");
  EXPECT_EQ(Post(kJobsPath, json{{"interval", Interval(2, 0)}}.dump(), agent_token).status, 202);
}

}  // namespace
}  // namespace gctq_emulator::testing
