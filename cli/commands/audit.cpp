#include <fmt/format.h>

#include <memory>
#include <string>

#include "gctq/audit/audit_verify.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

struct AuditVerifyCliOptions {
  std::string log_path;
  std::string anchor;
  std::string public_key;
};

int RunAuditVerify(AuditVerifyCliOptions const& options) {
  auto report = audit::VerifyAuditLog(options.log_path,
                                      {.public_key_path = options.public_key, .anchor = options.anchor});
  if (!report) {
    fmt::print(stderr, "gctq audit verify: {}\n", report.error().Describe());
    return report.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitInternal;
  }
  fmt::print("{}: records valid {}/{}, checkpoints valid {}/{}{}\n", options.log_path, report->records_valid,
             report->records, report->checkpoints_valid, report->checkpoints,
             options.anchor.empty() ? ", no anchor (tail truncation at a checkpoint is not detectable)"
                                    : ", anchor ok");
  for (auto const& warning : report->warnings) fmt::print("warning: {}\n", warning);
  if (report->ok()) {
    fmt::print("OK\n");
    return kExitOk;
  }
  if (report->first_bad_seq) {
    fmt::print("FAILED: {} at seq {}{}: {}\n", audit::ToString(report->problem), *report->first_bad_seq,
               report->first_bad_line > 0 ? fmt::format(" (line {})", report->first_bad_line) : "",
               report->reason);
  } else {
    fmt::print("FAILED: {}: {}\n", audit::ToString(report->problem), report->reason);
  }
  return kExitIncomplete;
}

}  // namespace

RunFn RegisterAudit(CLI::App& app) {
  auto options = std::make_shared<AuditVerifyCliOptions>();
  auto* audit = app.add_subcommand("audit", "Verify a tamper-evident audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify",
      "Recompute the hash chain and check every signed checkpoint; exit 0 only if the log is intact, "
      "1 naming the first bad record and why");
  verify->add_option("file", options->log_path, "The audit log (JSON Lines)")->required();
  verify->add_option(
      "--anchor", options->anchor,
      "A checkpoint line published elsewhere (or a file holding it): detects a truncated tail");
  verify->add_option("--pubkey", options->public_key, "Ed25519 public key (PEM); default: <file>.key.pub");
  return [options] { return RunAuditVerify(*options); };
}

}  // namespace gctq::cli
