#include "extract/exemptions_citations.h"

#include <array>
#include <cctype>
#include <optional>

#include "util/text.h"

namespace foilog::exemptions_detail {
namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

struct Keyword {
  std::string_view text;
  bool regulation;
  bool needs_digit_next;  // bare abbreviations ("s", "s.") only count before a number
};

// Longest first so "sections" wins over "section" and "s".
constexpr std::array<Keyword, 14> kKeywords = {{
    {"regulations", true, false},
    {"regulation", true, false},
    {"sections", false, false},
    {"section", false, false},
    {"regs.", true, true},
    {"reg.", true, true},
    {"regs", true, true},
    {"reg", true, true},
    {"secs", false, true},
    {"sec.", false, true},
    {"ss.", false, true},
    {"ss", false, true},
    {"s.", false, true},
    {"s", false, true},
}};

// The citing word may follow a space, an opening bracket or punctuation, never a letter, digit
// or apostrophe ("MP's 10" is not a citation).
bool keyword_boundary_before(std::string_view text, std::size_t at) {
  if (at == 0) {
    return true;
  }
  const char p = text[at - 1];
  return p == ' ' || p == '\n' || p == '\t' || p == '(' || p == '[' || p == ',' || p == ';' ||
         p == ':' || p == '/' || p == '"' || p == '-';
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t max = 3) {
  std::size_t n = 0;
  while (pos < text.size() && n < max) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
      ++n;
    } else if (text.substr(pos, 2) == "\xC2\xA0") {
      pos += 2;
      ++n;
    } else {
      break;
    }
  }
  return pos;
}

// A section number: 1-3 digits and an optional capital letter ("22A"), plausible as an FOI
// provision (<= 90) and not followed by more word characters ("12th", "450").
std::optional<std::string> section_number(std::string_view text, std::size_t& pos) {
  std::size_t end = pos;
  while (end < text.size() && is_digit(text[end]) && end - pos < 3) {
    ++end;
  }
  if (end == pos || (end < text.size() && is_digit(text[end]))) {
    return std::nullopt;
  }
  std::string number(text.substr(pos, end - pos));
  if (end < text.size() && text[end] >= 'A' && text[end] <= 'Z' &&
      (end + 1 >= text.size() || !is_alnum(text[end + 1]))) {
    number += text[end];
    ++end;
  }
  if (end < text.size() && is_alpha(text[end])) {
    return std::nullopt;
  }
  if (std::stoi(number) > 90) {
    return std::nullopt;
  }
  pos = end;
  return number;
}

// "(1)", "(3A)", "(a)", "(ii)"; the first may follow one space ("Section 40 (1)").
std::vector<std::string> read_groups(std::string_view text, std::size_t& pos) {
  std::vector<std::string> groups;
  while (true) {
    std::size_t p = groups.empty() ? skip_spaces(text, pos, 1) : pos;
    if (p >= text.size() || text[p] != '(') {
      break;
    }
    const auto close = text.find(')', p);
    if (close == std::string_view::npos || close - p - 1 == 0 || close - p - 1 > 4) {
      break;
    }
    const auto inner = text.substr(p + 1, close - p - 1);
    const bool numeric = is_digit(inner[0]);
    bool ok = true;
    for (std::size_t i = 0; i < inner.size(); ++i) {
      const char c = inner[i];
      // Numbers may carry an inserted-subsection capital ("3A"); letters are lower-case.
      ok = ok &&
           (numeric ? (is_digit(c) || (i > 0 && c >= 'A' && c <= 'Z')) : (c >= 'a' && c <= 'z'));
    }
    if (!ok) {
      break;
    }
    groups.emplace_back(inner);
    pos = close + 1;
  }
  return groups;
}

bool is_roman(std::string_view g) {
  for (const std::string_view r : {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}) {
    if (g == r) {
      return true;
    }
  }
  return false;
}

enum class GroupKind { number, letter, roman };

GroupKind kind_of(const std::string& g, std::size_t depth, const std::vector<std::string>& base) {
  if (is_digit(g[0])) {
    return GroupKind::number;
  }
  // "(i)" below a letter group is a sub-paragraph numeral, not the letter i.
  if (is_roman(g) && depth > 0 && !is_digit(base[depth - 1][0])) {
    return GroupKind::roman;
  }
  return GroupKind::letter;
}

