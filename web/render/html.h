// HTML the server builds itself (the only HTML Mustache receives unescaped; see
// templates.h's allowlist): escaping, and the full text with the evidence for each extracted
// fact highlighted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foilog::web {

// Escapes & < > " ' (the same set as Mustache's {{ }}), so the result is safe in text and in
// quoted attributes.
[[nodiscard]] std::string html_escape(std::string_view s);

struct Highlight {
  std::size_t begin = 0, end = 0;  // byte offsets into the text
  std::string label;               // what the span is evidence of: "Reference"
  std::string id;                  // anchor id for links from the summary list: "ev-reference"
};

// The text HTML-escaped, each highlight wrapped in <mark id=... title=...>. Overlapping or
// out-of-range spans are dropped (the earlier one wins); a span that would cut a UTF-8
// sequence is widened to whole characters.
[[nodiscard]] std::string highlight_text(std::string_view text, std::vector<Highlight> spans);

}  // namespace foilog::web
