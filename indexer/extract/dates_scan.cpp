#include "extract/dates_scan.h"

#include <array>
#include <cctype>

#include "util/text.h"

namespace foilog::dates_detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// A cursor over the text that reads the small tokens a date is made of.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  [[nodiscard]] std::size_t pos() const { return pos_; }

  // 1..max_len digits; fails when more digits follow (so "20201" is not a year).
  std::optional<int> number(std::size_t min_len, std::size_t max_len) {
    std::size_t n = 0;
    int value = 0;
    while (pos_ + n < text_.size() && is_digit(text_[pos_ + n])) {
      if (n == max_len) {
        return std::nullopt;
      }
      value = value * 10 + (text_[pos_ + n] - '0');
      ++n;
    }
    if (n < min_len) {
      return std::nullopt;
    }
    pos_ += n;
    return value;
  }
  std::string_view word() {
    std::size_t n = 0;
    while (pos_ + n < text_.size() && is_alpha(text_[pos_ + n])) {
      ++n;
    }
    const auto w = text_.substr(pos_, n);
    pos_ += n;
    return w;
  }
  bool literal(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // Spaces, tabs, no-break spaces and at most one line break (PDF text wraps inside dates).
  // Returns how many bytes were skipped.
  std::size_t gap() {
    const std::size_t start = pos_;
    bool newline = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t') {
        ++pos_;
      } else if (c == '\n' && !newline) {
        newline = true;
        ++pos_;
      } else if (text_.substr(pos_, 2) == "\xC2\xA0") {
        pos_ += 2;
      } else {
        break;
      }
    }
    return pos_ - start;
  }
  // "st", "nd", "rd", "th" after a day number.
  void ordinal_suffix() {
    const auto rest = text_.substr(pos_, 2);
    if (rest.size() == 2 && (ascii_lower(rest) == "st" || ascii_lower(rest) == "nd" ||
                             ascii_lower(rest) == "rd" || ascii_lower(rest) == "th")) {
      if (pos_ + 2 >= text_.size() || !is_alpha(text_[pos_ + 2])) {
        pos_ += 2;
      }
    }
  }
  [[nodiscard]] bool at_number_end() const {
    return pos_ >= text_.size() || !is_digit(text_[pos_]);
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

std::optional<int> year_value(Cursor& c) {
  const auto y = c.number(4, 4);
  if (!y || *y < 1900 || *y > 2199) {
    return std::nullopt;
  }
  return y;
}

// "15 October 2020", "15th of Oct, 2020", "3 February, 2020".
std::optional<DateMatch> day_month_year(std::string_view text, std::size_t at) {
  Cursor c(text, at);
  const auto day = c.number(1, 2);
  if (!day) {
    return std::nullopt;
  }
  c.ordinal_suffix();
  if (c.gap() == 0) {
    return std::nullopt;
  }
  auto w = c.word();
  if (ascii_lower(w) == "of") {
    c.gap();
    w = c.word();
  }
  const auto month = month_from_name(w);
  if (!month) {
    return std::nullopt;
  }
  c.literal('.');
  c.literal(',');
  if (c.gap() == 0 && text.substr(c.pos() - 1, 1) != ",") {
    return std::nullopt;
  }
  const auto year = year_value(c);
  if (!year) {
    return std::nullopt;
  }
  const auto d = make_date(*year, *month, *day);
  if (!d) {
    return std::nullopt;
  }
  return DateMatch{*d, Span{at, c.pos()}};
}

// "October 15, 2020", "January 1st 2023", "September 13, 2019".
std::optional<DateMatch> month_day_year(std::string_view text, std::size_t at) {
  Cursor c(text, at);
  const auto month = month_from_name(c.word());
  if (!month) {
    return std::nullopt;
  }
  c.literal('.');
  if (c.gap() == 0) {
    return std::nullopt;
  }
  const auto day = c.number(1, 2);
  if (!day) {
    return std::nullopt;
  }
  c.ordinal_suffix();
  c.literal(',');
  c.gap();
  const auto year = year_value(c);
  if (!year || !c.at_number_end()) {
    return std::nullopt;
  }
  const auto d = make_date(*year, *month, *day);
  if (!d) {
    return std::nullopt;
  }
  return DateMatch{*d, Span{at, c.pos()}};
}

// "15/10/2020", "15.10.2020", "15-10-2020" (day first) and ISO "2020-10-15".
std::optional<DateMatch> numeric(std::string_view text, std::size_t at) {
  {
    Cursor c(text, at);
    const auto y = c.number(4, 4);
    if (y && c.literal('-')) {
      const auto m = c.number(2, 2);
      if (m && c.literal('-')) {
        const auto d = c.number(2, 2);
        if (d) {
          if (const auto date = make_date(*y, *m, *d)) {
            return DateMatch{*date, Span{at, c.pos()}};
          }
        }
      }
    }
  }
  Cursor c(text, at);
  const auto d = c.number(1, 2);
  if (!d || c.pos() >= text.size()) {
    return std::nullopt;
  }
  const char sep = text[c.pos()];
  if (sep != '/' && sep != '.' && sep != '-') {
    return std::nullopt;
  }
  c.literal(sep);
  const auto m = c.number(1, 2);
  if (!m || !c.literal(sep)) {
    return std::nullopt;
  }
  const auto y = year_value(c);
  if (!y) {
    return std::nullopt;
  }
  const auto date = make_date(*y, *m, *d);
  if (!date) {
    return std::nullopt;
  }
  return DateMatch{*date, Span{at, c.pos()}};
}

}  // namespace

std::optional<int> month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const auto w = ascii_lower(word);
  if (w.size() < 3) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (w == kNames[i] || w == kNames[i].substr(0, 3) || (i == 8 && w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return std::nullopt;
}

bool is_weekday_name(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const auto w = ascii_lower(word);
  for (const auto n : kNames) {
    if (w == n || (w.size() >= 3 && n.substr(0, w.size()) == w && w.size() <= 4)) {
      return true;
    }
  }
  return false;
}

std::vector<DateMatch> find_dates(std::string_view text) {
  std::vector<DateMatch> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const char prev = i > 0 ? text[i - 1] : ' ';
    std::optional<DateMatch> m;
    if (is_digit(c) && !is_digit(prev) && prev != '/' && prev != '.' && prev != '-') {
      // Letters may precede the day: labels are often glued to values ("Request Date18 March").
      m = numeric(text, i);
      if (!m) {
        m = day_month_year(text, i);
      }
    } else if (is_alpha(c) && !is_alpha(prev)) {
      m = month_day_year(text, i);
    }
    if (m) {
      out.push_back(*m);
      i = m->span.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace foilog::dates_detail
