// Small string and UTF-8 helpers shared by every layer. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foilog {

[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// Returns bytes as valid UTF-8: valid input is returned unchanged; each byte that is not part
// of a valid UTF-8 sequence is read as Windows-1252 (a superset of Latin-1's printable range),
// which is what legacy UK public-sector text almost always is.
[[nodiscard]] std::string repair_utf8(std::string_view bytes);

// Decodes a whole buffer as Windows-1252.
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);

[[nodiscard]] std::string ascii_lower(std::string_view s);
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view s);
[[nodiscard]] std::vector<std::string> split(std::string_view s, char sep);
// Collapses runs of ASCII whitespace to one space and trims the ends.
[[nodiscard]] std::string collapse_whitespace(std::string_view s);
// Lower-case ASCII letters and digits joined by '-': "West Midlands Police" ->
// "west-midlands-police".
[[nodiscard]] std::string slugify(std::string_view s);
// Case-insensitive (ASCII) search; npos when absent.
[[nodiscard]] std::size_t ifind(std::string_view haystack, std::string_view needle,
                                std::size_t from = 0);
[[nodiscard]] bool icontains(std::string_view haystack, std::string_view needle);
[[nodiscard]] bool istarts_with(std::string_view s, std::string_view prefix);

}  // namespace foilog
