#include "extract/outcome_cues.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "util/regex.h"
#include "util/text.h"

namespace foilog::outcome_detail {
namespace {

struct CuePattern {
  Cue cue;
  Regex re;
};

const std::vector<CuePattern>& cue_patterns() {
  static const std::vector<CuePattern> kPatterns = [] {
    auto re = [](const char* s) { return Regex(s); };
    return std::vector<CuePattern>{
        {Cue::ncnd,
         re(R"(neither (confirm|confirms|confirming) nor (deny|denies|denying)|(will|does|do|shall) not (confirm or deny|confirm nor deny)|can neither confirm)")},
        {Cue::vexatious,
         re(R"(\b(is|are|being|as|be|been|deemed|considered|regarded as|consider (it|this|your request)) (a )?vexatious|\bvexatious request|manifestly unreasonable|section 14\s?\(1\))")},
        {Cue::cost_limit,
         re(R"((exceed|exceeds|exceeded|exceeding|above|beyond|over) (the )?(upper |appropriate )?(cost |costs |fees? )?(limit|level)|appropriate (cost |costs )?limit|\b(upper )?cost limit|fees limit|cost of compliance|(\b18 hours|£\s?450\b|£\s?600\b)[^.]{0,80}(limit|exceed|fees|cost)|(limit|exceed|fees|cost)[^.]{0,80}(\b18 hours|£\s?450\b|£\s?600\b))")},
        {Cue::withheld,
         re(R"(\bwithh(o|e)ld(ing|s)?\b|exempt from (disclosure|release)|\b(is|are|considered|remains|being) exempt\b|\bexempting\b|refusal notice|(will|shall) not be (sharing|disclosing|releasing|providing|disclosed|released|provided)|\bfalls? under section|(unable|not able) to (provide|disclose|release|share)|(is|are) (therefore )?not (being )?(disclosed|released))")},
        {Cue::partial,
         re(R"(\bsome of the (information|documents|data|records|material)|\bpart of the information\b|\b(partially|partly) (withheld|exempt|released|disclosed|answered|held)|(been|are|is|were|was) redacted|\bredactions\b|(has|have) not been included|(is|are) not included)")},
        {Cue::not_held,
         re(R"(\bnot held\b|\b(does|do|did) not hold\b|\bholds? no (data|information|records|details|documents)|\bno (recorded )?information (is|was) held|\bno \w+ (is|are|were|was) (available|held|recorded)\b|\bidentified no (information|records)|(could|did) not (find|locate|identify) any (information|records)|\bno (information|records|data|documents) (was|were) (found|located|identified)|\bdoes not exist\b)")},
        {Cue::released,
         re(R"(please (find|see) (the )?attached|\b(i|we) (enclose|attach)\b|\b(is|are) enclosed\b|\bplease find enclosed\b|\bplease find below\b|\battached (spreadsheet|document|file|table|excel))")},
        {Cue::referral, re(R"(\bdisclosure log\b|\bprevious (responses|requests|answers)\b)")},
    };
  }();
  return kPatterns;
}

Span sentence_around(std::string_view text, std::size_t begin, std::size_t end,
                     std::size_t match_begin, std::size_t match_end) {
  std::size_t b = match_begin;
  while (b > begin) {
    const char c = text[b - 1];
    if (c == '?' || c == '!' || c == '\n' || (c == '.' && b < text.size() && text[b] == ' ')) {
      break;
    }
    --b;
  }
  while (b < match_begin && std::isspace(static_cast<unsigned char>(text[b]))) {
    ++b;
  }
  std::size_t e = match_end;
  while (e < end) {
    const char c = text[e];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') &&
                      (e + 1 >= end || std::isspace(static_cast<unsigned char>(text[e + 1]))))) {
      if (c != '\n') {
        ++e;
      }
      break;
    }
    ++e;
  }
  return {b, e};
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string word_before(std::string_view s, std::size_t pos) {
  std::size_t e = pos;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ':' || s[e - 1] == '.' || s[e - 1] == '#')) {
    --e;
  }
  std::size_t b = e;
  while (b > 0 && is_word_char(s[b - 1])) {
    --b;
  }
  return ascii_lower(s.substr(b, e - b));
}

