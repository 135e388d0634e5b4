// The words of a draft that the check's queries are made of: pure functions over text, so the
// choice of words can be tested without an index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace foilog::web {

// Lower-cased runs of letters and digits that hold a letter and are longer than one character,
// stopwords left out; in order, repeats kept.
[[nodiscard]] std::vector<std::string> content_words(
    std::string_view text, const std::function<bool(const std::string&)>& is_stopword);

// The k distinct words that the fewest documents contain (frequency(word); rarest first, ties
// in alphabetical order), joined by spaces. Words no document contains are left out: they
// cannot match. With the whole index's frequencies the choice is the same from one database
// and from several.
[[nodiscard]] std::string telling_words(
    const std::vector<std::string>& words, std::size_t k,
    const std::function<std::uint64_t(const std::string&)>& frequency);

}  // namespace foilog::web
