// Test matrix C1, C3, C4, C6 against a loopback receiver with an independent signature check.
#include <gtest/gtest.h>

#include "qa/delivery_fixture.h"

namespace gctq::qa {
namespace {

using std::chrono::milliseconds;
using testing::Reply;

class WebhookDelivery : public testing::DeliveryFixture {};

TEST_F(WebhookDelivery, EveryEventArrivesSignedExactlyOnce) {
  auto ids = Enqueue(10);
  auto summary = Drain(Options());
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->delivered, 10);
  auto stats = receiver_->stats();
  EXPECT_EQ(stats.ids, ids);
  EXPECT_EQ(stats.rejected, 0);
  EXPECT_EQ(stats.duplicates, 0);
  EXPECT_EQ(Status().delivered, 10);
}

TEST_F(WebhookDelivery, ReceiverDownForAWhileThenBack) {
  receiver_->Stop();
  auto ids = Enqueue(5);
  int sleeps = 0;
  auto summary = Drain(Options([&] {
    if (++sleeps == 4) {
      ASSERT_TRUE(receiver_->Start());
    }
  }));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(receiver_->stats().ids, ids);
  EXPECT_EQ(Status().delivered, 5);
  EXPECT_EQ(Status().pending, 0);
  EXPECT_GE(sleeps, 4);
}

TEST_F(WebhookDelivery, ServerErrorsAreRetriedWithExponentialBackoffAndFullJitter) {
  receiver_->SetScript([](int i) { return Reply{.status = i < 3 ? 500 : 200}; });
  auto ids = Enqueue(1);
  ASSERT_TRUE(Drain(Options()));
  EXPECT_EQ(receiver_->stats().ids, ids);
  // random01 = 0.5 of a ceiling of 1 s, 2 s, 4 s.
  EXPECT_EQ(clock_.sleeps(),
            (std::vector<milliseconds>{milliseconds(500), milliseconds(1000), milliseconds(2000)}));
}

TEST_F(WebhookDelivery, TooManyRequestsHonoursRetryAfter) {
  receiver_->SetScript([](int i) { return i == 0 ? Reply{.status = 429, .retry_after = "120"} : Reply{}; });
  auto ids = Enqueue(2);
  ASSERT_TRUE(Drain(Options()));
  EXPECT_EQ(receiver_->stats().ids, ids);
  auto sleeps = clock_.sleeps();
  ASSERT_FALSE(sleeps.empty());
  EXPECT_GE(sleeps.front(), milliseconds(120'000));
}

TEST_F(WebhookDelivery, GoneDisablesTheDestinationAndReplayDeliversAfterTheFix) {
  receiver_->SetScript([](int) { return Reply{.status = 410}; });
  auto ids = Enqueue(3);
  ASSERT_TRUE(Drain(Options()));
  EXPECT_EQ(receiver_->requests(), 1);
  auto status = Status();
  EXPECT_FALSE(status.enabled);
  EXPECT_EQ(status.dead, 1);
  EXPECT_EQ(status.pending, 2);

  receiver_->SetScript({});
  ASSERT_EQ(*outbox_->ReplayDead(0), 1);
  ASSERT_TRUE(Drain(Options()));
  EXPECT_EQ(receiver_->stats().ids, ids);
  EXPECT_EQ(Status().delivered, 3);
}

TEST_F(WebhookDelivery, ClientErrorsAreDeadLetteredAfterAFewTries) {
  receiver_->SetScript([](int) { return Reply{.status = 400}; });
  Enqueue(1);
  auto options = Options();
  ASSERT_TRUE(Drain(options));
  EXPECT_EQ(receiver_->requests(), options.policy.max_client_error_attempts);
  EXPECT_EQ(Status().dead, 1);
  EXPECT_TRUE(Status().enabled);
}

TEST_F(WebhookDelivery, ExhaustedRetriesAreDeadLetteredAndReplayable) {
  receiver_->SetScript([](int i) { return Reply{.status = i < 4 ? 503 : 200}; });
  auto ids = Enqueue(1);
  auto options = Options();
  options.policy.max_attempts = 4;
  ASSERT_TRUE(Drain(options));
  EXPECT_EQ(receiver_->requests(), 4);
  EXPECT_EQ(Status().dead, 1);
  ASSERT_EQ(*outbox_->ReplayDead(0), 1);
  ASSERT_TRUE(Drain(options));
  EXPECT_EQ(receiver_->stats().ids, ids);
}

TEST_F(WebhookDelivery, HangingReceiverTimesOutAndIsRetried) {
  receiver_->SetScript([](int i) { return i == 0 ? Reply{.delay = milliseconds(30'000)} : Reply{}; });
  auto ids = Enqueue(1);
  auto options = Options();
  options.policy.timeout = milliseconds(200);
  std::vector<DeliveryOutcome> outcomes;
  options.on_outcome = [&](DeliveryOutcome const& o) { outcomes.push_back(o); };
  ASSERT_TRUE(Drain(options));
  ASSERT_GE(outcomes.size(), 2U);
  EXPECT_EQ(outcomes.front().http_status, 0);
  EXPECT_EQ(outcomes.front().result, "retry");
  EXPECT_EQ(outcomes.back().result, "delivered");
  EXPECT_EQ(receiver_->stats().ids, ids);  // the timed-out attempt is never counted as accepted
}

TEST_F(WebhookDelivery, WrongSecretIsRejectedByTheReceiver) {
  Enqueue(1);
  auto options = Options();
  options.secret_lookup = [](std::string const&) {
    return std::optional<std::string>(GenerateWebhookSecret());
  };
  ASSERT_TRUE(Drain(options));
  auto stats = receiver_->stats();
  EXPECT_EQ(stats.rejected, options.policy.max_client_error_attempts);
  EXPECT_TRUE(stats.ids.empty());
  EXPECT_EQ(Status().dead, 1);
}

TEST_F(WebhookDelivery, MissingSecretIsAnErrorNotASilentDrop) {
  Enqueue(1);
  auto options = Options();
  options.secret_lookup = [](std::string const&) { return std::optional<std::string>(); };
  auto summary = Drain(options);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find(testing::kSecretEnv), std::string::npos);
  EXPECT_EQ(Status().pending, 1);
}

}  // namespace
}  // namespace gctq::qa
