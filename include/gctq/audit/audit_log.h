#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gctq/audit/audit_fields.h"
#include "gctq/core/result.h"

namespace gctq::audit {

struct AuditLogOptions {
  std::string path;      ///< The JSON Lines file; created 0600 if absent.
  std::string key_path;  ///< Ed25519 private key; empty = `<path>.key` (public: `<key>.pub`).
  std::uint64_t checkpoint_every = 1000;  ///< A signed checkpoint after this many records, and at Close.
  bool sync_each_record = true;           ///< fdatasync after every record (else at checkpoints and Close).
  std::function<std::chrono::system_clock::time_point()> clock;  ///< Default: system_clock::now.
};

/// An append-only, hash-chained, periodically signed audit log (doc/adr/0006-audit-and-outbox.md).
/// Thread-safe; several processes may append to the same file (each append holds flock(LOCK_EX)
/// and continues the chain from the file's current tail). Opening a file whose last line is torn
/// moves the partial bytes to `<path>.torn-<ms>`, truncates them and records `audit.recovered`.
class AuditLog {
 public:
  static Result<std::unique_ptr<AuditLog>> Open(AuditLogOptions options);
  ~AuditLog();  ///< Calls Close() if needed; errors are lost, so call Close() yourself.
  AuditLog(AuditLog const&) = delete;
  AuditLog& operator=(AuditLog const&) = delete;

  /// Appends one record of `event_type` (e.g. "api.call"); fields pass SanitizeAuditFields.
  Status Append(std::string_view event_type, AuditFields fields);
  /// Appends a signed `audit.checkpoint` covering every record so far.
  Status Checkpoint();
  /// Appends `audit.close` and a final checkpoint, then closes the file.
  Status Close();

  /// The latest checkpoint line written by this process: publish it off-host as an anchor for
  /// `gctq audit verify --anchor`, so truncating the tail becomes detectable.
  [[nodiscard]] std::string LastCheckpoint() const;
  [[nodiscard]] std::string const& path() const;
  [[nodiscard]] std::string public_key_path() const;

 private:
  struct State;
  explicit AuditLog(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// `<log path>.key`: where AuditLog keeps its private key unless told otherwise.
std::string DefaultAuditKeyPath(std::string const& log_path);

}  // namespace gctq::audit
