// A small RAII wrapper over the SQLite C API. Values only ever reach SQL through bound
// parameters; exec() is for fixed statements (DDL, PRAGMA, BEGIN/COMMIT).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace foilog {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql, const std::string& db_name);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;

  // Parameters are 1-based, as in SQLite. Chainable.
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  SqliteStatement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
  SqliteStatement& bind_null(int index);
  // NULL when empty: optional columns (dates, authority id) store "unknown" as NULL.
  SqliteStatement& bind_or_null(int index, std::string_view text);
  SqliteStatement& bind(int index, const std::optional<int>& value);
  SqliteStatement& bind(int index, const std::optional<bool>& value);

  // True while a row is available; false when done. Throws DataError on failure.
  bool step();
  // step() for statements that return no rows.
  void run();
  void reset();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t int64(int column) const;
  [[nodiscard]] std::string text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string db_name_;
};

class SqliteDb {
 public:
  // Opens (creating when read_only is false) the database file. Sets WAL, foreign_keys=ON and a
  // busy timeout so a reader never fails just because the writer is committing.
  SqliteDb(const std::filesystem::path& file, bool read_only);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);
  [[nodiscard]] SqliteStatement prepare(std::string_view sql);
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  // sqlite3_total_changes64: rows changed since open (used to prove idempotent puts).
  [[nodiscard]] std::int64_t total_changes() const;
  [[nodiscard]] bool in_transaction() const;
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string name_;  // the file path, for error messages
};

}  // namespace foilog
