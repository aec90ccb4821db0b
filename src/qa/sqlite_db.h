#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gctq::internal {

class SqliteStatement;

/// A minimal RAII SQLite connection: errors become ErrorCode::kIo values.
class SqliteDb {
 public:
  static Result<std::unique_ptr<SqliteDb>> Open(std::string const& path);
  ~SqliteDb();
  SqliteDb(SqliteDb const&) = delete;
  SqliteDb& operator=(SqliteDb const&) = delete;

  Status Exec(std::string_view sql);
  Result<SqliteStatement> Prepare(std::string_view sql);
  [[nodiscard]] std::int64_t Changes() const;
  [[nodiscard]] Error LastError(std::string_view what) const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt);
  SqliteStatement& Bind(int index, std::int64_t value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& BindNull(int index);
  /// true: a row is available; false: done.
  Result<bool> Step();
  Status Run();  ///< Step to completion, for statements without rows.
  [[nodiscard]] std::int64_t Int(int column) const;
  [[nodiscard]] std::string Text(int column) const;
  [[nodiscard]] bool IsNull(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  SqliteDb* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeded.
class SqliteTransaction {
 public:
  static Result<SqliteTransaction> Begin(SqliteDb& db);
  SqliteTransaction(SqliteTransaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();
  Status Commit();

 private:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

}  // namespace gctq::internal
