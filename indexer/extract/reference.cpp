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
// A number that belongs to an earlier request is kept in `all` but never made the primary.
enum Trust { kEarlierRequest = 0, kRunningText = 1, kHeading = 2, kLabelled = 3 };

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
constexpr std::array<std::string_view, 27> kLabels = {"request for information",
                                                      "foi reference number",
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
                                                      "request",
                                                      "our ref",
                                                      "foi ref",
                                                      "case ref",
                                                      "response",
                                                      "ref. no",
                                                      "foi no",
                                                      "case no",
                                                      "ref no",
                                                      "ref"};

// Separators between a label and its value: "Ref: X", "Request for Information - X",
// "Request for Information – X", "Ref. No. X".
std::size_t skip_separators(std::string_view s, std::size_t p) {
  while (p < s.size()) {
    if (s[p] == ' ' || s[p] == ':' || s[p] == '.' || s[p] == '\t' || s[p] == '-' || s[p] == '#') {
      ++p;
    } else if (s.substr(p, 3) == "\xE2\x80\x93" || s.substr(p, 3) == "\xE2\x80\x94") {
      p += 3;
    } else {
      break;
    }
  }
  return p;
}

// Words printed between a label and its number: "Reference No: X", "Ref: FOIA Reference X",
// "Request ID X". Only these, so "with reference to section 40" never reaches the "40".
bool is_filler_word(std::string_view word) {
  const auto w = ascii_lower(word);
  for (const std::string_view f : {"no", "n\xC2\xB0", "number", "id", "foi", "foia", "eir",
                                   "reference", "ref", "request", "case"}) {
    if (w == f) {
      return true;
    }
  }
  return false;
}

std::size_t count_digits(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), is_digit));
}

// "Request" and "Response" head many lines that are not references ("Request 1: ...", "Response
// 24-08-2023"), so after them only a number that looks issued by a case system counts: one with
// a prefix ("IRQ0648490") or five or more digits ("101003368704"), ending the line or the title
// part before a dash or colon.
bool is_generic_label(std::string_view label) {
  return label == "request" || label == "response";
}
bool ends_heading_part(std::string_view rest) {
  return rest.empty() || rest.starts_with(":") || rest.starts_with(")") ||
         rest.starts_with(" - ") || rest.starts_with(" \xE2\x80\x93 ") ||
         rest.starts_with(" \xE2\x80\x94 ");
}

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
      const bool generic = is_generic_label(*label);
      std::size_t p = skip_separators(line.text, at + label->size());
      // A label with nothing after it takes the next line ("Reference:" / "1181").
      if (p == line.text.size()) {
        if (!generic && li + 1 < lines.size()) {
          const auto& next = lines[li + 1];
          const auto token = read_reference(next.text);
          if (token.length > 0) {
            out.push_back(Candidate{std::string(next.text.substr(0, token.length)),
                                    Span{next.begin, next.begin + token.length}, kLabelled});
          }
        }
        break;
      }
      auto token = read_reference(line.text.substr(p));
      for (int skipped = 0; token.length == 0 && skipped < 3; ++skipped) {
        auto word_end = line.text.find_first_of(" :\t", p);
        if (word_end == std::string_view::npos) {
          word_end = line.text.size();
        }
        auto word = line.text.substr(p, word_end - p);
        while (!word.empty() && word.back() == '.') {
          word.remove_suffix(1);
        }
        if (!is_filler_word(word)) {
          break;
        }
        p = skip_separators(line.text, word_end);
        token = read_reference(line.text.substr(p));
      }
      const auto value = line.text.substr(p, token.length);
      const bool accepted =
          token.length > 0 && (!generic || ((!token.prefix.empty() || count_digits(value) >= 5) &&
                                            ends_heading_part(line.text.substr(p + token.length))));
      if (accepted) {
        out.push_back(Candidate{std::string(value),
                                Span{line.begin + p, line.begin + p + token.length}, kLabelled});
        break;
      }
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
  // A line that is only a prefixed case number, whatever the prefix: "FI16440", "ATISN 16301".
  if (t.length == line.size() && !t.prefix.empty() && count_digits(line) >= 4) {
    return std::make_pair(std::size_t{0}, t.length);
  }
  // A number in brackets or after a dash at the end of a title, with enough digits to be a
  // case number: "(211A/20)", "– 16114"; "Section 23 (5)" is a subsection, not a reference.
  const auto case_number = [](std::string_view s) {
    return whole_reference(s) && count_digits(s) >= 3;
  };
  if (line.size() > 2 && line.back() == ')') {
    const auto open = line.rfind('(');
    if (open != std::string_view::npos) {
      const auto inner = line.substr(open + 1, line.size() - open - 2);
      if (case_number(inner)) {
        return std::make_pair(open + 1, inner.size());
      }
    }
  }
  for (const std::string_view dash : {" \xE2\x80\x93 ", " - ", " \xE2\x80\x94 "}) {
    const auto at = line.rfind(dash);
    if (at != std::string_view::npos) {
      const auto tail = line.substr(at + dash.size());
      if (case_number(tail)) {
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

// The words just before `at` on its line say the number is an earlier or related request's.
bool names_earlier_request(std::string_view text, std::size_t at) {
  std::size_t from = at > 80 ? at - 80 : 0;
  const auto nl = text.rfind('\n', at == 0 ? 0 : at - 1);
  if (nl != std::string_view::npos && nl + 1 > from && nl < at) {
    from = nl + 1;
  }
  auto before = ascii_lower(text.substr(from, at - from));
  // Only the same sentence: "... previous request. Our ref: FOI 123" is this request's.
  if (const auto stop = before.rfind(". "); stop != std::string::npos) {
    before.erase(0, stop + 2);
  }
  for (const std::string_view cue :
       {"previous", "earlier", "prior ", "original request", "aggregated", "follow-up to",
        "follow up to", "last request", "related request", "similar request"}) {
    if (before.find(cue) != std::string::npos) {
      return true;
    }
  }
  return false;
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
  // A number introduced as an earlier request's is never this response's, wherever else it
  // is printed: "your previous request (FOI 1154/19)", "Follow-up to FOI-2549-2021".
  std::vector<std::string> earlier;
  for (const auto& c : cands) {
    if (!c.span.empty() && names_earlier_request(text, c.span.begin)) {
      earlier.push_back(normalise_reference(c.value));
    }
  }
  for (auto& c : cands) {
    if (std::find(earlier.begin(), earlier.end(), normalise_reference(c.value)) != earlier.end()) {
      c.trust = kEarlierRequest;
    }
  }

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
  if (!cands.empty() && cands.front().trust != kEarlierRequest) {
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
