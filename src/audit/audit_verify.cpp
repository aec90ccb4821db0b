#include "gctq/audit/audit_verify.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "audit/audit_line.h"
#include "audit/crypto_util.h"
#include "audit/ed25519_key.h"

namespace gctq::audit {
namespace {

using internal::RecordLine;

struct Lines {
  std::string content;
  std::vector<std::string_view> lines;
  bool ends_with_newline = true;
};

Result<Lines> ReadLines(std::string const& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, fmt::format("cannot open audit log {}", path));
  Lines out;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  out.content = std::move(buffer).str();
  std::string_view rest = out.content;
  while (!rest.empty()) {
    auto newline = rest.find('\n');
    out.lines.push_back(rest.substr(0, newline));
    if (newline == std::string_view::npos) {
      out.ends_with_newline = false;
      break;
    }
    rest.remove_prefix(newline + 1);
  }
  return out;
}

bool CheckpointSignatureValid(RecordLine const& line, internal::Ed25519Key const& key, std::string* why) {
  auto data = nlohmann::json::parse(line.data, nullptr, false);
  if (!data.is_object() || !data.contains("key_id") || !data.contains("sig") || !data["key_id"].is_string() ||
      !data["sig"].is_string()) {
    *why = "checkpoint has no key_id/sig";
    return false;
  }
  auto key_id = data["key_id"].get<std::string>();
  if (key_id != key.key_id()) {
    *why = fmt::format("checkpoint signed by key {}, not by the verifying key {}", key_id, key.key_id());
    return false;
  }
  auto signature = internal::Base64Decode(data["sig"].get<std::string>());
  auto message = internal::CheckpointMessage(line.log_id, line.seq, line.prev, line.ts, key_id);
  if (!signature || !key.Verify(message, *signature)) {
    *why = "checkpoint signature does not verify";
    return false;
  }
  return true;
}

class Verifier {
 public:
  Verifier(Lines const& lines, internal::Ed25519Key key) : lines_(lines), key_(std::move(key)) {}

  AuditVerifyReport Run();
  void CheckAnchor(std::string const& anchor_text);
  [[nodiscard]] AuditVerifyReport const& report() const { return report_; }

 private:
  bool Fail(AuditProblem problem, std::uint64_t seq, std::size_t index, std::string reason) {
    report_.problem = problem;
    report_.first_bad_seq = seq;
    report_.first_bad_line = index + 1;
    report_.reason = std::move(reason);
    return false;
  }
  bool CheckOne(std::size_t index);
  bool ClassifySeqMismatch(std::size_t index, RecordLine const& line);
  bool ClassifyChainBreak(std::size_t index, RecordLine const& line);

