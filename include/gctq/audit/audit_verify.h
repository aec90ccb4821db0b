#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"

namespace gctq::audit {

/// Why a log failed verification (the first problem found, in file order).
enum class AuditProblem {
  kNone,
  kEdited,         ///< A record's bytes changed: the next record's `prev` no longer matches.
  kDeleted,        ///< A gap in `seq`.
  kReordered,      ///< A record appears out of sequence.
  kDuplicated,     ///< A byte-identical copy of an earlier record.
  kForged,         ///< Chain consistent but a checkpoint signature fails: recomputed without the key.
  kTornTail,       ///< The last line is incomplete (a crash mid-write, not yet recovered).
  kTruncatedTail,  ///< The log ends before the anchor checkpoint.
  kUnsignedTail,   ///< Records after the last checkpoint (crash before close, or checkpoint removed).
  kBadAnchor,      ///< The anchor is malformed, not validly signed, or contradicts the log.
};

std::string_view ToString(AuditProblem problem);

struct AuditVerifyOptions {
  std::string public_key_path;  ///< Empty = `<log>.key.pub`.
  std::string anchor;           ///< A checkpoint line (or a file holding one); empty = none.
};

struct AuditVerifyReport {
  AuditProblem problem = AuditProblem::kNone;
  std::uint64_t records = 0;        ///< Complete lines read.
  std::uint64_t records_valid = 0;  ///< Records before the first problem.
  std::uint64_t checkpoints = 0;
  std::uint64_t checkpoints_valid = 0;
  std::optional<std::uint64_t> first_bad_seq;
  std::uint64_t first_bad_line = 0;   ///< 1-based line number; 0 when not tied to a line.
  std::string reason;                 ///< Human-readable explanation of the problem.
  std::vector<std::string> warnings;  ///< E.g. timestamps going backwards.

  [[nodiscard]] bool ok() const { return problem == AuditProblem::kNone; }
};

/// Recomputes the hash chain, checks seq contiguity, every checkpoint signature and the anchor.
/// Returns an Error only when the files cannot be read; a damaged log is a report with a problem.
Result<AuditVerifyReport> VerifyAuditLog(std::string const& log_path, AuditVerifyOptions const& options);

}  // namespace gctq::audit
