// CSV as RFC 4180 says (every field quoted, quotes doubled, CRLF line ends), with the
// spreadsheet formula-injection defence: a cell starting with = + - @ tab or CR gets a leading
// apostrophe, so Excel and LibreOffice show it as text instead of running it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foilog::web {

[[nodiscard]] std::string csv_cell(std::string_view value);
[[nodiscard]] std::string csv_row(const std::vector<std::string>& cells);

// A file name from what the export holds and the filters used: "foilog-search-q-police-
// outcome-refused.csv" (lower-case letters, digits and '-', at most ~120 characters).
[[nodiscard]] std::string export_file_name(
    std::string_view what, const std::vector<std::pair<std::string, std::string>>& params,
    std::string_view extension);

}  // namespace foilog::web
