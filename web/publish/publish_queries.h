// Reads the publishing pages and API make over this thread's read-only SQLite connection: an
// authority's own documents in any status, their corrections, the audit log. Every read checks
// who may see the document (404 when there is none, 403 when it is another authority's).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/record.h"
#include "publish/auth.h"
#include "store/sqlite_db.h"

namespace foilog::web {

struct CorrectionView {
  std::string field, actor, at;
};

struct OwnedDocument {
  std::int64_t id = 0;
  std::string status;  // published, review, withdrawn
  std::string authority_id;
  Record record;
  std::string format, ingested_at, withdrawn_at, withdrawn_reason, purged_at;
  std::vector<CorrectionView> corrections;
};

// HttpError 404 / 403.
[[nodiscard]] OwnedDocument load_owned(SqliteDb& db, const Principal& who, std::int64_t id);

struct ListedDocument {
  std::int64_t id = 0;
  std::string status, authority_id, reference, title, date_responded, ingested_at, withdrawn_at;
  std::size_t warnings = 0;
};

struct DocumentList {
  std::vector<ListedDocument> documents;
  std::size_t total = 0;
};

// Newest first. status empty: every status. An administrator sees every authority's (or only
// `authority`'s when given).
[[nodiscard]] DocumentList list_owned(SqliteDb& db, const Principal& who, const std::string& status,
                                      const std::string& authority, std::size_t offset,
                                      std::size_t limit);

// (id, name) of every account.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> account_names(SqliteDb& db);

// "/publish/doc/12" -> 12 from the route's digits; HttpError 404 when out of range.
[[nodiscard]] std::int64_t document_id(const std::string& digits);

}  // namespace foilog::web
