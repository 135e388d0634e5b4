// HTML (disclosure-log pages, letters saved as web pages) -> text, using gumbo's HTML5 parser.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// Keeps what a reader of the page sees as the response: table cells joined by " | " one row per
// line, each <li> on its own line as "- item" ("- 1. item" in an <ol>), block elements ending
// lines. Drops scripts, styles, forms, navigation, site banners and footers, cookie/consent
// banners, skip links and hidden elements. title = <title>, else the first <h1>;
// metadata "source_url" = the canonical address when the page names one.
[[nodiscard]] DocumentText read_html(std::string_view bytes, const std::string& filename);

// The same conversion for a fragment of HTML found inside plain text (no title, no metadata).
// Line breaks inside the fragment are kept unless `single_line` (used for table cells).
[[nodiscard]] std::string html_fragment_to_text(std::string_view utf8_html,
                                                bool single_line = false);

}  // namespace foilog
