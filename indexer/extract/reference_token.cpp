#include "extract/reference_token.h"

#include <array>
#include <cctype>

#include "extract/dates_scan.h"
#include "util/text.h"

namespace foilog::reference_detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool all_digits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (const char c : s) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

bool is_year(std::string_view s) {
  if (s.size() != 4 || !all_digits(s)) {
    return false;
  }
  const int y = std::stoi(std::string(s));
  return y >= 1990 && y <= 2039;
}

// "2019", "2019/20", "2014-15", "2020-2024", "2015 / 2016", and dates: periods, not references.
bool is_period_or_date(std::string_view body) {
  if (is_year(body)) {
    return true;
  }
  const auto sep = body.find_first_of("/-");
  if (sep == 4 && is_year(body.substr(0, 4))) {
    const auto rest = body.substr(5);
    if ((rest.size() == 2 && all_digits(rest)) || is_year(rest)) {
      return true;
    }
  }
  const auto dates = dates_detail::find_dates(body);
  return !dates.empty() && dates.front().span.begin == 0 && dates.front().span.end == body.size();
}

}  // namespace

Token read_reference(std::string_view s) {
  std::size_t pos = 0;
  std::string prefix;
  // Prefix segments: "FOI ", "FOI/", "AH/", "RFI-", "F" (glued: "F15151").
  while (pos < s.size() && is_upper(s[pos])) {
    std::size_t end = pos;
    while (end < s.size() && is_upper(s[end]) && end - pos < 8) {
      ++end;
    }
    if (end < s.size() && is_digit(s[end])) {
      if (prefix.empty()) {
        prefix = s.substr(pos, end - pos);
      }
      pos = end;
      break;
    }
    if (end + 1 < s.size() && (s[end] == ' ' || s[end] == '/' || s[end] == '-' || s[end] == '_') &&
        is_alnum(s[end + 1])) {
      if (prefix.empty()) {
        prefix = s.substr(pos, end - pos);
      }
      pos = end + 1;
      continue;
    }
    return {};
  }
  if (pos >= s.size() || !is_digit(s[pos])) {
    return {};
  }
  const std::size_t body_start = pos;
  while (pos < s.size() && is_alnum(s[pos])) {
    ++pos;
  }
  while (pos + 1 < s.size() && (s[pos] == '/' || s[pos] == '-' || s[pos] == '_' || s[pos] == '.') &&
         is_alnum(s[pos + 1])) {
    ++pos;
    while (pos < s.size() && is_alnum(s[pos])) {
      ++pos;
    }
  }
  const auto body = s.substr(body_start, pos - body_start);
  if (is_period_or_date(body) || pos - body_start > 30) {
    return {};
  }
  return Token{pos, prefix};
}

bool is_request_prefix(std::string_view prefix) {
  static constexpr std::array<std::string_view, 7> kPrefixes = {"FOI", "FOIR", "EIR", "RFI",
                                                                "SAR", "IR",   "REQ"};
  for (const auto p : kPrefixes) {
    if (prefix == p) {
      return true;
    }
  }
  return false;
}

std::vector<Notice> find_decision_notices(std::string_view text) {
  std::vector<Notice> out;
  const auto add = [&](std::size_t at, std::size_t len) {
    const std::string id(text.substr(at, len));
    for (const auto& n : out) {
      if (n.id == id) {
        return;
      }
    }
    out.push_back(Notice{id, Span{at, at + len}});
  };
  const auto digits_at = [&](std::size_t at, std::size_t n) {
    return at + n <= text.size() && all_digits(text.substr(at, n)) &&
           (at + n == text.size() || !is_alnum(text[at + n]));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && is_alnum(text[i - 1])) {
      continue;
    }
    const auto rest = text.substr(i);
    if (rest.starts_with("FS") && digits_at(i + 2, 8)) {
      add(i, 10);
    } else if (rest.starts_with("FER") && digits_at(i + 3, 7)) {
      add(i, 10);
    } else if (rest.starts_with("IC-")) {
      std::size_t p = i + 3;
      std::size_t n = 0;
      while (p < text.size() && is_digit(text[p])) {
        ++p;
        ++n;
      }
      if (n >= 5 && n <= 7 && p + 5 <= text.size() && text[p] == '-') {
        std::size_t q = p + 1;
        while (q < text.size() && (is_upper(text[q]) || is_digit(text[q]))) {
          ++q;
        }
        if (q - p - 1 >= 3 && q - p - 1 <= 5 && (q == text.size() || !is_alnum(text[q]))) {
          add(i, q - i);
        }
      }
    } else if (rest.starts_with("Decision ")) {
      // Scottish Information Commissioner: "Decision 123/2019", "Decision Notice 123/2019".
      std::size_t p = i + 9;
      if (text.substr(p).starts_with("Notice ")) {
        p += 7;
      }
      std::size_t n = 0;
      while (p + n < text.size() && is_digit(text[p + n])) {
        ++n;
      }
      if (n >= 1 && n <= 4 && p + n + 5 <= text.size() && text[p + n] == '/' &&
          digits_at(p + n + 1, 4)) {
        add(i, p + n + 5 - i);
      }
    }
  }
  return out;
}

}  // namespace foilog::reference_detail
