// Splits a taxonomy TSV into numbered rows, skipping blank lines and '#' comments, so the
// exemption and bank-holiday loaders can name the line of a bad row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foilog::taxonomy_tsv {

struct TsvLine {
  int number = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

[[nodiscard]] std::vector<TsvLine> tsv_lines(std::string_view tsv);

}  // namespace foilog::taxonomy_tsv
