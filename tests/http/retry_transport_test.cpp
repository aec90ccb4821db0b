#include "gctq/http/retry_transport.h"

#include <gtest/gtest.h>

#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;
using testing::FakeClock;
using testing::FakeTransport;
using testing::Response;

constexpr char kUrl[] = "https://api.example.com/api/v2/analytics/conversations/details/query?x=secret";

class RetryTransportTest : public ::testing::Test {
 protected:
  std::shared_ptr<Transport> Make(double jitter = 0.0) {
    RetryOptions options;
    options.retry = retry_;
    options.backoff = {milliseconds(100), milliseconds(2'000), 2.0};
    options.clock = clock_;
    options.sleeper = clock_->MakeSleeper();
    options.jitter = [jitter] { return jitter; };
    return MakeRetryTransport(fake_, options);
  }
  static HttpRequest Request(EndpointClass endpoint_class = EndpointClass::kDetailsPage) {
    HttpRequest request;
    request.method = "POST";
    request.url = kUrl;
    request.endpoint_class = endpoint_class;
    return request;
  }
  /// Records the fake time of every request and answers from `script` (then 200).
  void ScriptWithTimes(std::vector<HttpResponse> script) {
    script_ = std::move(script);
    fake_->SetFallback([this](HttpRequest const&) {
      send_times_.push_back(clock_->now());
      return send_times_.size() <= script_.size() ? script_[send_times_.size() - 1] : Response(200);
    });
  }

  RetryPolicy retry_;
  std::shared_ptr<FakeTransport> fake_ = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::vector<HttpResponse> script_;
  std::vector<std::chrono::steady_clock::time_point> send_times_;
};

class RetryOnTransientStatus : public RetryTransportTest, public ::testing::WithParamInterface<int> {};

TEST_P(RetryOnTransientStatus, RetriesThenSucceeds) {
  fake_->Push(Response(GetParam(), "", {{"Retry-After", "1"}}));
  fake_->Push(Response(200, "ok"));
  auto result = Make()->Send(Request());
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ(result->body, "ok");
  auto const requests = fake_->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].attempt, 1);
  EXPECT_EQ(requests[1].attempt, 2);
}

INSTANTIATE_TEST_SUITE_P(Statuses, RetryOnTransientStatus, ::testing::Values(429, 500, 502, 503, 504));

TEST_F(RetryTransportTest, RetriesTransportErrors) {
  fake_->Push(MakeError(ErrorCode::kUnavailable, "connection reset"));
  fake_->Push(MakeError(ErrorCode::kDeadlineExceeded, "timed out"));
  fake_->Push(Response(200));
  EXPECT_TRUE(Make()->Send(Request()).ok());
  EXPECT_EQ(fake_->requests().size(), 3u);
}

class NoRetryOnPermanentStatus : public RetryTransportTest,
                                 public ::testing::WithParamInterface<std::pair<int, ErrorCode>> {};

TEST_P(NoRetryOnPermanentStatus, FailsAfterOneAttemptWithMappedError) {
  auto const [status, code] = GetParam();
  fake_->Push(Response(status, R"({"message":"nope","code":"some.code","contextId":"c-9"})"));
  auto result = Make()->Send(Request());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().http_status, status);
  EXPECT_EQ(result.error().context_id, "c-9");
  EXPECT_EQ(fake_->requests().size(), 1u);
  EXPECT_TRUE(clock_->sleeps().empty());
}

INSTANTIATE_TEST_SUITE_P(Statuses, NoRetryOnPermanentStatus,
                         ::testing::Values(std::pair{400, ErrorCode::kInvalidArgument},
                                           std::pair{401, ErrorCode::kUnauthenticated},
                                           std::pair{403, ErrorCode::kPermissionDenied},
                                           std::pair{404, ErrorCode::kNotFound}));

