// Letterheads, running footers and "Page 3 of 5" lines repeat on every page of a PDF letter.
// Left in, they split sentences and multiply the authority's address; this keeps one copy.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace foilog {

struct JoinedPages {
  std::string text;
  std::size_t removed_lines = 0;
};

// Joins page texts with '\n'. A line among the first or last three non-empty lines of a page
// is furniture when, with digits ignored (so page numbers may vary), it sits at the edge of
// more than half of the pages (at least two); it is kept where it first appears and dropped
// from the later pages.
[[nodiscard]] JoinedPages join_pages_without_furniture(const std::vector<std::string>& pages);

}  // namespace foilog
