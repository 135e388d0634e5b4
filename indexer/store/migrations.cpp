#include "store/migrations.h"

#include <string>

#include "schema/schema.h"
#include "schema/sqlite_tables.h"
#include "util/error.h"

namespace foilog {
namespace {

constexpr int kLatest = static_cast<int>(std::size(schema::kSqliteMigrations));
static_assert(kLatest == schema::kSchemaVersion, "add a migration when bumping kSchemaVersion");

void ensure_meta(SqliteDb& db) {
  db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
}

}  // namespace

int schema_version(SqliteDb& db) {
  auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  exists.bind(1, schema::table::kMeta);
  if (!exists.step()) {
    return 0;
  }
  auto stmt = db.prepare("SELECT value FROM meta WHERE key = ?1");
  stmt.bind(1, schema::meta_key::kSchemaVersion);
  if (!stmt.step()) {
    return 0;
  }
  const std::string value = stmt.text(0);
  try {
    return std::stoi(value);
  } catch (const std::exception&) {
    throw DataError(db.name() + ": meta.schema_version is \"" + value +
                    "\", not a number; the database is damaged");
  }
}

void migrate(SqliteDb& db) {
  ensure_meta(db);
  int version = schema_version(db);
  if (version > kLatest) {
    throw DataError(db.name() + ": written by a newer foilog (schema " + std::to_string(version) +
                    ", this build knows up to " + std::to_string(kLatest) +
                    "); upgrade foilog or use another --db");
  }
  for (; version < kLatest; ++version) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(schema::kSqliteMigrations[version]);
      auto set = db.prepare(
          "INSERT INTO meta(key, value) VALUES (?1, ?2) "
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
      set.bind(1, schema::meta_key::kSchemaVersion).bind(2, std::to_string(version + 1)).run();
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace foilog
