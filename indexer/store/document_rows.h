// Writes one Record into SQLite: the documents row (record JSON plus the analytic columns) and
// its child rows (exemptions, questions, topics, regimes). Runs inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/record.h"
#include "store/sqlite_db.h"

namespace foilog {

struct DocumentSource {
  std::string path;
  std::string sha256;
  std::uint64_t size = 0;
  std::string format;
  std::string ingested_at;  // ISO 8601 UTC timestamp
};

// Inserts a new row (existing_id empty) or rewrites row existing_id in place, keeping its id, with
// documents.status = status. A published row is marked xapian_pending; a review or withdrawn one
// is not (only published documents are in Xapian). A new row takes new_id when given (a store's
// first id, store/first_id.h), else SQLite's next rowid. Returns the document id.
std::int64_t write_document_rows(SqliteDb& db, std::optional<std::int64_t> existing_id,
                                 const Record& rec, const DocumentSource& src,
                                 std::string_view status,
                                 std::optional<std::int64_t> new_id = std::nullopt);

// "2026-01-31T12:00:00Z", now.
[[nodiscard]] std::string utc_timestamp_now();

}  // namespace foilog
