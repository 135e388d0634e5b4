// A CSV manifest of an existing disclosure log, uploaded with its files: one row per file with
// its reference, dates and title, applied as the authority's corrections of each file.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace foilog::web {

// RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) with a header row naming the columns:
// file (or file_name, filename: required), reference, date_received, date_responded, title, in
// any order; other columns are ignored. Returns safe_file_name(file) -> {"reference": ...} with
// the non-empty cells. Throws UsageError("manifest", "line N: ...").
[[nodiscard]] std::map<std::string, nlohmann::json> parse_manifest(const std::string& csv);

}  // namespace foilog::web
