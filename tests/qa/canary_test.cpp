// Test matrix F1 for this area: a canary secret and a canary PII value never reach the audit log,
// the outbox database, webhook payloads or metrics output.
#include <gtest/gtest.h>

#include "audit/crypto_util.h"
#include "gctq/audit/audit_events.h"
#include "gctq/audit/audit_log.h"
#include "gctq/audit/audit_observer.h"
#include "gctq/metrics/latency_recorder.h"
#include "gctq/metrics/metrics_format.h"
#include "gctq/qa/outbox_sink.h"
#include "qa/delivery_fixture.h"

namespace gctq::qa {
namespace {

using audit::testing::ReadFile;

constexpr char kCanarySecret[] = "CANARY-s3cr3t-9f2d71";
constexpr char kCanaryPii[] = "4111111111111111";

void ExpectNoCanary(std::string const& where, std::string const& text, std::string const& webhook_secret) {
  for (std::string const& canary :
       {std::string(kCanarySecret), std::string(kCanaryPii), webhook_secret,
        internal::Base64Encode(kCanarySecret), webhook_secret.substr(6), std::string("CANARY-s3cr3t")}) {
    EXPECT_EQ(text.find(canary), std::string::npos) << "canary '" << canary << "' found in " << where;
  }
}

class Canary : public testing::DeliveryFixture {};

TEST_F(Canary, NeverInAuditLogOutboxPayloadsOrMetrics) {
  ::setenv("GCTQ_CANARY_WEBHOOK_SECRET", secret_.c_str(), 1);
  auto audit_path = dir_.File("audit.jsonl");
  auto log = audit::AuditLog::Open({.path = audit_path, .sync_each_record = false});
  ASSERT_TRUE(log);
  std::shared_ptr<audit::AuditLog> shared_log = std::move(*log);

  // A careless pipeline: secrets in options, fields off the allow-list, a pre-signed URL.
  ASSERT_TRUE(audit::RecordRunStart(*shared_log, {.oauth_client_id = "client-1",
                                                  .command = "query",
                                                  .options = {{"client-secret", kCanarySecret},
                                                              {"qa-webhook", receiver_->url() + "#X"},
                                                              {"interval", "2026-01-01/2026-01-02"}},
                                                  .filters = {{"token", kCanarySecret}}}));
  ASSERT_TRUE(shared_log->Append("transcript.fetch",
                                 {{"url", std::string("https://s3/x?X-Amz-Signature=") + kCanarySecret},
                                  {"transcript_text", std::string("card ") + kCanaryPii},
                                  {"access_token", std::string(kCanarySecret)}}));
  ASSERT_TRUE(audit::RecordPiiLeak(
      *shared_log,
      {.conversation_id = "c1", .pii_type = "CREDIT_DEBIT_NUMBER", .location = "phrase 3 chars 10-26"}));
  audit::AuditObserver observer(shared_log);
  metrics::LatencyRecorder recorder;
  http::CallRecord call{.endpoint_class = http::EndpointClass::kTranscriptDownload,
                        .method = "GET",
                        .sanitized_url = std::string("https://s3/x?sig=") + kCanarySecret,
                        .status = 200};
  observer.OnCall(call);
  recorder.OnCall(call);

  // QA events flow through the outbox to the receiver.
  OutboxQaSink sink(*outbox_, clock_.AsClock());
  ConversationEvent event{.conversation_id = "c1",
                          .window = "2026-01-01/2026-01-02",
                          .rule_hits = {{.name = "card-readback", .version = "3", .agent_count = 1}},
                          .pii_status = "found",
                          .pii_finding_types = {"CREDIT_DEBIT_NUMBER"}};
  ASSERT_TRUE(sink.OnConversation(event));
  ASSERT_TRUE(sink.OnPage({.page_number = 1, .window = "w", .total_results = 3, .matches = 1}));
  auto options = Options();
  options.on_outcome = [&](DeliveryOutcome const& o) { ASSERT_TRUE(audit::RecordDelivery(*shared_log, o)); };
  ASSERT_TRUE(Drain(options));
  ASSERT_TRUE(shared_log->Close());
  outbox_.reset();

  auto stats = receiver_->stats();
  ASSERT_EQ(stats.ids.size(), 2U);
  for (auto const& body : stats.bodies) ExpectNoCanary("webhook payload", body, secret_);
  auto audit_text = ReadFile(audit_path);
  EXPECT_NE(audit_text.find("CREDIT_DEBIT_NUMBER"), std::string::npos);
  EXPECT_NE(audit_text.find("callback.delivery"), std::string::npos);
  ExpectNoCanary("audit log", audit_text, secret_);
  ExpectNoCanary("outbox db", ReadFile(db_path_) + ReadFile(db_path_ + "-wal"), secret_);
  ExpectNoCanary(
      "metrics",
      metrics::FormatPrometheus(recorder.Snapshot()) + metrics::FormatLatencyTable(recorder.Snapshot()),
      secret_);
}

}  // namespace
}  // namespace gctq::qa
