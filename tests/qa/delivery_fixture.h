#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "audit/audit_test_util.h"
#include "gctq/qa/outbox.h"
#include "gctq/qa/webhook_deliverer.h"
#include "gctq/qa/webhook_signature.h"
#include "qa/fake_clock.h"
#include "qa/fake_qa_receiver.h"
#include "qa/httplib_transport.h"

namespace gctq::qa::testing {

inline constexpr char kSecretEnv[] = "GCTQ_TEST_QA_SECRET";

/// A loopback receiver, an outbox with it as the only destination, and a fake clock.
class DeliveryFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    receiver_ =
        std::make_unique<FakeQaReceiver>(SpecDecodeSecret(secret_), [this] { return clock_.Seconds(); });
    ASSERT_TRUE(receiver_->Start());
    OpenOutbox();
  }

  void OpenOutbox() {
    auto outbox = Outbox::Open(db_path_);
    ASSERT_TRUE(outbox) << outbox.error().message;
    outbox_ = std::move(*outbox);
    ASSERT_TRUE(outbox_->AddDestination({receiver_->url(), kSecretEnv}));
  }

  DelivererOptions Options(std::function<void()> on_sleep = {}) {
    DelivererOptions options;
    options.clock = clock_.AsClock();
    options.sleeper = clock_.AsSleeper(std::move(on_sleep));
    options.random01 = [] { return 0.5; };
    options.secret_lookup = [this](std::string const& name) -> std::optional<std::string> {
      if (name == kSecretEnv) return secret_;
      return std::nullopt;
    };
    return options;
  }

  std::set<std::string> Enqueue(int count) {
    std::set<std::string> ids;
    for (int i = 0; i < count; ++i) {
      auto id = outbox_->Enqueue(
          "qa.conversation", R"({"type":"qa.conversation","data":{"n":)" + std::to_string(i) + "}}",
          std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()).count());
      EXPECT_TRUE(id);
      if (id) ids.insert(*id);
    }
    return ids;
  }

  DestinationStatus Status() {
    auto statuses = outbox_->DestinationStatuses();
    EXPECT_TRUE(statuses && statuses->size() == 1U);
    return statuses && !statuses->empty() ? statuses->front() : DestinationStatus{};
  }

  Result<DeliverySummary> Drain(DelivererOptions options) {
    WebhookDeliverer deliverer(*outbox_, transport_, std::move(options));
    return deliverer.Drain(std::chrono::hours(24 * 7));
  }

  audit::testing::TempDir dir_;
  std::string db_path_ = dir_.File("state.db");
  FakeClock clock_;
  std::string secret_ = GenerateWebhookSecret();
  std::unique_ptr<FakeQaReceiver> receiver_;
  std::unique_ptr<Outbox> outbox_;
  std::shared_ptr<http::Transport> transport_ = std::make_shared<HttplibTransport>();
};

}  // namespace gctq::qa::testing
