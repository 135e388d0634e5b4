#include "taxonomy/authority_table_words.h"

#include <cctype>

namespace foilog {
namespace {

// Length of a UTF-8 apostrophe (U+2018 / U+2019) at s[i], else 0.
std::size_t curly_apostrophe_at(std::string_view s, std::size_t i) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x98 ||
       static_cast<unsigned char>(s[i + 2]) == 0x99)) {
    return 3;
  }
  return 0;
}

// Non-ASCII sequences that act as punctuation: the General Punctuation block (U+2000-U+206F:
// dashes, curly quotes, bullets), no-break space, © and the like. Letters such as é are kept.
std::size_t separator_sequence_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
      static_cast<unsigned char>(s[i + 1]) <= 0x81) {
    return 3;
  }
  if (b0 == 0xC2 && i + 1 < s.size()) {
    return 2;  // U+0080-U+00BF: NBSP, ©, £, «, », ...
  }
  if (b0 == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    return 3;  // byte order mark
  }
  return 0;
}

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80;
}

}  // namespace

std::vector<NameWord> split_name_words(std::string_view text) {
  std::vector<NameWord> words;
  NameWord current;
  bool in_word = false;
  auto finish = [&](std::size_t end) {
    if (in_word) {
      current.end = end;
      words.push_back(std::move(current));
      current = NameWord{};
      in_word = false;
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    // An apostrophe between two letters joins them: "Peter's", "Peter’s".
    const std::size_t apos = c == '\'' ? 1 : curly_apostrophe_at(text, i);
    if (apos > 0) {
      const bool joins = in_word && i + apos < text.size() &&
                         std::isalpha(static_cast<unsigned char>(text[i + apos])) != 0;
      if (!joins) {
        finish(i);
      }
      i += apos;
      continue;
    }
    if (c == '&') {
      finish(i);
      words.push_back({"and", i, i + 1});
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t sep = separator_sequence_at(text, i);
      if (sep > 0) {
        finish(i);
        i += sep;
        continue;
      }
    }
    if (is_word_byte(c)) {
      if (!in_word) {
        in_word = true;
        current.begin = i;
      }
      current.word += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    finish(i);
    ++i;
  }
  finish(text.size());
  return words;
}

std::string normalise_name(std::string_view name) {
  std::string key;
  for (const auto& w : split_name_words(name)) {
    if (key.empty() && w.word == "the") {
      continue;
    }
    if (!key.empty()) {
      key += ' ';
    }
    key += w.word;
  }
  return key;
}

}  // namespace foilog
