#include "extract/reference.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "extract/reference_token.h"
#include "util/text.h"

namespace foilog {
namespace {

using reference_detail::find_decision_notices;
using reference_detail::is_request_prefix;
using reference_detail::read_reference;

// How much a position is trusted: a labelled value over a heading over running text.
enum Trust { kRunningText = 1, kHeading = 2, kLabelled = 3 };

struct Candidate {
  std::string value;
  Span span;
  int trust = 0;
};

struct Line {
  std::size_t begin = 0;  // offset of the first non-blank, non-bullet character
  std::string_view text;  // trimmed, list bullet removed
};

bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::vector<Line> nonblank_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      nl = text.size();
    }
    auto line = text.substr(pos, nl - pos);
    std::size_t skip = 0;
    while (skip < line.size() && (line[skip] == ' ' || line[skip] == '\t' || line[skip] == '-' ||
                                  line[skip] == '*' || line[skip] == '\r')) {
      ++skip;
    }
    if (line.substr(skip, 3) == "\xE2\x80\xA2") {
      skip += 3;
      while (skip < line.size() && line[skip] == ' ') {
        ++skip;
      }
    }
    const auto rest = trim(line.substr(skip));
    if (!rest.empty()) {
      lines.push_back(Line{pos + skip, rest});
    }
    pos = nl + 1;
  }
  return lines;
}

// Labels in front of a reference, longest first so "foi reference" wins over "reference".
constexpr std::array<std::string_view, 24> kLabels = {"foi reference number",
                                                      "reference number",
                                                      "request reference",
                                                      "case reference",
                                                      "our reference",
                                                      "foi reference",
                                                      "reference n\xC2\xB0",
                                                      "reference no",
                                                      "request number",
                                                      "request ref",
                                                      "disclosure id",
                                                      "case number",
                                                      "foi number",
                                                      "request no",
                                                      "request id",
                                                      "reference",
                                                      "our ref",
                                                      "foi ref",
                                                      "case ref",
                                                      "ref. no",
                                                      "foi no",
                                                      "case no",
                                                      "ref no",
                                                      "ref"};

// The value after a label: on the same line, or alone on the next line when the label is the
// whole line ("Reference:" / "1181"; "- Ref:" / "- RFI-202106-09").
void labelled(const std::vector<Line>& lines, std::vector<Candidate>& out) {
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& line = lines[li];
    const auto lower = ascii_lower(line.text);
    for (std::size_t at = 0; at < lower.size(); ++at) {
      const bool boundary = at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '(' ||
                            lower[at - 1] == ':' || lower[at - 1] == '\t';
      if (!boundary) {
        continue;
      }
      const auto* label = std::find_if(kLabels.begin(), kLabels.end(), [&](std::string_view l) {
        return lower.compare(at, l.size(), l) == 0 &&
               (at + l.size() == lower.size() || !is_alpha(lower[at + l.size()]));
      });
      if (label == kLabels.end()) {
        continue;
      }
      // "Your ref" is the requester's own reference, not the authority's.
      if (at >= 5 && lower.compare(at - 5, 5, "your ") == 0) {
        continue;
      }
      std::size_t p = at + label->size();
      while (p < lower.size() &&
             (lower[p] == ' ' || lower[p] == ':' || lower[p] == '.' || lower[p] == '\t')) {
        ++p;
      }
      std::string_view value = line.text.substr(p);
      std::size_t value_begin = line.begin + p;
      if (value.empty() && li + 1 < lines.size()) {
        value = lines[li + 1].text;
        value_begin = lines[li + 1].begin;
      }
      const auto token = read_reference(value);
      if (token.length > 0) {
        out.push_back(Candidate{std::string(value.substr(0, token.length)),
                                Span{value_begin, value_begin + token.length}, kLabelled});
      }
      break;
    }
  }
}

// The token must be the whole of `s` (after trimming), and any prefix a request prefix
// ("(211A/20)" and "(FOI 123)" are references; "(COVID-19)" is not).
bool whole_reference(std::string_view s) {
  s = trim(s);
  const auto t = read_reference(s);
  return !s.empty() && t.length == s.size() && (t.prefix.empty() || is_request_prefix(t.prefix));
}

// A heading or title carrying the number: "Misconduct (615/20)", "New appliances – 16114",
// "FOI 4606 Private Security", or a line that is only "FOI/AH/17/16".
std::optional<std::pair<std::size_t, std::size_t>> heading_reference(std::string_view line,
                                                                     bool near_top) {
  const auto t = read_reference(line);
  if (t.length > 0 && is_request_prefix(t.prefix) &&
      (t.length == line.size() || line[t.length] == ' ' || line[t.length] == ':')) {
    return std::make_pair(std::size_t{0}, t.length);
  }
  if (!near_top) {
    return std::nullopt;
  }
  if (line.size() > 2 && line.back() == ')') {
    const auto open = line.rfind('(');
    if (open != std::string_view::npos) {
      const auto inner = line.substr(open + 1, line.size() - open - 2);
      if (whole_reference(inner)) {
        return std::make_pair(open + 1, inner.size());
      }
    }
  }
  for (const std::string_view dash : {" \xE2\x80\x93 ", " - ", " \xE2\x80\x94 "}) {
    const auto at = line.rfind(dash);
    if (at != std::string_view::npos) {
      const auto tail = line.substr(at + dash.size());
      if (whole_reference(tail)) {
        return std::make_pair(at + dash.size(), tail.size());
      }
    }
  }
  return std::nullopt;
}

