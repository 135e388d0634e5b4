// Numbered schema migrations for foilog.sqlite. meta.schema_version records the last one applied;
// each runs once, in its own transaction, in order.
#pragma once

#include "store/sqlite_db.h"

namespace foilog {

// Brings the database to schema::kSchemaVersion. Throws DataError naming the file when it was
// written by a newer foilog.
void migrate(SqliteDb& db);

// The version recorded in meta (0 for a database foilog has never written).
[[nodiscard]] int schema_version(SqliteDb& db);

}  // namespace foilog
