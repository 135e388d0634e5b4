#include "publish/manifest.h"

#include <vector>

#include "publish/upload.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

std::vector<std::vector<std::string>> parse_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  bool row_has_content = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      row_has_content = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
      row_has_content = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
        ++i;
      }
      if (row_has_content || !cell.empty()) {
        rows.back().push_back(cell);
        rows.emplace_back();
      }
      cell.clear();
      row_has_content = false;
    } else {
      cell += c;
      row_has_content = true;
    }
  }
  if (quoted) {
    throw UsageError("manifest", "a quoted field is never closed");
  }
  if (row_has_content || !cell.empty()) {
    rows.back().push_back(cell);
  } else if (rows.back().empty()) {
    rows.pop_back();
  }
  return rows;
}

}  // namespace

std::map<std::string, nlohmann::json> parse_manifest(const std::string& csv_in) {
  std::string csv = repair_utf8(csv_in);
  if (csv.starts_with("\xEF\xBB\xBF")) {
    csv.erase(0, 3);  // Excel's byte-order mark
  }
  const auto rows = parse_csv(csv);
  if (rows.empty()) {
    throw UsageError("manifest", "is empty; it needs a header row such as file,reference,title");
  }
  int file_col = -1;
  std::vector<std::pair<int, std::string>> columns;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const std::string h = ascii_lower(std::string(trim(rows[0][i])));
    if (h == "file" || h == "file_name" || h == "filename" || h == "file name") {
      file_col = static_cast<int>(i);
    } else if (h == "reference" || h == "date_received" || h == "date_responded" || h == "title") {
      columns.emplace_back(static_cast<int>(i), h);
    }
  }
  if (file_col < 0) {
    throw UsageError("manifest", "line 1 must name a file column (file, reference, ...)");
  }
  std::map<std::string, nlohmann::json> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const auto cell = [&row](int i) {
      return i < static_cast<int>(row.size()) ? std::string(trim(row[static_cast<std::size_t>(i)]))
                                              : std::string();
    };
    const std::string file = cell(file_col);
    if (file.empty()) {
      throw UsageError("manifest", "line " + std::to_string(r + 1) + " names no file");
    }
    nlohmann::json facts = nlohmann::json::object();
    for (const auto& [i, name] : columns) {
      if (const std::string v = cell(i); !v.empty()) {
        facts[name] = v;
      }
    }
    out[safe_file_name(file)] = std::move(facts);
  }
  return out;
}

}  // namespace foilog::web
