// The last step of every reader: one spelling of whitespace and line ends, so extractors and
// span offsets never have to care which format a document came from.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

// Valid UTF-8 in, valid UTF-8 out: CRLF and CR -> LF; form feeds and Unicode line separators ->
// LF; NBSP and the other Unicode spaces -> ' '; zero-width characters, soft hyphens and control
// characters (except '\n' and '\t') removed; trailing spaces trimmed; at most one blank line in a
// row; no leading or trailing blank lines; lines that are one phrase written twice collapsed.
// Curly quotes and dashes are kept: extractors handle them and spans must match the source.
[[nodiscard]] std::string normalise_text(std::string_view utf8);

// "OFFICE OF THE X OFFICE OF THE X" -> "OFFICE OF THE X": PDF-to-text converters emit a
// letterhead twice when it is drawn twice (fill and outline). Only phrases of two or more words
// are collapsed so that table cells such as "No No" survive.
[[nodiscard]] std::string collapse_doubled_phrase(std::string_view line);

}  // namespace foilog
