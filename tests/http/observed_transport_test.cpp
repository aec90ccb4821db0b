#include "gctq/http/observed_transport.h"

#include <gtest/gtest.h>

#include <mutex>

#include "gctq/http/retry_transport.h"
#include "http/fake_clock.h"
#include "http/fake_transport.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;
using testing::FakeClock;
using testing::FakeTransport;
using testing::Response;

class RecordingObserver : public CallObserver {
 public:
  void OnCall(CallRecord const& record) override {
    std::lock_guard lock(mu_);
    records_.push_back(record);
  }
  std::vector<CallRecord> records() const {
    std::lock_guard lock(mu_);
    return records_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<CallRecord> records_;
};

TEST(ObservedTransportTest, OneRecordPerAttemptWithSanitizedUrl) {
  auto clock = std::make_shared<FakeClock>();
  auto fake = std::make_shared<FakeTransport>();
  fake->Push(MakeError(ErrorCode::kUnavailable, "reset"));
  fake->Push(Response(429, "", {{"Retry-After", "2"}}));
  fake->SetFallback([clock](HttpRequest const&) {
    clock->Advance(milliseconds(15));  // the server takes 15 ms
    return Response(200, "", {{"ININ-Correlation-Id", "corr-1"}});
  });
  auto observer = std::make_shared<RecordingObserver>();
  auto observed = MakeObservedTransport(fake, {observer}, clock);
  RetryOptions options;
  options.backoff = {milliseconds(100), milliseconds(100), 2.0};
  options.clock = clock;
  options.sleeper = clock->MakeSleeper();
  options.jitter = [] { return 1.0; };
  auto retrying = MakeRetryTransport(observed, options);
  HttpRequest request;
  request.url = "https://bucket.s3.amazonaws.com/t/1.json?X-Amz-Signature=SIG&X-Amz-Credential=CRED";
  request.endpoint_class = EndpointClass::kTranscriptDownload;
  ASSERT_TRUE(retrying->Send(request).ok());

  auto const records = observer->records();
  ASSERT_EQ(records.size(), 3u);
  for (auto const& r : records) {
    EXPECT_EQ(r.sanitized_url, "https://bucket.s3.amazonaws.com/t/1.json");
    EXPECT_EQ(r.endpoint_class, EndpointClass::kTranscriptDownload);
    EXPECT_EQ(r.method, "GET");
  }
  EXPECT_EQ(records[0].status, 0);
  EXPECT_EQ(records[0].error_code, "unavailable");
  EXPECT_EQ(records[0].attempt, 1);
  EXPECT_EQ(records[1].status, 429);
  EXPECT_EQ(records[1].attempt, 2);
  EXPECT_EQ(records[1].waited, milliseconds(100));
  EXPECT_EQ(records[2].status, 200);
  EXPECT_EQ(records[2].attempt, 3);
  EXPECT_GE(records[2].waited, milliseconds(2'000));
  EXPECT_EQ(records[2].latency, std::chrono::microseconds(15'000));
  EXPECT_EQ(records[2].correlation_id, "corr-1");
}

TEST(ObservedTransportTest, NoObserversMeansNoDecorator) {
  auto fake = std::make_shared<FakeTransport>();
  EXPECT_EQ(MakeObservedTransport(fake, {}, nullptr), fake);
}

}  // namespace
}  // namespace gctq::http