// "40(2) and (3A)(a)" -> (3A)(a) replaces from the level of its first group.
std::vector<std::string> continue_groups(const std::vector<std::string>& base,
                                         const std::vector<std::string>& more) {
  const auto want = is_digit(more[0][0]) ? GroupKind::number : GroupKind::letter;
  for (std::size_t depth = base.size(); depth-- > 0;) {
    auto k = kind_of(base[depth], depth, base);
    if (k == want || (want == GroupKind::letter && k == GroupKind::roman && is_roman(more[0]))) {
      std::vector<std::string> out(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(depth));
      out.insert(out.end(), more.begin(), more.end());
      return out;
    }
  }
  auto out = base;
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

// The Act named right after a citation: "of FOISA", "of the Freedom of Information Act 2000",
// "FOIA", "of the Act" (unnamed), "of the Licensing Act 2003" (other).
CitedAct act_after(std::string_view text, std::size_t pos) {
  auto rest = ascii_lower(text.substr(pos, 120));
  std::string_view r = trim(rest);
  // Skip a short heading in brackets or after a dash: "(Health and Safety) of the Act".
  if (!r.empty() && r.front() == '(') {
    const auto close = r.find(')');
    if (close != std::string_view::npos && close < 60) {
      r = trim(r.substr(close + 1));
    }
  }
  const auto starts = [&](std::string_view p) { return r.substr(0, p.size()) == p; };
  if (starts(",")) {
    r = trim(r.substr(1));
  }
  if (starts("of ") || starts("under ") || starts("in ")) {
    r = trim(r.substr(r.find(' ')));
    if (starts("the ")) {
      r = trim(r.substr(4));
    }
  } else if (!(starts("foi") || starts("eir"))) {
    return CitedAct::unnamed;
  }
  if (starts("foisa") || starts("foi(s)a") || starts("freedom of information (scotland)") ||
      starts("foi (scotland)")) {
    return CitedAct::foisa;
  }
  if (starts("environmental information (scotland)") || starts("eir(s)") || starts("eirs ") ||
      starts("eirs,") || starts("eirs.")) {
    return CitedAct::eirs;
  }
  if (starts("foi") || starts("freedom of information")) {
    return CitedAct::foi;
  }
  if (starts("eir") || starts("environmental information")) {
    return CitedAct::eir;
  }
  if (starts("act") || starts("regulations")) {
    return CitedAct::unnamed;
  }
  // "of the Licensing Act 2003", "of the Data Protection Act 2018": a named other law.
  const auto law = r.find(" act");
  const auto regs = r.find(" regulations");
  const auto stop = r.find_first_of(".;\n");
  const auto first = std::min(law, regs);
  if (first != std::string_view::npos && first < 60 &&
      (stop == std::string_view::npos || first < stop)) {
    return CitedAct::other;
  }
  return CitedAct::unnamed;
}

// "section 12 and 18 hours": a number in a list that is a quantity, not a section.
bool followed_by_unit(std::string_view text, std::size_t pos) {
  const auto rest = ascii_lower(trim(text.substr(pos, 16)));
  for (const std::string_view unit : {"hour", "day", "working", "week", "month", "year", "minute",
                                      "%", "per", "people", "pound"}) {
    if (rest.rfind(unit, 0) == 0) {
      return true;
    }
  }
  return false;
}

bool is_list_joiner(std::string_view text, std::size_t pos, std::size_t& after) {
  std::size_t p = skip_spaces(text, pos);
  if (p < text.size() && (text[p] == ',' || text[p] == '/' || text[p] == '&')) {
    ++p;
    p = skip_spaces(text, p);
  }
  for (const std::string_view w : {"and ", "or ", "and/or "}) {
    if (ascii_lower(text.substr(p, w.size())) == w) {
      after = skip_spaces(text, p + w.size());
      return true;
    }
  }
  if (p > pos &&
      (text[p - 1] == ' ' || text[p - 1] == ',' || text[p - 1] == '/' || text[p - 1] == '&')) {
    after = p;
    return text.substr(pos, p - pos).find_first_of(",/&") != std::string_view::npos;
  }
  return false;
}

}  // namespace

std::string Citation::canonical() const {
  std::string out = regulation ? "reg" : "s";
  out += number;
  for (const auto& g : groups) {
    out += '(';
    out += g;
    out += ')';
  }
  return out;
}

std::vector<Citation> find_citations(std::string_view text) {
  std::vector<Citation> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!keyword_boundary_before(text, i) ||
        (text[i] != 's' && text[i] != 'S' && text[i] != 'r' && text[i] != 'R')) {
      ++i;
      continue;
    }
    const Keyword* kw = nullptr;
    for (const auto& k : kKeywords) {
      if (ascii_lower(text.substr(i, k.text.size())) == k.text) {
        const auto next = i + k.text.size();
        if (next < text.size() && is_alpha(text[next])) {
          continue;  // "sections" vs "sectional", "s" inside a word
        }
        kw = &k;
        break;
      }
    }
    if (kw == nullptr) {
      ++i;
      continue;
    }
    std::size_t pos = skip_spaces(text, i + kw->text.size());
    if (kw->needs_digit_next && pos > i + kw->text.size() + 1) {
      ++i;  // "s" followed by several spaces is not an abbreviation
      continue;
    }
    auto number =
        pos < text.size() && is_digit(text[pos]) ? section_number(text, pos) : std::nullopt;
    if (!number) {
      ++i;
      continue;
    }
    Citation first{kw->regulation, *number, {}, CitedAct::unnamed, {}};
    const std::size_t start = i;
    first.groups = read_groups(text, pos);
    first.span = Span{start, pos};
    std::vector<Citation> list{first};
    // Continue a list: "sections 24 and 31", "40(2) and (3A)(a)", "20(5)(a) and (b)".
    std::size_t after = 0;
    while (is_list_joiner(text, pos, after)) {
      std::size_t p = after;
      if (p < text.size() && text[p] == '(') {
        auto more = read_groups(text, p);
        if (more.empty()) {
          break;
        }
        Citation c = list.back();
        c.groups = continue_groups(list.back().groups, more);
        c.span = Span{after, p};
        list.push_back(c);
        pos = p;
      } else if (p < text.size() && is_digit(text[p])) {
        auto n = section_number(text, p);
        if (!n || followed_by_unit(text, p)) {
          break;
        }
        Citation c{kw->regulation, *n, {}, CitedAct::unnamed, {}};
        c.groups = read_groups(text, p);
        c.span = Span{after, p};
        list.push_back(c);
        pos = p;
      } else {
        break;
      }
    }
    const auto act = act_after(text, pos);
    for (auto& c : list) {
      c.act = act;
      out.push_back(std::move(c));
    }
    i = pos;
  }
  return out;
}

}  // namespace foilog::exemptions_detail
