#include "gctq/qa/outbox.h"

#include <gtest/gtest.h>

#include "audit/audit_test_util.h"
#include "gctq/qa/webhook_destination.h"

namespace gctq::qa {
namespace {

using audit::testing::TempDir;
using std::chrono::milliseconds;

std::unique_ptr<Outbox> OpenWithDestinations(std::string const& path) {
  auto outbox = Outbox::Open(path);
  EXPECT_TRUE(outbox) << outbox.error().message;
  EXPECT_TRUE((*outbox)->AddDestination({"http://127.0.0.1:1/a", "SECRET_A"}));
  EXPECT_TRUE((*outbox)->AddDestination({"http://127.0.0.1:1/b", "SECRET_B"}));
  return std::move(*outbox);
}

TEST(Outbox, EnqueueCommitsOneRowPerDestinationUnderOneId) {
  TempDir dir;
  auto outbox = OpenWithDestinations(dir.File("state.db"));
  auto id = outbox->Enqueue("qa.page", R"({"x":1})", 1000);
  ASSERT_TRUE(id);
  auto rows = outbox->ClaimDue(1000, 10, milliseconds(5000));
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0].webhook_id, *id);
  EXPECT_EQ((*rows)[1].webhook_id, *id);
  EXPECT_EQ((*rows)[0].secret_env, "SECRET_A");
}

TEST(Outbox, LeasedRowsAreNotClaimedTwiceUntilTheLeaseExpires) {
  TempDir dir;
  auto path = dir.File("state.db");
  auto first = OpenWithDestinations(path);
  auto second = Outbox::Open(path);
  ASSERT_TRUE(second);
  ASSERT_TRUE(first->Enqueue("qa.page", "{}", 0));
  EXPECT_EQ(first->ClaimDue(10, 10, milliseconds(1000))->size(), 2U);
  EXPECT_EQ((*second)->ClaimDue(20, 10, milliseconds(1000))->size(), 0U);
  EXPECT_EQ((*second)->ClaimDue(1010, 10, milliseconds(1000))->size(), 2U);  // crashed worker's lease expired
}

TEST(Outbox, NothingIsLostAcrossARestart) {
  TempDir dir;
  auto path = dir.File("state.db");
  {
    auto outbox = OpenWithDestinations(path);
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(outbox->Enqueue("qa.conversation", "{}", 0));
  }
  auto reopened = Outbox::Open(path);
  ASSERT_TRUE(reopened);
  auto statuses = (*reopened)->DestinationStatuses();
  ASSERT_TRUE(statuses);
  ASSERT_EQ(statuses->size(), 2U);
  EXPECT_EQ((*statuses)[0].pending, 20);
  EXPECT_EQ((*statuses)[1].pending, 20);
}

TEST(Outbox, StatesCountsDisableAndReplay) {
  TempDir dir;
  auto outbox = OpenWithDestinations(dir.File("state.db"));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(outbox->Enqueue("qa.page", "{}", 0));
  auto rows = *outbox->ClaimDue(0, 10, milliseconds(1000));
  ASSERT_EQ(rows.size(), 6U);
  ASSERT_TRUE(outbox->MarkDelivered(rows[0].id, 200, 1));
  ASSERT_TRUE(outbox->MarkDead(rows[1].id, 410, "gone"));
  ASSERT_TRUE(outbox->DisableDestination(rows[1].destination, "410 Gone"));
  ASSERT_TRUE(outbox->MarkRetry(rows[2].id, 5000, 500, "HTTP 500"));
  auto statuses = *outbox->DestinationStatuses();
  std::int64_t delivered = 0, dead = 0, pending = 0, disabled = 0;
  for (auto const& s : statuses) {
    delivered += s.delivered;
    dead += s.dead;
    pending += s.pending;
    disabled += s.enabled ? 0 : 1;
  }
  EXPECT_EQ(delivered, 1);
  EXPECT_EQ(dead, 1);
  EXPECT_EQ(pending, 4);
  EXPECT_EQ(disabled, 1);
  EXPECT_EQ(*outbox->ReplayDead(10), 1);
  auto replayed = outbox->DestinationStatuses();
  ASSERT_TRUE(replayed);
  for (auto const& s : *replayed) {
    EXPECT_TRUE(s.enabled);
    EXPECT_EQ(s.dead, 0);
  }
}

TEST(WebhookDestination, ParsesUrlAndSecretVariable) {
  auto d = ParseWebhookDestination("https://qa.example.com/hook#QA_SECRET");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->url, "https://qa.example.com/hook");
  EXPECT_EQ(d->secret_env, "QA_SECRET");
  EXPECT_EQ(ParseWebhookDestination("https://qa.example.com/hook")->secret_env, kDefaultWebhookSecretEnv);
  EXPECT_FALSE(ParseWebhookDestination("ftp://x/y"));
  EXPECT_FALSE(ParseWebhookDestination("https://x/y#whsec_abc+/="));
}

}  // namespace
}  // namespace gctq::qa
