// Plain text and Markdown. Both are what people (and scrapers) save disclosure-log pages as, so
// both may carry leftover HTML and Markdown link syntax.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// Decodes the bytes, cleans lines that contain HTML tags through the HTML path (a tab-separated
// line of fragments is a table row: cells joined by " | "), turns [text](url) into text and
// <https://...> into the bare address.
[[nodiscard]] DocumentText read_plain_text(std::string_view bytes, const std::string& filename);

// As plain text, and also drops heading markers, emphasis, code fences, rules and link
// definitions; bullets ("*", "+", "-") become "- "; table rows lose their outer pipes.
[[nodiscard]] DocumentText read_markdown(std::string_view bytes, const std::string& filename);

// Exposed for tests: one line of text with HTML tags in it -> text.
[[nodiscard]] std::string clean_html_line(std::string_view line);
[[nodiscard]] bool has_html_tag(std::string_view line);
[[nodiscard]] std::string strip_markdown_links(std::string_view line);

}  // namespace foilog
