#include "analytics/csv.h"

#include "util/text.h"

namespace foilog::web {

std::string csv_cell(std::string_view value) {
  std::string out = "\"";
  if (!value.empty()) {
    const char c = value.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      out += '\'';
    }
  }
  for (const char c : value) {
    if (c == '"') {
      out += "\"\"";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += csv_cell(cells[i]);
  }
  out += "\r\n";
  return out;
}

std::string export_file_name(std::string_view what,
                             const std::vector<std::pair<std::string, std::string>>& params,
                             std::string_view extension) {
  std::string name = "foilog-" + std::string(what);
  for (const auto& [k, v] : params) {
    if (k == "page" || k == "per_page" || k == "format" || k == "table") {
      continue;
    }
    const std::string part = slugify(k + " " + v);
    if (name.size() + part.size() > 120) {
      break;
    }
    name += "-" + part;
  }
  return name + "." + std::string(extension);
}

}  // namespace foilog::web
