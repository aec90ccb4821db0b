#include "gctq/qa/outbox.h"

#include "gctq/qa/webhook_signature.h"
#include "qa/sqlite_db.h"

namespace gctq::qa {
namespace {

constexpr std::string_view kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS qa_destinations(
  url TEXT PRIMARY KEY,
  secret_env TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  throttled_until_ms INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS qa_outbox(
  id INTEGER PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  destination TEXT NOT NULL REFERENCES qa_destinations(url),
  event_type TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL DEFAULT 0,
  lease_until_ms INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  created_ms INTEGER NOT NULL,
  delivered_ms INTEGER,
  UNIQUE(webhook_id, destination));
CREATE INDEX IF NOT EXISTS qa_outbox_due ON qa_outbox(state, next_attempt_ms);
)sql";

}  // namespace

Outbox::Outbox(std::unique_ptr<internal::SqliteDb> db) : db_(std::move(db)) {}
Outbox::~Outbox() = default;

Result<std::unique_ptr<Outbox>> Outbox::Open(std::string const& path) {
  auto db = internal::SqliteDb::Open(path);
  if (!db) return db.error();
  GCTQ_TRY((*db)->Exec(kSchema));
  return std::unique_ptr<Outbox>(new Outbox(std::move(*db)));
}

Status Outbox::AddDestination(WebhookDestination const& destination) {
  auto stmt = db_->Prepare(
      "INSERT INTO qa_destinations(url, secret_env) VALUES(?1, ?2) "
      "ON CONFLICT(url) DO UPDATE SET secret_env = excluded.secret_env");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, destination.url).Bind(2, destination.secret_env).Run();
}

Result<std::string> Outbox::Enqueue(std::string_view event_type, std::string_view body, std::int64_t now_ms) {
  auto id = GenerateWebhookId();
  auto stmt = db_->Prepare(
      "INSERT INTO qa_outbox(webhook_id, destination, event_type, body, created_ms, next_attempt_ms) "
      "SELECT ?1, url, ?2, ?3, ?4, ?4 FROM qa_destinations WHERE enabled = 1");
  if (!stmt) return stmt.error();
  GCTQ_TRY(stmt->Bind(1, id).Bind(2, event_type).Bind(3, body).Bind(4, now_ms).Run());
  return id;
}

Result<std::vector<OutboxRow>> Outbox::ClaimDue(std::int64_t now_ms, int limit,
                                                std::chrono::milliseconds lease) {
  auto tx = internal::SqliteTransaction::Begin(*db_);
  if (!tx) return tx.error();
  auto select = db_->Prepare(
      "SELECT o.id, o.webhook_id, o.destination, d.secret_env, o.event_type, o.body, o.attempts "
      "FROM qa_outbox o JOIN qa_destinations d ON d.url = o.destination "
      "WHERE o.state = 'pending' AND o.next_attempt_ms <= ?1 AND o.lease_until_ms <= ?1 "
      "AND d.enabled = 1 AND d.throttled_until_ms <= ?1 ORDER BY o.id LIMIT ?2");
  if (!select) return select.error();
  select->Bind(1, now_ms).Bind(2, std::int64_t{limit});
  std::vector<OutboxRow> rows;
  for (;;) {
    auto more = select->Step();
    if (!more) return more.error();
    if (!*more) break;
    rows.push_back({select->Int(0), select->Text(1), select->Text(2), select->Text(3), select->Text(4),
                    select->Text(5), select->Int(6)});
  }
  for (auto const& row : rows) {
    auto update = db_->Prepare("UPDATE qa_outbox SET lease_until_ms = ?1 WHERE id = ?2");
    if (!update) return update.error();
    GCTQ_TRY(update->Bind(1, now_ms + lease.count()).Bind(2, row.id).Run());
  }
  GCTQ_TRY(tx->Commit());
  return rows;
}

Status Outbox::Update(std::string_view sql, std::int64_t id, std::int64_t a, std::string_view text) {
  auto stmt = db_->Prepare(sql);
  if (!stmt) return stmt.error();
  return stmt->Bind(1, id).Bind(2, a).Bind(3, text).Run();
}

