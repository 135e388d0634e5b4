#include "store/first_id.h"

#include <string>

#include "schema/schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace foilog {
namespace {

std::int64_t max_document_id(SqliteDb& db) {
  auto st = db.prepare("SELECT coalesce(MAX(id), 0) FROM documents");
  return st.step() ? st.int64(0) : 0;
}

}  // namespace

std::int64_t stored_first_id(SqliteDb& db) {
  auto st = db.prepare("SELECT value FROM meta WHERE key = ?1");
  st.bind(1, schema::meta_key::kFirstDocumentId);
  return st.step() ? std::stoll(st.text(0)) : 0;
}

void record_first_id(SqliteDb& db, const std::filesystem::path& dir, std::int64_t first_id) {
  if (first_id <= 0) {
    throw UsageError("first-id", "must be a positive whole number");
  }
  const std::int64_t stored = stored_first_id(db);
  if (stored == first_id) {
    return;
  }
  if (stored != 0) {
    throw DataError(dir.string() + ": this store numbers its documents from " +
                    std::to_string(stored) + " (set when it was created); ids cannot move to " +
                    std::to_string(first_id) + ": run again without --first-id, or with " +
                    std::to_string(stored));
  }
  if (const std::int64_t max_id = max_document_id(db); max_id >= first_id) {
    throw DataError(dir.string() + ": already holds documents numbered up to " +
                    std::to_string(max_id) + ", so it cannot start numbering at " +
                    std::to_string(first_id) + ": give a --first-id above " +
                    std::to_string(max_id) + " or a new store directory");
  }
  db.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)")
      .bind(1, schema::meta_key::kFirstDocumentId)
      .bind(2, std::to_string(first_id))
      .run();
}

std::optional<std::int64_t> id_for_new_document(SqliteDb& db, std::int64_t first_id) {
  if (first_id <= 0 || max_document_id(db) >= first_id) {
    return std::nullopt;
  }
  return first_id;
}

}  // namespace foilog
