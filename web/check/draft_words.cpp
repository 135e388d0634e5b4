#include "check/draft_words.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace foilog::web {

std::vector<std::string> content_words(std::string_view text,
                                       const std::function<bool(const std::string&)>& is_stopword) {
  std::vector<std::string> out;
  std::string word;
  bool letters = false;
  const auto flush = [&] {
    if (letters && word.size() > 1 && !is_stopword(word)) {
      out.push_back(word);
    }
    word.clear();
    letters = false;
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
      letters = letters || std::isalpha(u) != 0 || u >= 0x80;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string telling_words(const std::vector<std::string>& words, std::size_t k,
                          const std::function<std::uint64_t(const std::string&)>& frequency) {
  const std::set<std::string> distinct(words.begin(), words.end());
  std::vector<std::pair<std::uint64_t, std::string>> ranked;
  for (const auto& w : distinct) {
    if (const std::uint64_t f = frequency(w); f > 0) {
      ranked.emplace_back(f, w);
    }
  }
  std::sort(ranked.begin(), ranked.end());
  std::string out;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += ranked[i].second;
  }
  return out;
}

}  // namespace foilog::web