Status Outbox::MarkDelivered(std::int64_t id, int http_status, std::int64_t now_ms) {
  auto stmt = db_->Prepare(
      "UPDATE qa_outbox SET state = 'delivered', attempts = attempts + 1, last_status = ?2, "
      "delivered_ms = ?3, lease_until_ms = 0, last_error = NULL WHERE id = ?1");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, id).Bind(2, std::int64_t{http_status}).Bind(3, now_ms).Run();
}

Status Outbox::MarkRetry(std::int64_t id, std::int64_t next_attempt_ms, int http_status,
                         std::string_view error) {
  auto stmt = db_->Prepare(
      "UPDATE qa_outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_status = ?3, last_error = "
      "?4, "
      "lease_until_ms = 0 WHERE id = ?1 AND state = 'pending'");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, id).Bind(2, next_attempt_ms).Bind(3, std::int64_t{http_status}).Bind(4, error).Run();
}

Status Outbox::MarkDead(std::int64_t id, int http_status, std::string_view error) {
  return Update(
      "UPDATE qa_outbox SET state = 'dead', attempts = attempts + 1, last_status = ?2, last_error = ?3, "
      "lease_until_ms = 0 WHERE id = ?1 AND state = 'pending'",
      id, http_status, error);
}

Status Outbox::Release(std::int64_t id) {
  auto stmt = db_->Prepare("UPDATE qa_outbox SET lease_until_ms = 0 WHERE id = ?1");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, id).Run();
}

Status Outbox::DisableDestination(std::string_view url, std::string_view reason) {
  auto stmt = db_->Prepare("UPDATE qa_destinations SET enabled = 0, disabled_reason = ?2 WHERE url = ?1");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, url).Bind(2, reason).Run();
}

Status Outbox::ThrottleDestination(std::string_view url, std::int64_t until_ms) {
  auto stmt = db_->Prepare(
      "UPDATE qa_destinations SET throttled_until_ms = max(throttled_until_ms, ?2) WHERE url = ?1");
  if (!stmt) return stmt.error();
  return stmt->Bind(1, url).Bind(2, until_ms).Run();
}

Result<std::optional<std::int64_t>> Outbox::NextDueMs() {
  auto stmt = db_->Prepare(
      "SELECT min(max(o.next_attempt_ms, o.lease_until_ms, d.throttled_until_ms)) "
      "FROM qa_outbox o JOIN qa_destinations d ON d.url = o.destination "
      "WHERE o.state = 'pending' AND d.enabled = 1");
  if (!stmt) return stmt.error();
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row || stmt->IsNull(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(stmt->Int(0));
}

Result<std::vector<DestinationStatus>> Outbox::DestinationStatuses() {
  auto stmt = db_->Prepare(
      "SELECT d.url, d.enabled, coalesce(d.disabled_reason, ''), "
      "count(CASE WHEN o.state = 'pending' THEN 1 END), count(CASE WHEN o.state = 'delivered' THEN 1 END), "
      "count(CASE WHEN o.state = 'dead' THEN 1 END) "
      "FROM qa_destinations d LEFT JOIN qa_outbox o ON o.destination = d.url GROUP BY d.url ORDER BY d.url");
  if (!stmt) return stmt.error();
  std::vector<DestinationStatus> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(
        {stmt->Text(0), stmt->Int(1) != 0, stmt->Text(2), stmt->Int(3), stmt->Int(4), stmt->Int(5)});
  }
}

Result<std::int64_t> Outbox::ReplayDead(std::int64_t now_ms) {
  auto tx = internal::SqliteTransaction::Begin(*db_);
  if (!tx) return tx.error();
  GCTQ_TRY(
      db_->Exec("UPDATE qa_destinations SET enabled = 1, disabled_reason = NULL, throttled_until_ms = 0"));
  auto stmt = db_->Prepare(
      "UPDATE qa_outbox SET state = 'pending', attempts = 0, next_attempt_ms = ?1, lease_until_ms = 0 "
      "WHERE state = 'dead'");
  if (!stmt) return stmt.error();
  GCTQ_TRY(stmt->Bind(1, now_ms).Run());
  auto moved = db_->Changes();
  GCTQ_TRY(tx->Commit());
  return moved;
}

}  // namespace gctq::qa
