#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/qa/webhook_destination.h"

namespace gctq::internal {
class SqliteDb;
}

namespace gctq::qa {

/// One event for one destination, as claimed for delivery.
struct OutboxRow {
  std::int64_t id = 0;
  std::string webhook_id;  ///< Same across retries and across destinations: the receiver's dedupe key.
  std::string destination;
  std::string secret_env;
  std::string event_type;
  std::string body;
  std::int64_t attempts = 0;  ///< Attempts made before this one.
};

/// Rows per destination and state, for `gctq qa status`.
struct DestinationStatus {
  std::string destination;
  bool enabled = true;
  std::string disabled_reason;
  std::int64_t pending = 0;
  std::int64_t delivered = 0;
  std::int64_t dead = 0;
};

/// A durable transactional outbox in the SQLite state database (tables qa_destinations, qa_outbox;
/// WAL, synchronous=FULL). An event is committed before anything is sent; rows are never deleted.
/// Several processes may share the database: claims take a lease so a row is never sent by two
/// workers at once, and a crashed worker's lease simply expires. Times are Unix milliseconds.
class Outbox {
 public:
  static Result<std::unique_ptr<Outbox>> Open(std::string const& path);
  ~Outbox();

  /// Registers (or updates the secret variable of) a destination; re-enables nothing.
  Status AddDestination(WebhookDestination const& destination);
  /// Commits `body` for every enabled destination under one new webhook id, which it returns.
  Result<std::string> Enqueue(std::string_view event_type, std::string_view body, std::int64_t now_ms);
  /// Leases up to `limit` due rows (pending, due, not leased, destination enabled and not throttled).
  Result<std::vector<OutboxRow>> ClaimDue(std::int64_t now_ms, int limit, std::chrono::milliseconds lease);

  Status MarkDelivered(std::int64_t id, int http_status, std::int64_t now_ms);
  Status MarkRetry(std::int64_t id, std::int64_t next_attempt_ms, int http_status, std::string_view error);
  Status MarkDead(std::int64_t id, int http_status, std::string_view error);
  /// Gives a claimed row back without an attempt (its destination was disabled or throttled).
  Status Release(std::int64_t id);
  Status DisableDestination(std::string_view url, std::string_view reason);
  Status ThrottleDestination(std::string_view url, std::int64_t until_ms);

  /// Earliest time a pending row of an enabled destination may be attempted; nullopt when none.
  Result<std::optional<std::int64_t>> NextDueMs();
  Result<std::vector<DestinationStatus>> DestinationStatuses();
  /// Dead rows back to pending (attempts reset) and every destination re-enabled; returns rows moved.
  Result<std::int64_t> ReplayDead(std::int64_t now_ms);

 private:
  explicit Outbox(std::unique_ptr<internal::SqliteDb> db);
  Status Update(std::string_view sql, std::int64_t id, std::int64_t a, std::string_view text);
  std::unique_ptr<internal::SqliteDb> db_;
};

}  // namespace gctq::qa
