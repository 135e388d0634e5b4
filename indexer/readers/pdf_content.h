// Where a PDF content stream draws its text: a small interpreter of the operators that place text
// (q/Q, cm, BT/ET, Tf, TL, Td, TD, Tm, T*, Tj, TJ, ', "), enough to tell text drawn on the page
// from text drawn outside it, which poppler's text extraction drops without a word but which the
// file still holds for anyone to copy out. Pure function over the decoded stream.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct DrawnText {
  std::string text;  // the shown string's printable ASCII (simple fonts); may be empty
  // Estimated bounding box in default user space (points): glyph widths are guessed at half the
  // font size, since the font's metrics are not read.
  double left = 0, bottom = 0, right = 0, top = 0;
};

// Every text-showing operation in `content`, in order. Malformed operators are skipped; inline
// image data is stepped over. At most max_items are returned.
[[nodiscard]] std::vector<DrawnText> drawn_text(std::string_view content,
                                                std::size_t max_items = 100000);

}  // namespace foilog
