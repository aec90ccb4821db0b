// Test matrix D1-D4: every kind of tampering is detected and named, at the right record.
#include <gtest/gtest.h>

#include "audit/audit_line.h"
#include "audit/audit_test_util.h"
#include "audit/crypto_util.h"
#include "gctq/audit/audit_log.h"
#include "gctq/audit/audit_verify.h"

namespace gctq::audit {
namespace {

using testing::JoinLines;
using testing::ReadFile;
using testing::SplitLines;
using testing::TempDir;
using testing::WriteFile;

class AuditTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    AuditLogOptions options;
    options.path = dir_.File("audit.jsonl");
    options.checkpoint_every = 10;
    options.sync_each_record = false;
    auto log = AuditLog::Open(options);
    ASSERT_TRUE(log) << log.error().message;
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(
          (*log)->Append("api.call", {{"page", std::int64_t{1000 + i}}, {"status", std::int64_t{200}}}));
    }
    ASSERT_TRUE((*log)->Close());
    anchor_ = (*log)->LastCheckpoint();
    path_ = options.path;
    lines_ = SplitLines(ReadFile(path_));
    ASSERT_GT(lines_.size(), 55U);
  }

  AuditVerifyReport Verify(std::vector<std::string> const& lines, std::string const& anchor = {}) {
    WriteFile(path_, JoinLines(lines));
    auto report = VerifyAuditLog(path_, {.public_key_path = path_ + ".key.pub", .anchor = anchor});
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : AuditVerifyReport{};
  }

  static std::uint64_t SeqOf(std::string const& line) { return internal::ParseRecordLine(line)->seq; }

  TempDir dir_;
  std::string path_;
  std::string anchor_;
  std::vector<std::string> lines_;
};

TEST_F(AuditTamper, CleanLogAndAnchorVerify) {
  auto report = Verify(lines_, anchor_);
  EXPECT_TRUE(report.ok()) << report.reason;
  EXPECT_EQ(report.records_valid, lines_.size());
}

TEST_F(AuditTamper, ByteFlipInDataIsEditedAtThatRecord) {
  auto lines = lines_;
  auto& line = lines[20];
  auto at = line.find("\"page\":") + 8;
  line[at] = line[at] == '9' ? '8' : static_cast<char>(line[at] + 1);
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kEdited) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[20]));
}

TEST_F(AuditTamper, ByteFlipInPrevIsEditedAtThatRecord) {
  auto lines = lines_;
  auto at = lines[30].find("\"prev\":\"") + 10;
  lines[30][at] = lines[30][at] == 'a' ? 'b' : 'a';
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kEdited) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[30]));
}

TEST_F(AuditTamper, ByteFlipThatBreaksTheFormatIsEdited) {
  auto lines = lines_;
  lines[5][0] = '[';
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kEdited) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[5]));
}

TEST_F(AuditTamper, DeletedRecordIsAGap) {
  auto lines = lines_;
  lines.erase(lines.begin() + 12);
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kDeleted) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[12]));
}

TEST_F(AuditTamper, SwappedRecordsAreReordered) {
  auto lines = lines_;
  std::swap(lines[14], lines[15]);
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kReordered) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[14]));
}

TEST_F(AuditTamper, CopiedRecordIsDuplicated) {
  auto lines = lines_;
  lines.insert(lines.begin() + 8, lines[7]);
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kDuplicated) << report.reason;
  EXPECT_EQ(report.first_bad_seq, SeqOf(lines_[7]));
}

TEST_F(AuditTamper, ChainRecomputedWithoutTheKeyIsForged) {
  auto lines = lines_;
  auto at = lines[22].find("\"page\":") + 8;
  lines[22][at] = lines[22][at] == '9' ? '8' : static_cast<char>(lines[22][at] + 1);
  for (std::size_t i = 23; i < lines.size(); ++i) {
    auto prev_at = lines[i].find("\"prev\":\"") + 8;
    lines[i].replace(prev_at, 64, internal::Sha256Hex(lines[i - 1]));
  }
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kForged) << report.reason;
  ASSERT_TRUE(report.first_bad_seq);
  EXPECT_LE(*report.first_bad_seq, SeqOf(lines_[22]));
  EXPECT_GT(*report.first_bad_seq + 12, SeqOf(lines_[22]));
}

TEST_F(AuditTamper, DifferentVerifyingKeyIsForged) {
  TempDir other;
  AuditLogOptions options;
  options.path = other.File("other.jsonl");
  ASSERT_TRUE(AuditLog::Open(options));
  WriteFile(path_, JoinLines(lines_));
  auto report = VerifyAuditLog(path_, {.public_key_path = options.path + ".key.pub", .anchor = {}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->problem, AuditProblem::kForged) << report->reason;
}

TEST_F(AuditTamper, TailTruncatedAtACheckpointIsCaughtOnlyWithAnAnchor) {
  auto lines = lines_;
  std::size_t keep = 0;
  for (std::size_t i = 0; i + 10 < lines.size(); ++i) {
    if (lines[i].find("audit.checkpoint") != std::string::npos) keep = i + 1;
  }
  ASSERT_GT(keep, 0U);
  lines.resize(keep);
  auto without_anchor = Verify(lines);
  EXPECT_TRUE(without_anchor.ok()) << without_anchor.reason;
  auto with_anchor = Verify(lines, anchor_);
  EXPECT_EQ(with_anchor.problem, AuditProblem::kTruncatedTail) << with_anchor.reason;
  EXPECT_EQ(with_anchor.first_bad_seq, keep + 1);
  WriteFile(dir_.File("anchor.txt"), anchor_ + "\n");
  auto from_file = Verify(lines, dir_.File("anchor.txt"));
  EXPECT_EQ(from_file.problem, AuditProblem::kTruncatedTail);
}

TEST_F(AuditTamper, TailTruncatedMidWayIsAnUnsignedTail) {
  auto lines = lines_;
  lines.resize(lines.size() - 1);  // drop the closing checkpoint
  auto report = Verify(lines);
  EXPECT_EQ(report.problem, AuditProblem::kUnsignedTail) << report.reason;
}

TEST_F(AuditTamper, ForgedAnchorIsRejected) {
  auto anchor = anchor_;
  auto at = anchor.find("\"ts\":\"") + 8;
  anchor[at] = anchor[at] == '1' ? '2' : '1';
  auto report = Verify(lines_, anchor);
  EXPECT_EQ(report.problem, AuditProblem::kBadAnchor) << report.reason;
}

}  // namespace
}  // namespace gctq::audit
