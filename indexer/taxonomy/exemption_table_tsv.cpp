#include "taxonomy/exemption_table_tsv.h"

#include "util/text.h"

namespace foilog::taxonomy_tsv {

std::vector<TsvLine> tsv_lines(std::string_view tsv) {
  std::vector<TsvLine> out;
  int number = 0;
  for (auto line : split_lines(tsv)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (trim(line).empty() || line.front() == '#') {
      continue;
    }
    TsvLine row{number, split(line, '\t')};
    for (auto& f : row.fields) {
      f = std::string(trim(f));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace foilog::taxonomy_tsv
