#include "qa/sqlite_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace gctq::internal {

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(std::string const& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw));
  if (rc != SQLITE_OK) return MakeError(ErrorCode::kIo, fmt::format("cannot open state db {}", path));
  sqlite3_busy_timeout(raw, 10'000);
  return db;
}

SqliteDb::~SqliteDb() {
  sqlite3_close_v2(db_);
}

Error SqliteDb::LastError(std::string_view what) const {
  return MakeError(ErrorCode::kIo, fmt::format("state db: {}: {}", what, sqlite3_errmsg(db_)));
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return LastError("exec");
  return Ok{};
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return LastError("prepare");
  }
  return SqliteStatement(this, stmt);
}

std::int64_t SqliteDb::Changes() const {
  return sqlite3_changes64(db_);
}

void SqliteStatement::Finalizer::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

SqliteStatement::SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

SqliteStatement& SqliteStatement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->LastError("step");
}

Status SqliteStatement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return Ok{};
  }
}

std::int64_t SqliteStatement::Int(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

std::string SqliteStatement::Text(int column) const {
  auto const* text = reinterpret_cast<char const*>(sqlite3_column_text(stmt_.get(), column));
  return text == nullptr ? std::string() : std::string(text, sqlite3_column_bytes(stmt_.get(), column));
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

Result<SqliteTransaction> SqliteTransaction::Begin(SqliteDb& db) {
  GCTQ_TRY(db.Exec("BEGIN IMMEDIATE"));
  return SqliteTransaction(&db);
}

SqliteTransaction::~SqliteTransaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Status SqliteTransaction::Commit() {
  auto* db = std::exchange(db_, nullptr);
  auto status = db->Exec("COMMIT");
  if (!status) (void)db->Exec("ROLLBACK");
  return status;
}

}  // namespace gctq::internal
