#include "extract/authority_mentions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "util/text.h"

namespace foilog::authority_detail {
namespace {

bool printed_capitalised(std::string_view text, const NameWord& w) {
  const auto c = static_cast<unsigned char>(text[w.begin]);
  return std::isupper(c) != 0 || std::isdigit(c) != 0;
}

bool acronym_matches(std::string_view printed_in_text, std::string_view alias) {
  if (printed_in_text == alias) {
    return true;
  }
  std::string upper(alias);
  for (auto& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return printed_in_text == upper;
}

// A blank line between two words means they belong to different blocks (a heading and a
// paragraph), so a name must not be matched across it.
bool blank_line_between(std::string_view text, const NameWord& a, const NameWord& b) {
  int newlines = 0;
  for (std::size_t i = a.end; i < b.begin; ++i) {
    newlines += text[i] == '\n' ? 1 : 0;
  }
  return newlines >= 2;
}

bool only_spaces_between(std::string_view text, const NameWord& a, const NameWord& b) {
  for (std::size_t i = a.end; i < b.begin; ++i) {
    if (text[i] != ' ' && text[i] != '&') {
      return false;
    }
  }
  return true;
}

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// Longer runs of capitalised words are headings or table rows, not names.
constexpr std::size_t kMaxNameWords = 8;

bool line_break_between(std::string_view text, const NameWord& a, const NameWord& b) {
  return text.substr(a.end, b.begin - a.end).find('\n') != std::string_view::npos;
}

}  // namespace

std::vector<Mention> find_table_mentions(std::string_view text, const std::vector<NameWord>& words,
                                         const AuthorityTable& table) {
  std::unordered_map<std::string_view, std::vector<const AuthorityName*>> by_first_word;
  for (const auto& n : table.names()) {
    if (!n.words.empty()) {
      by_first_word[n.words.front()].push_back(&n);
    }
  }
  std::vector<Mention> mentions;
  for (std::size_t i = 0; i < words.size();) {
    const auto it = by_first_word.find(words[i].word);
    const AuthorityName* best = nullptr;
    if (it != by_first_word.end()) {
      for (const AuthorityName* n : it->second) {
        const std::size_t len = n->words.size();
        if (i + len > words.size() || (best != nullptr && len <= best->words.size())) {
          continue;
        }
        bool match = true;
        for (std::size_t k = 1; k < len && match; ++k) {
          match = words[i + k].word == n->words[k] &&
                  !blank_line_between(text, words[i + k - 1], words[i + k]);
        }
        if (!match) {
          continue;
        }
        const auto printed = text.substr(words[i].begin, words[i + len - 1].end - words[i].begin);
        if (n->acronym ? !acronym_matches(printed, n->printed)
                       : !printed_capitalised(text, words[i])) {
          continue;
        }
        best = n;
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    const std::size_t last = i + best->words.size() - 1;
    mentions.push_back({best->authority,
                        std::string(text.substr(words[i].begin, words[last].end - words[i].begin)),
                        {words[i].begin, words[last].end}});
    i = last + 1;
  }
  return mentions;
}

namespace {

// Name endings of UK public bodies, as normalised words.
const std::array<std::vector<std::string_view>, 14> kBodySuffixes = {{
    {"borough", "council"},
    {"district", "council"},
    {"county", "council"},
    {"city", "council"},
    {"council"},
    {"nhs", "foundation", "trust"},
    {"nhs", "trust"},
    {"health", "board"},
    {"integrated", "care", "board"},
    {"constabulary"},
    {"constabularies"},
    {"police"},
    {"fire", "and", "rescue", "service"},
    {"university"},
}};

// Capitalised words that start sentences or describe rather than name a body.
bool is_leading_noise(std::string_view w) {
  static const std::array<std::string_view, 28> kNoise = {
      "the",   "our",  "your", "this", "that",  "each",   "every",   "any",  "all",  "other",
      "which", "dear", "a",    "an",   "local", "parish", "town",    "for",  "from", "by",
      "to",    "in",   "at",   "of",   "and",   "re",     "freedom", "under"};
  for (auto n : kNoise) {
    if (w == n) {
      return true;
    }
  }
  return false;
}

bool is_connector(std::string_view w) {
  return w == "and" || w == "of" || w == "upon" || w == "on" || w == "the" || w == "under";
}

bool is_suffix_word(std::string_view w) {
  for (const auto& s : kBodySuffixes) {
    for (auto x : s) {
      if (w == x) {
        return true;
      }
    }
  }
  return w == "nhs";
}

}  // namespace

std::vector<Mention> find_unnamed_bodies(std::string_view text,
                                         const std::vector<NameWord>& words) {
  std::vector<Mention> found;
  std::size_t taken_until = 0;  // word index after the last name found, to avoid overlaps
  for (std::size_t end = 0; end < words.size(); ++end) {
    std::size_t suffix_len = 0;
    for (const auto& s : kBodySuffixes) {
      if (s.size() > end + 1 || s.size() <= suffix_len) {
        continue;
      }
      bool match = true;
      for (std::size_t k = 0; k < s.size() && match; ++k) {
        match = words[end + 1 - s.size() + k].word == s[k];
      }
      if (match && printed_capitalised(text, words[end + 1 - s.size()])) {
        suffix_len = s.size();
      }
    }
    if (suffix_len == 0) {
      continue;
    }
    // Walk back over capitalised words and connectors on the same line.
    std::size_t begin = end + 1 - suffix_len;
    // Walk back over capitalised words and connectors separated by spaces only: a comma, full
    // stop or line break ends the name ("Officer, Shropshire Fire and Rescue Service").
    while (begin > taken_until && end + 1 - begin < kMaxNameWords &&
           only_spaces_between(text, words[begin - 1], words[begin])) {
      const auto& prev = words[begin - 1];
      if ((!printed_capitalised(text, prev) && !is_connector(prev.word)) || is_number(prev.word)) {
        break;
      }
      --begin;
    }
    // "University of X": the name continues after the suffix.
    std::size_t last = end;
    if (words[end].word == "university" && end + 2 < words.size() && words[end + 1].word == "of" &&
        printed_capitalised(text, words[end + 2]) &&
        !line_break_between(text, words[end], words[end + 2])) {
      last = end + 2;
    }
    while (begin < end &&
           (is_leading_noise(words[begin].word) || is_connector(words[begin].word))) {
      ++begin;
    }
    bool named = false;  // at least one distinctive word besides the suffix
    for (std::size_t k = begin; k <= last; ++k) {
      named = named || (!is_suffix_word(words[k].word) && !is_connector(words[k].word));
    }
    if (!named) {
      continue;
    }
    found.push_back(
        {0,
         std::string(text.substr(words[begin].begin, words[last].end - words[begin].begin)),
         {words[begin].begin, words[last].end}});
    taken_until = last + 1;
    end = last;
  }
  return found;
}

}  // namespace foilog::authority_detail