std::string word_after(std::string_view s, std::size_t pos) {
  std::size_t b = pos;
  while (b < s.size() && s[b] == ' ') {
    ++b;
  }
  std::size_t e = b;
  while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) {
    ++e;
  }
  return ascii_lower(s.substr(b, e - b));
}

bool in(const std::string& w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

const std::initializer_list<std::string_view> kReferenceWords = {
    "section",  "sections",  "s",       "sec",     "reg",       "regulation", "regulations",
    "chapter",  "paragraph", "para",    "page",    "part",      "article",    "schedule",
    "question", "questions", "q",       "request", "ref",       "reference",  "case",
    "foi",      "no",        "number",  "act",     "item",      "appendix",   "attachment",
    "annex",    "point",     "version", "tel",     "telephone", "phone",      "call",
    "fax",      "room",      "box",     "option",  "step",      "stage",      "tier",
    "level",    "row",       "column",  "table",   "figure",    "ico",        "notice"};
const std::initializer_list<std::string_view> kMonths = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
const std::initializer_list<std::string_view> kUnits = {
    "year",     "years",     "yr",   "yrs",   "month", "months", "week",    "weeks",
    "day",      "days",      "hour", "hours", "hrs",   "minute", "minutes", "working",
    "calendar", "financial", "st",   "nd",    "rd",    "th",     "am",      "pm"};

}  // namespace

std::vector<CueHit> find_cues(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<CueHit> hits;
  end = std::min(end, text.size());
  if (begin >= end) {
    return hits;
  }
  const std::string lower = ascii_lower(text.substr(begin, end - begin));
  for (const CuePattern& p : cue_patterns()) {
    for (const RegexMatch& m : p.re.find_all(lower)) {
      const std::size_t mb = begin + m.position();
      const std::size_t me = mb + m.length();
      // A redaction marker printed by the publisher ("Dear [REDACTED]") is not a decision.
      if (p.cue == Cue::partial && mb > 0 && text[mb - 1] == '[') {
        continue;
      }
      hits.push_back({p.cue, sentence_around(text, begin, end, mb, me)});
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const CueHit& a, const CueHit& b) {
    return a.sentence.begin < b.sentence.begin;
  });
  return hits;
}

bool gives_figures(std::string_view text, std::size_t begin, std::size_t end) {
  end = std::min(end, text.size());
  const std::string_view s = text.substr(0, end);
  bool last_was_reference = false;  // "questions 1 to 3": the 3 is a reference too
  std::size_t i = begin;
  while (i < end) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    // A token of digits with the separators of figures, dates and ranges.
    std::size_t e = i;
    while (e < end && (std::isdigit(static_cast<unsigned char>(s[e])) ||
                       ((s[e] == ',' || s[e] == '.' || s[e] == '/' || s[e] == ':' || s[e] == '-') &&
                        e + 1 < end && std::isdigit(static_cast<unsigned char>(s[e + 1]))))) {
      ++e;
    }
    const std::string_view token = s.substr(i, e - i);
    const std::size_t start = i;
    i = e;
    const bool money =
        start > 0 && (s[start - 1] == '$' || (start >= 2 && s.substr(start - 2, 2) == "\xC2\xA3") ||
                      (start >= 3 && s.substr(start - 3, 3) == "\xE2\x82\xAC"));
    if (money || (e < end && s[e] == '%')) {
      return true;
    }
    const bool glued = (start > 0 && std::isalpha(static_cast<unsigned char>(s[start - 1]))) ||
                       (e < end && std::isalpha(static_cast<unsigned char>(s[e])));
    const std::string before = word_before(s, start);
    const std::string after = word_after(s, e);
    const bool range_join = in(before, {"to", "and", "or"}) ||
                            (start > 0 && (s[start - 1] == '-' || s[start - 1] == ','));
    bool skip = glued || token.find_first_of("/:-") != std::string_view::npos;
    const std::string digits = [&] {
      std::string d;
      for (char c : token) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
          d += c;
        }
      }
      return d;
    }();
    const bool has_comma_or_point = token.find_first_of(",.") != std::string_view::npos;
    if (digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20")) &&
        !has_comma_or_point) {
      skip = true;  // a year
    }
    if ((digits.size() >= 4 && digits.front() == '0') ||
        (digits.size() >= 5 && !has_comma_or_point)) {
      skip = true;  // phone numbers, references
    }
    if (in(before, kReferenceWords) || in(before, kMonths) || in(after, kMonths) ||
        in(after, kUnits) || (last_was_reference && range_join)) {
      skip = true;
    }
    if (e < end && s[e] == '(') {
      skip = true;  // "31(1)": a provision
    }
    if (start > 0 && s[start - 1] == '(' && e < end && s[e] == ')') {
      skip = true;  // "(1)": a list or provision marker
    }
    // A list marker: "1." / "2)" at the start of a line.
    std::size_t k = start;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '-' || s[k - 1] == '*')) {
      --k;
    }
    if ((k == 0 || s[k - 1] == '\n') && e < end && (s[e] == '.' || s[e] == ')')) {
      skip = true;
    }
    last_was_reference =
        skip && (in(before, kReferenceWords) || (last_was_reference && range_join));
    if (!skip) {
      return true;
    }
  }
  return false;
}

