// Splits text into the words names are compared by, so that "The Royal Surrey County Hospital",
// "royal surrey county hospital" and "ROYAL SURREY COUNTY HOSPITAL." compare equal and a match
// found in a document can be mapped back to byte offsets. Shared by the authority and topic
// tables and their extractors. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct NameWord {
  std::string word;  // lower-case ASCII letters/digits (other UTF-8 letters kept as bytes)
  std::size_t begin = 0;
  std::size_t end = 0;  // byte offsets of the word as printed
};

// Words are runs of letters and digits. Apostrophes (' and U+2018/U+2019) inside a word are
// dropped ("St Peter's" -> "st", "peters"), "&" is the word "and", everything else (spaces,
// hyphens, full stops, dashes, quotes) separates words.
[[nodiscard]] std::vector<NameWord> split_name_words(std::string_view text);

// The comparison key of a name: its words joined by single spaces, without a leading "the".
// "The Royal Surrey County Hospital" -> "royal surrey county hospital"; "Ashford & St. Peter's"
// -> "ashford and st peters".
[[nodiscard]] std::string normalise_name(std::string_view name);

}  // namespace foilog
