// Bytes in whatever encoding a public body saved them in -> valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

struct DecodedText {
  std::string utf8;
  std::string converted_from;  // charset we converted from; empty when the input was UTF-8
};

// Strips a byte-order mark, converts UTF-16, and otherwise trusts valid UTF-8. Anything else is
// read in `declared_charset` (an HTML meta or MIME charset) when iconv knows it, else in the
// charset uchardet guesses when that is a multi-byte or non-Latin one, else as Windows-1252:
// legacy UK public-sector text is nearly always Windows-1252, and uchardet often mistakes
// short English text with a '£' or curly quote for some other Latin code page.
[[nodiscard]] DecodedText decode_to_utf8(std::string_view bytes,
                                         std::string_view declared_charset = {});

}  // namespace foilog
