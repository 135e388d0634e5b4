#include "store/sqlite_db.h"

#include <cstring>
#include <utility>

#include "util/error.h"

namespace foilog {
namespace {

// For an I/O failure, the operating system's reason ("File too large", "No space left on
// device"): SQLite's own message is only "disk I/O error", which does not say what to fix.
std::string os_reason(sqlite3* db) {
  if (db == nullptr) {
    return {};
  }
  const int code = sqlite3_errcode(db) & 0xff;
  const int err = sqlite3_system_errno(db);
  if ((code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN) || err == 0) {
    return {};
  }
  return std::string(" (") + std::strerror(err) + ")";
}

[[noreturn]] void fail(sqlite3* db, const std::string& db_name, std::string_view doing) {
  throw DataError(db_name + ": SQLite error while " + std::string(doing) + ": " +
                  (db != nullptr ? sqlite3_errmsg(db) : "out of memory") + os_reason(db));
}

// How long a reader waits for the writer's lock before reporting "database is locked".
constexpr int kBusyTimeoutMs = 10000;

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql, const std::string& db_name)
    : db_(db), db_name_(db_name) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    fail(db_, db_name_, "preparing \"" + std::string(sql.substr(0, 60)) + "\"");
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(stmt_);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      db_name_(std::move(other.db_name_)) {}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, db_name_, "binding a parameter");
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) {
    fail(db_, db_name_, "binding a parameter");
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) {
    fail(db_, db_name_, "binding a parameter");
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<int>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<bool>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  fail(db_, db_name_, "running \"" + std::string(sqlite3_sql(stmt_)).substr(0, 60) + "\"");
}

void SqliteStatement::run() {
  while (step()) {
  }
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string SqliteStatement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(p),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

SqliteDb::SqliteDb(const std::filesystem::path& file, bool read_only) : name_(file.string()) {
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(name_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DataError(name_ + ": cannot open the SQLite database: " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    if (!read_only) {
      // WAL: readers (the web front end) never block the writer, and a killed writer leaves a
      // log SQLite rolls back on the next open.
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=NORMAL");
    }
    exec("PRAGMA foreign_keys=ON");
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteDb::~SqliteDb() {
  sqlite3_close(db_);
}

void SqliteDb::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string statement(sql);
  if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string reason = err != nullptr ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw DataError(name_ + ": SQLite error while running \"" + statement.substr(0, 60) +
                    "\": " + reason + os_reason(db_));
  }
}

SqliteStatement SqliteDb::prepare(std::string_view sql) {
  return {db_, sql, name_};
}

std::int64_t SqliteDb::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t SqliteDb::total_changes() const {
  return sqlite3_total_changes64(db_);
}

bool SqliteDb::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

}  // namespace foilog