  Lines const& lines_;
  internal::Ed25519Key key_;
  AuditVerifyReport report_;
  std::uint64_t expected_seq_ = 1;
  std::string expected_prev_{internal::kGenesisPrev};
  std::string log_id_;
  std::string last_ts_;
  std::uint64_t last_valid_checkpoint_ = 0;
  bool last_was_checkpoint_ = false;
};

bool Verifier::ClassifySeqMismatch(std::size_t index, RecordLine const& line) {
  auto const& all = lines_.lines;
  if (line.seq < expected_seq_) {
    for (std::size_t j = 0; j < index; ++j) {
      auto other = internal::ParseRecordLine(all[j]);
      if (other && other->seq == line.seq && all[j] == all[index]) {
        return Fail(
            AuditProblem::kDuplicated, line.seq, index,
            fmt::format("record seq {} at line {} is a duplicate of line {}", line.seq, index + 1, j + 1));
      }
    }
    return Fail(
        AuditProblem::kReordered, line.seq, index,
        fmt::format("record seq {} appears after seq {} (out of order)", line.seq, expected_seq_ - 1));
  }
  for (std::size_t j = index + 1; j < all.size(); ++j) {
    auto other = internal::ParseRecordLine(all[j]);
    if (other && other->seq == expected_seq_) {
      return Fail(AuditProblem::kReordered, expected_seq_, index,
                  fmt::format("record seq {} expected at line {} appears later at line {} (reordered)",
                              expected_seq_, index + 1, j + 1));
    }
  }
  return Fail(AuditProblem::kDeleted, expected_seq_, index,
              fmt::format("records seq {}..{} are missing before line {} (deleted)", expected_seq_,
                          line.seq - 1, index + 1));
}

bool Verifier::ClassifyChainBreak(std::size_t index, RecordLine const& line) {
  if (index == 0) {
    return Fail(AuditProblem::kEdited, line.seq, index,
                "first record's prev is not the genesis hash (edited)");
  }
  auto const& all = lines_.lines;
  auto next = index + 1 < all.size() ? internal::ParseRecordLine(all[index + 1]) : std::nullopt;
  if (next && next->prev == internal::Sha256Hex(all[index])) {
    return Fail(
        AuditProblem::kEdited, line.seq - 1, index - 1,
        fmt::format("record seq {} (line {}) was modified: its SHA-256 does not match the prev of seq {}",
                    line.seq - 1, index, line.seq));
  }
  return Fail(AuditProblem::kEdited, line.seq, index,
              fmt::format("record seq {} (line {}) was modified: its prev does not chain to seq {}", line.seq,
                          index + 1, line.seq - 1));
}

bool Verifier::CheckOne(std::size_t index) {
  auto const text = lines_.lines[index];
  if (index + 1 == lines_.lines.size() && !lines_.ends_with_newline) {
    return Fail(
        AuditProblem::kTornTail, expected_seq_, index,
        fmt::format("last line is incomplete ({} bytes, no newline): torn write; records before it are "
                    "intact; opening the log for append recovers it",
                    text.size()));
  }
  auto line = internal::ParseRecordLine(text);
  if (!line) {
    return Fail(AuditProblem::kEdited, expected_seq_, index,
                fmt::format("line {} is not a well-formed record (edited)", index + 1));
  }
  if (index == 0) log_id_ = std::string(line->log_id);
  if (line->log_id != log_id_) {
    return Fail(AuditProblem::kEdited, line->seq, index,
                fmt::format("record seq {} has log_id {} instead of {} (edited or spliced)", line->seq,
                            line->log_id, log_id_));
  }
  if (line->seq != expected_seq_) return ClassifySeqMismatch(index, *line);
  if (line->prev != expected_prev_) return ClassifyChainBreak(index, *line);
  last_was_checkpoint_ = line->type == internal::kCheckpointType;
  if (last_was_checkpoint_) {
    ++report_.checkpoints;
    std::string why;
    if (!CheckpointSignatureValid(*line, key_, &why)) {
      return Fail(
          AuditProblem::kForged, last_valid_checkpoint_ + 1, index,
          fmt::format("{} at seq {}: records seq {}..{} were forged or the chain recomputed without the "
                      "signing key",
                      why, line->seq, last_valid_checkpoint_ + 1, line->seq));
    }
    ++report_.checkpoints_valid;
    last_valid_checkpoint_ = line->seq;
  }
  if (line->ts < last_ts_) {
    report_.warnings.push_back(
        fmt::format("timestamp goes backwards at seq {} ({} < {})", line->seq, line->ts, last_ts_));
  }
  last_ts_ = std::string(line->ts);
  expected_prev_ = internal::Sha256Hex(text);
  ++expected_seq_;
  ++report_.records_valid;
  return true;
}

AuditVerifyReport Verifier::Run() {
  report_.records = lines_.lines.size() - (lines_.ends_with_newline ? 0 : 1);
  for (std::size_t i = 0; i < lines_.lines.size(); ++i) {
    if (!CheckOne(i)) return report_;
  }
  if (report_.records_valid > 0 && !last_was_checkpoint_) {
    Fail(AuditProblem::kUnsignedTail, last_valid_checkpoint_ + 1, lines_.lines.size() - 1,
         fmt::format(
             "records seq {}..{} follow the last signed checkpoint (crash before close, or the closing "
             "checkpoint was removed)",
             last_valid_checkpoint_ + 1, expected_seq_ - 1));
  }
  return report_;
}

void Verifier::CheckAnchor(std::string const& anchor_text) {
  auto bad = [this](std::string reason) {
    report_.problem = AuditProblem::kBadAnchor;
    report_.reason = std::move(reason);
  };
  auto anchor = internal::ParseRecordLine(anchor_text);
  if (!anchor || anchor->type != internal::kCheckpointType) return bad("anchor is not a checkpoint record");
  std::string why;
  if (!CheckpointSignatureValid(*anchor, key_, &why)) return bad("anchor: " + why);
  if (!log_id_.empty() && anchor->log_id != log_id_) return bad("anchor belongs to another log");
  std::uint64_t last_seq = expected_seq_ - 1;
  if (anchor->seq > last_seq) {
    report_.problem = AuditProblem::kTruncatedTail;
    report_.first_bad_seq = last_seq + 1;
    report_.reason = fmt::format(
        "log ends at seq {} but the anchor checkpoint is seq {}: records {}..{} were "
        "removed (truncated tail)",
        last_seq, anchor->seq, last_seq + 1, anchor->seq);
    return;
  }
  if (lines_.lines[anchor->seq - 1] != anchor_text) {
    report_.first_bad_seq = anchor->seq;
    return bad(
        fmt::format("record seq {} differs from the anchor checkpoint: the log was rewritten", anchor->seq));
  }
}

std::string LoadAnchor(std::string const& anchor) {
  if (anchor.starts_with("{")) return anchor;
  std::ifstream file(anchor, std::ios::binary);
  std::string line;
  std::getline(file, line);
  return line;
}

}  // namespace

std::string_view ToString(AuditProblem problem) {
  switch (problem) {
    case AuditProblem::kNone: return "ok";
    case AuditProblem::kEdited: return "edited";
    case AuditProblem::kDeleted: return "deleted";
    case AuditProblem::kReordered: return "reordered";
    case AuditProblem::kDuplicated: return "duplicated";
    case AuditProblem::kForged: return "forged";
    case AuditProblem::kTornTail: return "torn_tail";
    case AuditProblem::kTruncatedTail: return "truncated_tail";
    case AuditProblem::kUnsignedTail: return "unsigned_tail";
    case AuditProblem::kBadAnchor: return "bad_anchor";
  }
  return "unknown";
}

Result<AuditVerifyReport> VerifyAuditLog(std::string const& log_path, AuditVerifyOptions const& options) {
  auto key_path = options.public_key_path.empty() ? log_path + ".key.pub" : options.public_key_path;
  auto key = internal::Ed25519Key::LoadPublic(key_path);
  if (!key) return key.error();
  auto lines = ReadLines(log_path);
  if (!lines) return lines.error();
  Verifier verifier(*lines, *key);
  auto report = verifier.Run();
  bool anchor_applies = report.ok() || report.problem == AuditProblem::kUnsignedTail;
  if (!options.anchor.empty() && anchor_applies) {
    verifier.CheckAnchor(LoadAnchor(options.anchor));
    report = verifier.report();
  }
  return report;
}

}  // namespace gctq::audit