TEST_F(RetryTransportTest, NoRequestBeforeRetryAfterSecondsElapsed) {
  ScriptWithTimes({Response(429, "", {{"Retry-After", "7"}}), Response(429, "", {{"Retry-After", "2"}})});
  ASSERT_TRUE(Make(/*jitter=*/0.9)->Send(Request()).ok());
  ASSERT_EQ(send_times_.size(), 3u);
  EXPECT_GE(send_times_[1] - send_times_[0], std::chrono::seconds(7));
  EXPECT_GE(send_times_[2] - send_times_[1], std::chrono::seconds(2));
  // The added jitter is small: at most a tenth of Retry-After.
  EXPECT_LE(send_times_[1] - send_times_[0], milliseconds(7'700));
}

TEST_F(RetryTransportTest, RetryAfterHttpDate) {
  // FakeClock's wall time starts at 2024-01-01T00:00:00Z.
  ScriptWithTimes({Response(429, "", {{"Retry-After", "Mon, 01 Jan 2024 00:00:10 GMT"}})});
  ASSERT_TRUE(Make()->Send(Request()).ok());
  EXPECT_EQ(clock_->sleeps(), std::vector<milliseconds>{milliseconds(10'000)});
  EXPECT_GE(send_times_[1] - send_times_[0], std::chrono::seconds(10));
}

TEST_F(RetryTransportTest, RetryAfterDefaultsToThreeSeconds) {
  fake_->Push(Response(429));
  fake_->Push(Response(200));
  ASSERT_TRUE(Make()->Send(Request()).ok());
  EXPECT_EQ(clock_->sleeps(), std::vector<milliseconds>{milliseconds(3'000)});
}

TEST_F(RetryTransportTest, RetryAfterBeyondCapIsQuotaExhausted) {
  fake_->Push(Response(429, R"({"message":"Rate limit exceeded","code":"too.many.requests"})",
                       {{"Retry-After", "3600"}}));
  auto result = Make()->Send(Request());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kQuotaExhausted);
  EXPECT_EQ(result.error().http_status, 429);
  EXPECT_NE(result.error().message.find("3600 s"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("120 s cap"), std::string::npos) << result.error().message;
  EXPECT_TRUE(clock_->sleeps().empty());
  EXPECT_EQ(fake_->requests().size(), 1u);
}

TEST_F(RetryTransportTest, BackoffSleepsStayWithinJitteredBounds) {
  retry_.max_attempts = 6;
  for (int i = 0; i < 5; ++i) fake_->Push(Response(502));
  fake_->Push(Response(200));
  ASSERT_TRUE(Make(/*jitter=*/0.75)->Send(Request()).ok());
  auto const sleeps = clock_->sleeps();
  ASSERT_EQ(sleeps.size(), 5u);
  for (std::size_t i = 0; i < sleeps.size(); ++i) {
    milliseconds const bound = std::min(milliseconds(100 << i), milliseconds(2'000));
    EXPECT_EQ(sleeps[i], bound * 3 / 4) << i;
  }
}

TEST_F(RetryTransportTest, StopsAtMaxAttemptsAndAnnotates) {
  retry_.max_attempts = 4;
  fake_->SetFallback([](HttpRequest const&) { return Response(503); });
  auto result = Make()->Send(Request());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(fake_->requests().size(), 4u);
  std::string const message = result.error().message;
  EXPECT_NE(message.find("4 attempts"), std::string::npos) << message;
  EXPECT_NE(message.find("last status 503"), std::string::npos) << message;
  EXPECT_NE(message.find("details_page POST"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << "query string leaked: " << message;
}

TEST_F(RetryTransportTest, StopsWhenElapsedBudgetWouldBeExceeded) {
  retry_.max_attempts = 100;
  retry_.max_elapsed = milliseconds(3'000);
  fake_->SetFallback([](HttpRequest const&) { return MakeError(ErrorCode::kUnavailable, "refused"); });
  auto result = Make(/*jitter=*/1.0)->Send(Request());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kDeadlineExceeded);
  milliseconds total{0};
  for (auto s : clock_->sleeps()) total += s;
  EXPECT_LE(total, retry_.max_elapsed);
  EXPECT_LT(fake_->requests().size(), 10u);
}

TEST_F(RetryTransportTest, NonIdempotentSubmitRetriedOnlyOn429) {
  fake_->Push(Response(503));
  auto result = Make()->Send(Request(EndpointClass::kAsyncJobSubmit));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(fake_->requests().size(), 1u);

  fake_->Push(Response(429));
  fake_->Push(Response(202));
  EXPECT_TRUE(Make()->Send(Request(EndpointClass::kAsyncJobSubmit)).ok());
  EXPECT_EQ(fake_->requests().size(), 3u);
}

TEST_F(RetryTransportTest, PermanentTransportErrorsAreNotRetried) {
  fake_->Push(MakeError(ErrorCode::kInvalidArgument, "plain http refused"));
  auto result = Make()->Send(Request());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(fake_->requests().size(), 1u);
}

TEST_F(RetryTransportTest, PassesWaitedToTheNextAttempt) {
  fake_->Push(Response(429, "", {{"Retry-After", "2"}}));
  fake_->Push(Response(200));
  ASSERT_TRUE(Make()->Send(Request()).ok());
  auto const requests = fake_->requests();
  EXPECT_EQ(requests[0].waited, milliseconds(0));
  EXPECT_EQ(requests[1].waited, milliseconds(2'000));
}

}  // namespace
}  // namespace gctq::http
