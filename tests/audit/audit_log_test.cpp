#include "gctq/audit/audit_log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit/audit_line.h"
#include "audit/audit_test_util.h"
#include "gctq/audit/audit_verify.h"

namespace gctq::audit {
namespace {

using testing::ReadFile;
using testing::SplitLines;
using testing::TempDir;

AuditLogOptions Options(TempDir const& dir, std::uint64_t checkpoint_every = 10) {
  AuditLogOptions options;
  options.path = dir.File("audit.jsonl");
  options.checkpoint_every = checkpoint_every;
  options.sync_each_record = false;
  return options;
}

void WriteRecords(AuditLogOptions const& options, int count) {
  auto log = AuditLog::Open(options);
  ASSERT_TRUE(log) << log.error().message;
  for (int i = 0; i < count; ++i) {
    ASSERT_TRUE((*log)->Append("api.call", {{"endpoint_class", std::string("details_page")},
                                            {"page", std::int64_t{i}},
                                            {"status", std::int64_t{200}}}));
  }
  ASSERT_TRUE((*log)->Close());
}

TEST(AuditLog, WritesAChainThatVerifies) {
  TempDir dir;
  auto options = Options(dir);
  WriteRecords(options, 25);
  auto lines = SplitLines(ReadFile(options.path));
  ASSERT_GE(lines.size(), 25U + 2U + 2U);
  auto first = internal::ParseRecordLine(lines.front());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->seq, 1U);
  EXPECT_EQ(first->type, "audit.open");
  EXPECT_EQ(first->prev, internal::kGenesisPrev);
  EXPECT_NE(lines.back().find("\"type\":\"audit.checkpoint\""), std::string::npos);

  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->ok()) << report->reason;
  EXPECT_EQ(report->records, lines.size());
  EXPECT_GE(report->checkpoints_valid, 3U);
}

TEST(AuditLog, KeyIsCreatedPrivateWithPublicKeyBeside) {
  TempDir dir;
  auto options = Options(dir);
  WriteRecords(options, 1);
  struct stat info {};
  ASSERT_EQ(::stat((options.path + ".key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  ASSERT_EQ(::stat((options.path + ".key.pub").c_str(), &info), 0);
  ASSERT_EQ(::stat(options.path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 077, 0U);
}

TEST(AuditLog, RefusesAKeyReadableByOthers) {
  TempDir dir;
  auto options = Options(dir);
  WriteRecords(options, 1);
  ::chmod((options.path + ".key").c_str(), 0644);
  auto log = AuditLog::Open(options);
  ASSERT_FALSE(log);
  EXPECT_NE(log.error().message.find("too open"), std::string::npos);
}

TEST(AuditLog, ReopeningContinuesTheChain) {
  TempDir dir;
  auto options = Options(dir);
  WriteRecords(options, 5);
  WriteRecords(options, 5);
  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->reason;
}

TEST(AuditLog, TornLastLineIsRecoveredWithoutLosingCompleteRecords) {
  TempDir dir;
  auto options = Options(dir);
  WriteRecords(options, 5);
  auto before = SplitLines(ReadFile(options.path));
  testing::WriteFile(options.path, ReadFile(options.path) + R"({"seq":99,"prev":"00)");

  auto torn = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(torn);
  EXPECT_EQ(torn->problem, AuditProblem::kTornTail) << torn->reason;
  EXPECT_EQ(torn->first_bad_seq, before.size() + 1);

  WriteRecords(options, 1);
  auto after = SplitLines(ReadFile(options.path));
  ASSERT_GT(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i], before[i]);
  EXPECT_NE(after[before.size()].find("audit.recovered"), std::string::npos);
  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->reason;
}

TEST(AuditLog, ConcurrentProcessesKeepOneLinearChain) {
  TempDir dir;
  auto options = Options(dir, 7);
  WriteRecords(options, 1);  // create the key before the race
  std::vector<pid_t> children;
  for (int p = 0; p < 3; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto log = AuditLog::Open(options);
      bool ok = static_cast<bool>(log);
      for (int i = 0; ok && i < 200; ++i)
        ok = static_cast<bool>((*log)->Append("api.call", {{"page", std::int64_t{i}}}));
      ok = ok && static_cast<bool>((*log)->Close());
      ::_exit(ok ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->reason;
  EXPECT_GE(report->records, 600U);
}

TEST(AuditLog, ClockGoingBackwardsIsAWarningNotAFailure) {
  TempDir dir;
  auto options = Options(dir);
  auto now = std::chrono::system_clock::from_time_t(1'800'000'000);
  options.clock = [&now] { return now; };
  auto log = AuditLog::Open(options);
  ASSERT_TRUE(log);
  ASSERT_TRUE((*log)->Append("api.call", {}));
  now -= std::chrono::hours(1);
  ASSERT_TRUE((*log)->Append("api.call", {}));
  ASSERT_TRUE((*log)->Close());
  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->reason;
  ASSERT_EQ(report->warnings.size(), 1U);
  EXPECT_NE(report->warnings[0].find("backwards"), std::string::npos);
}

TEST(AuditLog, CleanHundredThousandRecordLogVerifiesWithoutFalseAlarm) {
  TempDir dir;
  auto options = Options(dir, 1000);
  WriteRecords(options, 100'000);
  auto report = VerifyAuditLog(options.path, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->reason;
  EXPECT_GT(report->records, 100'000U);
  EXPECT_TRUE(report->warnings.empty());
}

}  // namespace
}  // namespace gctq::audit