void headings(const std::vector<Line>& lines, std::vector<Candidate>& out) {
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& line = lines[li];
    if (const auto hit = heading_reference(line.text, li < 6)) {
      out.push_back(Candidate{std::string(line.text.substr(hit->first, hit->second)),
                              Span{line.begin + hit->first, line.begin + hit->first + hit->second},
                              kHeading});
    }
  }
}

// A log record whose field labels were lost starts with its bare number, followed by the
// "Information released" value or the received date: "1299" / "Yes" / "23/06/2023 12:00 am".
void bare_record_number(const std::vector<Line>& lines, std::vector<Candidate>& out) {
  for (std::size_t li = 0; li + 1 < lines.size() && li < 5; ++li) {
    const auto& line = lines[li];
    const bool digits = line.text.size() >= 3 && line.text.size() <= 8 &&
                        std::all_of(line.text.begin(), line.text.end(), is_digit);
    if (!digits || !whole_reference(line.text)) {
      continue;
    }
    const auto next = ascii_lower(lines[li + 1].text);
    if (next == "yes" || next == "no" || next == "partial" ||
        (!next.empty() && is_digit(next[0]) && next.find('/') != std::string::npos)) {
      out.push_back(Candidate{std::string(line.text),
                              Span{line.begin, line.begin + line.text.size()}, kHeading});
    }
  }
}

// A prefixed number in running text: "FOI 2289", "FOI Request 6753", "RFI-202106-09".
void running_text(std::string_view text, std::vector<Candidate>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0) ||
        !(text[i] >= 'A' && text[i] <= 'Z')) {
      continue;
    }
    auto t = read_reference(text.substr(i, 60));
    std::size_t len = t.length;
    if (len == 0) {
      // "FOI Request 6753", "FOI request no. 6753".
      std::size_t word_end = i;
      while (word_end < text.size() && text[word_end] >= 'A' && text[word_end] <= 'Z') {
        ++word_end;
      }
      if (!is_request_prefix(text.substr(i, word_end - i))) {
        continue;
      }
      const auto after = ascii_lower(text.substr(word_end, 20));
      for (const std::string_view w : {" request no. ", " request number ", " request "}) {
        if (after.rfind(w, 0) == 0) {
          const auto body = read_reference(text.substr(word_end + w.size(), 40));
          if (body.length > 0 && body.prefix.empty()) {
            len = word_end + w.size() + body.length - i;
            t.prefix = std::string(text.substr(i, word_end - i));
          }
          break;
        }
      }
    }
    if (len > 0 && is_request_prefix(t.prefix)) {
      out.push_back(Candidate{std::string(text.substr(i, len)), Span{i, i + len}, kRunningText});
      i += len;
    }
  }
}

}  // namespace

ReferenceResult extract_references(std::string_view text, std::string_view title) {
  ReferenceResult r;
  for (const auto& n : find_decision_notices(text)) {
    r.decision_notices.push_back(n.id);
  }
  const auto is_notice = [&](const std::string& v) {
    return std::any_of(
        r.decision_notices.begin(), r.decision_notices.end(),
        [&](const std::string& n) { return normalise_reference(n) == normalise_reference(v); });
  };

  const auto lines = nonblank_lines(text);
  std::vector<Candidate> cands;
  labelled(lines, cands);
  headings(lines, cands);
  bare_record_number(lines, cands);
  running_text(text, cands);
  if (!title.empty()) {
    const auto t = trim(title);
    if (const auto hit = heading_reference(t, true)) {
      const std::string value(t.substr(hit->first, hit->second));
      // Point at the printed copy when the text repeats the title.
      const auto at = text.find(value);
      cands.push_back(Candidate{
          value, at == std::string_view::npos ? Span{} : Span{at, at + value.size()}, kHeading});
    }
  }
  std::erase_if(cands, [&](const Candidate& c) { return is_notice(c.value); });

  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.trust != b.trust ? a.trust > b.trust : a.span.begin < b.span.begin;
  });
  for (const auto& c : cands) {
    const auto key = normalise_reference(c.value);
    const bool dup = std::any_of(r.all.begin(), r.all.end(), [&](const std::string& v) {
      return normalise_reference(v) == key;
    });
    if (!dup) {
      r.all.push_back(c.value);
    }
  }
  if (!cands.empty()) {
    r.primary = cands.front().value;
    r.span = cands.front().span;
  }
  return r;
}

std::string normalise_reference(std::string_view ref) {
  std::string out;
  bool pending_separator = false;
  bool token_is_letters = false;  // the token just written is a prefix word ("FOI", "AH")
  for (const char raw : ref) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c) == 0) {
      pending_separator = !out.empty();
      continue;
    }
    if (pending_separator) {
      // "FOI 2289" and "FOI-2289" are the same number; "211A/20" keeps its separator.
      if (!(token_is_letters && std::isdigit(c) != 0)) {
        out += '-';
      }
      pending_separator = false;
      token_is_letters = true;
    } else if (out.empty()) {
      token_is_letters = true;
    }
    token_is_letters = token_is_letters && std::isalpha(c) != 0;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace foilog