ProvisionRole provision_role(const ExemptionCitation& c) {
  static const std::set<std::string> kNcnd = {
      "s23(5)", "s24(2)",  "s26(3)",  "s27(4)", "s28(3)", "s29(2)", "s30(3)", "s31(3)",
      "s32(3)", "s33(3)",  "s34(2)",  "s35(3)", "s36(3)", "s37(2)", "s38(2)", "s39(2)",
      "s40(5)", "s40(5a)", "s40(5b)", "s41(2)", "s42(2)", "s43(3)", "s44(2)", "reg12(6)"};
  const std::string p = ascii_lower(c.provision);
  if (c.ncnd || kNcnd.count(p) > 0 || (c.act == "FOISA" && p.starts_with("s18"))) {
    return ProvisionRole::ncnd;
  }
  auto section_is = [&](std::string_view n) {
    return p.starts_with(std::string("s") + std::string(n)) &&
           (p.size() == n.size() + 1 || p[n.size() + 1] == '(');
  };
  if (section_is("12")) {
    return ProvisionRole::cost_limit;
  }
  if (section_is("14") || p.starts_with("reg12(4)(b)") || p.starts_with("reg10(4)(b)")) {
    return ProvisionRole::vexatious;
  }
  if (p.starts_with("reg12(4)(a)") || p.starts_with("reg10(4)(a)")) {
    return ProvisionRole::not_held;
  }
  return ProvisionRole::withheld;
}

bool cites_provision(std::string_view text, const std::string& provision) {
  const std::string p = ascii_lower(provision);
  const bool regulation = p.starts_with("reg");
  std::size_t k = regulation ? 3 : 1;
  std::string number;
  while (k < p.size() && std::isdigit(static_cast<unsigned char>(p[k]))) {
    number += p[k++];
  }
  if (number.empty()) {
    return false;
  }
  // "section 40", "s.40", "s40", "sections 24 and 31", "regulation 12(5)(b)", "reg. 13".
  static const Regex kSection(
      R"(\b(sections?|s\.?|sec\.?)\s*(\d+)((\s*\([0-9a-z]+\))*)((\s*(,|and|&|or)\s*\d+(\s*\([0-9a-z]+\))*)*))");
  static const Regex kRegulation(
      R"(\b(regulations?|reg\.?|r\.)\s*(\d+)((\s*\([0-9a-z]+\))*)((\s*(,|and|&|or)\s*\d+(\s*\([0-9a-z]+\))*)*))");
  static const Regex kNumber(R"((^|[^0-9(])(\d+))");
  const std::string lower = ascii_lower(text);
  const Regex& re = regulation ? kRegulation : kSection;
  for (const RegexMatch& m : re.find_all(lower)) {
    if (m.view(2) == number) {
      return true;
    }
    for (const RegexMatch& n : kNumber.find_all(m.view(5))) {
      if (n.view(2) == number) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace foilog::outcome_detail
