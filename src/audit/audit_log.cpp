#include "gctq/audit/audit_log.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "audit/audit_file.h"
#include "audit/audit_json.h"
#include "audit/audit_line.h"
#include "audit/crypto_util.h"
#include "audit/ed25519_key.h"

namespace gctq::audit {

using internal::Ed25519Key;

struct AuditLog::State {
  State(AuditLogOptions opts, int file, Ed25519Key signing_key)
      : options(std::move(opts)), fd(file), key(std::move(signing_key)) {}

  AuditLogOptions options;
  int fd = -1;
  Ed25519Key key;
  std::mutex mu;
  std::string log_id;
  std::uint64_t seq = 0;
  std::string prev{internal::kGenesisPrev};
  off_t known_size = -1;
  std::uint64_t since_checkpoint = 0;
  std::string last_checkpoint;
  internal::AuditTail recovered;

  std::int64_t NowMillis() const {
    auto now = options.clock ? options.clock() : std::chrono::system_clock::now();
    return std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  }

  /// Under flock: adopt the file's current tail if another process appended since we last wrote.
  Status SyncTail() {
    struct stat info {};
    if (known_size >= 0 && ::fstat(fd, &info) == 0 && info.st_size == known_size) return Ok{};
    auto tail = internal::ReadAndRepairTail(fd, options.path, NowMillis());
    if (!tail) return tail.error();
    if (tail->torn_bytes > 0) recovered = *tail;
    known_size = tail->size;
    if (tail->last_line.empty()) {
      if (log_id.empty()) log_id = internal::RandomHex(16);
      seq = 0;
      prev = internal::kGenesisPrev;
      return Ok{};
    }
    auto line = internal::ParseRecordLine(tail->last_line);
    if (!line) {
      return MakeError(ErrorCode::kDataLoss,
                       fmt::format("audit log {}: last record is damaged; run `gctq audit "
                                   "verify {}` and move the file aside",
                                   options.path, options.path));
    }
    log_id = std::string(line->log_id);
    seq = line->seq;
    prev = internal::Sha256Hex(tail->last_line);
    return Ok{};
  }

  Status WriteLine(std::string_view type, std::string const& data_json) {
    auto line = internal::FormatRecordLine(seq + 1, prev, log_id, internal::FormatTimestamp(NowMillis()),
                                           type, data_json);
    GCTQ_TRY(internal::WriteAll(fd, line + "\n"));
    if (options.sync_each_record && ::fdatasync(fd) != 0) {
      return MakeError(ErrorCode::kIo, fmt::format("audit log {}: fdatasync failed", options.path));
    }
    known_size += static_cast<off_t>(line.size() + 1);
    ++seq;
    prev = internal::Sha256Hex(line);
    ++since_checkpoint;
    return Ok{};
  }

  Status WriteCheckpoint() {
    auto ts = internal::FormatTimestamp(NowMillis());
    auto message = internal::CheckpointMessage(log_id, seq + 1, prev, ts, key.key_id());
    auto signature = key.Sign(message);
    if (!signature) return signature.error();
    nlohmann::json data = {{"key_id", key.key_id()}, {"sig", internal::Base64Encode(*signature)}};
    auto line = internal::FormatRecordLine(seq + 1, prev, log_id, ts, internal::kCheckpointType, data.dump());
    GCTQ_TRY(internal::WriteAll(fd, line + "\n"));
    if (::fdatasync(fd) != 0) return MakeError(ErrorCode::kIo, "audit log: fdatasync failed");
    known_size += static_cast<off_t>(line.size() + 1);
    ++seq;
    prev = internal::Sha256Hex(line);
    since_checkpoint = 0;
    last_checkpoint = line;
    return Ok{};
  }

  /// Runs `body` holding both the in-process mutex and the cross-process file lock.
  template <typename Body>
  Status Locked(Body&& body) {
    std::lock_guard lock(mu);
    if (fd < 0) return MakeError(ErrorCode::kInternal, "audit log is closed");
    if (::flock(fd, LOCK_EX) != 0) return MakeError(ErrorCode::kIo, "audit log: flock failed");
    Status status = SyncTail();
    if (status) status = body();
    ::flock(fd, LOCK_UN);
    return status;
  }
};

std::string DefaultAuditKeyPath(std::string const& log_path) {
  return log_path + ".key";
}

AuditLog::AuditLog(std::unique_ptr<State> state) : state_(std::move(state)) {}

AuditLog::~AuditLog() {
  if (state_ && state_->fd >= 0) (void)Close();
}

Result<std::unique_ptr<AuditLog>> AuditLog::Open(AuditLogOptions options) {
  if (options.key_path.empty()) options.key_path = DefaultAuditKeyPath(options.path);
  if (options.checkpoint_every == 0) options.checkpoint_every = 1;
  auto key = Ed25519Key::LoadOrCreate(options.key_path);
  if (!key) return key.error();
  int fd = ::open(options.path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return MakeError(ErrorCode::kIo, fmt::format("cannot open audit log {}", options.path));
  auto state = std::make_unique<State>(std::move(options), fd, *key);
  GCTQ_TRY(internal::SyncParentDirectory(state->options.path));
  std::unique_ptr<AuditLog> log(new AuditLog(std::move(state)));
  auto* s = log->state_.get();
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  GCTQ_TRY(s->Locked([s, &host]() -> Status {
    if (s->recovered.torn_bytes > 0) {
      auto data = internal::FieldsToJson(
          SanitizeAuditFields({{"torn_bytes", static_cast<std::int64_t>(s->recovered.torn_bytes)},
                               {"moved_to", s->recovered.moved_to}}));
      GCTQ_TRY(s->WriteLine("audit.recovered", data));
    }
    auto data = internal::FieldsToJson(
        SanitizeAuditFields({{"pid", static_cast<std::int64_t>(::getpid())}, {"host", std::string(host)}}));
    return s->WriteLine("audit.open", data);
  }));
  return log;
}

Status AuditLog::Append(std::string_view event_type, AuditFields fields) {
  auto data = internal::FieldsToJson(SanitizeAuditFields(std::move(fields)));
  auto* s = state_.get();
  return s->Locked([s, event_type, &data]() -> Status {
    GCTQ_TRY(s->WriteLine(event_type, data));
    if (s->since_checkpoint >= s->options.checkpoint_every) return s->WriteCheckpoint();
    return Ok{};
  });
}

Status AuditLog::Checkpoint() {
  auto* s = state_.get();
  return s->Locked([s] { return s->WriteCheckpoint(); });
}

Status AuditLog::Close() {
  auto* s = state_.get();
  auto status = s->Locked([s]() -> Status {
    GCTQ_TRY(s->WriteLine("audit.close", "{}"));
    return s->WriteCheckpoint();
  });
  std::lock_guard lock(s->mu);
  if (s->fd >= 0) ::close(s->fd);
  s->fd = -1;
  return status;
}

std::string AuditLog::LastCheckpoint() const {
  std::lock_guard lock(state_->mu);
  return state_->last_checkpoint;
}

std::string const& AuditLog::path() const {
  return state_->options.path;
}

std::string AuditLog::public_key_path() const {
  return state_->options.key_path + ".pub";
}

}  // namespace gctq::audit
