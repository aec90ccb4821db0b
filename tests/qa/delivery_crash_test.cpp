// Test matrix C2: the delivering process is killed with SIGKILL after the receiver got the
// request but before the outbox recorded the acknowledgement. A fresh deliverer re-sends; after
// de-duplication by webhook-id the receiver has every event exactly once.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "qa/delivery_fixture.h"

namespace gctq::qa {
namespace {

using std::chrono::milliseconds;
using testing::Reply;

class DeliveryCrash : public testing::DeliveryFixture {
 protected:
  void SetUp() override {}  // threads must not exist before fork(): set up by hand below.
};

[[noreturn]] void RunChildDeliverer(int go_fd, std::string const& db_path, std::string const& secret) {
  char go = 0;
  if (::read(go_fd, &go, 1) != 1) ::_exit(3);
  auto outbox = Outbox::Open(db_path);
  if (!outbox) ::_exit(4);
  DelivererOptions options;
  options.secret_lookup = [secret](std::string const&) { return std::optional<std::string>(secret); };
  WebhookDeliverer deliverer(**outbox, std::make_shared<testing::HttplibTransport>(), options);
  (void)deliverer.DeliverDue();  // blocks on the first request until it is killed
  ::_exit(0);
}

TEST_F(DeliveryCrash, KilledBetweenSendAndAckLosesNothing) {
  receiver_ = std::make_unique<testing::FakeQaReceiver>(testing::SpecDecodeSecret(secret_),
                                                        [] { return std::time(nullptr); });
  ASSERT_TRUE(receiver_->Bind());
  OpenOutbox();
  auto ids = Enqueue(5);
  outbox_.reset();  // the child opens its own connection

  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) RunChildDeliverer(pipe_fds[0], db_path_, secret_);

  receiver_->SetScript([](int i) { return Reply{.block_until_released = i == 0}; });
  receiver_->Listen();
  ASSERT_EQ(::write(pipe_fds[1], "g", 1), 1);
  for (int i = 0; i < 1000 && receiver_->requests() == 0; ++i) std::this_thread::sleep_for(milliseconds(10));
  ASSERT_EQ(receiver_->requests(), 1) << "the child never sent its first webhook";
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status));
  receiver_->Release();  // the receiver now accepts the request whose acknowledgement was lost
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);

  OpenOutbox();
  auto options = Options();
  clock_.Advance(milliseconds(options.policy.lease.count() * 2));  // the dead worker's lease expires
  receiver_->SetScript({});
  auto summary = Drain(options);
  ASSERT_TRUE(summary) << summary.error().message;

  for (int i = 0; i < 1000; ++i) {
    auto seen = receiver_->stats();
    if (seen.ids.size() >= ids.size() && seen.duplicates >= 1) break;
    std::this_thread::sleep_for(milliseconds(10));
  }
  auto stats = receiver_->stats();
  EXPECT_EQ(stats.ids, ids);       // nothing lost, exactly once after de-duplication
  EXPECT_GE(stats.duplicates, 1);  // the re-sent event, de-duplicated by webhook-id
  EXPECT_EQ(stats.rejected, 0);
  EXPECT_EQ(Status().delivered, 5);
  EXPECT_EQ(Status().pending, 0);
}

}  // namespace
}  // namespace gctq::qa
