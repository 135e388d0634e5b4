// Where a store starts numbering its documents (meta.first_document_id). Several stores served
// as shards of one site (docs/SCALING.md) must never give two documents the same id: each shard
// is created with its own first id (`foilog index --first-id N`), far enough from the others'
// that their ranges never meet, and new documents take the next id above both it and every id
// the store already has.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace foilog {

class SqliteDb;

// The recorded first id, or 0 when the store numbers from 1 as usual.
[[nodiscard]] std::int64_t stored_first_id(SqliteDb& db);

// Records first_id for the store at dir (inside the caller's transaction or autocommit). The
// same value again is a no-op; a different recorded value, or documents already numbered at or
// above first_id, throw DataError naming dir and what to do.
void record_first_id(SqliteDb& db, const std::filesystem::path& dir, std::int64_t first_id);

// The id a new document must take so that ids stay at or above first_id: first_id itself while
// every stored id is below it, else nullopt (SQLite's next rowid is already above it).
[[nodiscard]] std::optional<std::int64_t> id_for_new_document(SqliteDb& db, std::int64_t first_id);

}  // namespace foilog
