// The record export (search results as CSV or JSON, and `foilog export`): one row per response
// with stable, documented column names (docs/PATTERNS.md), read from SQLite in batches so a
// million-document export runs in bounded memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace foilog {
class SqliteDb;
}

namespace foilog::web {

// The columns, in order.
[[nodiscard]] const std::vector<std::string>& export_columns();

// Rows for these SQLite document ids, in the order given (ids not found are skipped). Values
// are text; list columns are joined with "; ". Batches of a few hundred ids keep memory small.
[[nodiscard]] std::vector<std::vector<std::string>> export_rows(
    SqliteDb& db, const std::vector<std::int64_t>& ids);
// The same over several stores (shards): each id's row from the store that holds it.
[[nodiscard]] std::vector<std::vector<std::string>> export_rows(
    const std::vector<SqliteDb*>& stores, const std::vector<std::int64_t>& ids);

// A row as a JSON object (lists as arrays, numbers as numbers, unknown as null).
[[nodiscard]] nlohmann::json export_row_json(const std::vector<std::string>& row);

}  // namespace foilog::web
