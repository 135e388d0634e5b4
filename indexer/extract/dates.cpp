#include "extract/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "extract/dates_scan.h"
#include "util/text.h"

namespace foilog {
namespace {

using dates_detail::DateMatch;
using dates_detail::find_dates;
using dates_detail::is_weekday_name;

enum class Role { none, received, clarified, responded, internal_review, ignored };

// How sure we are of a role: a field label beats a cue in running text, which beats layout. An
// explicit "received" in the sentence beats "your request dated" (the date it was written).
enum Strength { kLayout = 10, kSentence = 20, kSentenceExplicit = 25, kLabel = 30 };

struct Candidate {
  DateMatch match;
  Role role = Role::none;
  int strength = 0;
  bool alone = false;   // the date (with an optional weekday and time) is its line's only text
  bool letter = false;  // the date line of a letter ("Dear ..." follows)
  std::size_t line_begin = 0;
  std::size_t line_end = 0;
};

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
    return haystack.find(n) != std::string_view::npos;
  });
}

std::size_t line_begin_at(std::string_view text, std::size_t pos) {
  const auto nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end_at(std::string_view text, std::size_t pos) {
  const auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

// The nearest non-blank line before the line starting at `begin` (empty at the top).
std::string_view previous_line(std::string_view text, std::size_t begin) {
  while (begin > 0) {
    const auto b = line_begin_at(text, begin - 1);
    const auto line = trim(text.substr(b, begin - 1 - b));
    if (!line.empty()) {
      return line;
    }
    begin = b;
  }
  return {};
}

// The nearest non-blank lines after position `end` (a line end), at most `count` of them.
std::vector<std::string_view> next_lines(std::string_view text, std::size_t end,
                                         std::size_t count) {
  std::vector<std::string_view> out;
  std::size_t pos = end;
  while (pos < text.size() && out.size() < count) {
    const auto e = line_end_at(text, pos + 1);
    const auto line = trim(text.substr(pos + 1, e - pos - 1));
    if (!line.empty()) {
      out.push_back(line);
    }
    pos = e;
  }
  return out;
}

// Drops list markers that log pages render metadata with ("- Date received", "• 11 June").
std::string_view strip_bullet(std::string_view s) {
  s = trim(s);
  while (!s.empty()) {
    if (s.front() == '-' || s.front() == '*') {
      s = trim(s.substr(1));
    } else if (s.substr(0, 3) == "\xE2\x80\xA2") {
      s = trim(s.substr(3));
    } else {
      break;
    }
  }
  return s;
}

// Removes a trailing weekday name ("Received: Monday," -> "Received:").
std::string_view strip_weekday_suffix(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.back() == ',') {
    s = trim(s.substr(0, s.size() - 1));
  }
  const auto space = s.find_last_of(" \t:");
  const auto word = space == std::string_view::npos ? s : s.substr(space + 1);
  if (!word.empty() && is_weekday_name(word)) {
    return trim(s.substr(0, s.size() - word.size()));
  }
  return s;
}

// "12:00 am", "08:47", "at 10.30pm": a time of day printed after a date.
bool is_time_of_day(std::string_view s) {
  auto t = ascii_lower(trim(s));
  if (t.rfind("at ", 0) == 0) {
    t = t.substr(3);
  }
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) != 0) {
    ++i;
  }
  if (i == 0 || i > 2 || i >= t.size() || (t[i] != ':' && t[i] != '.')) {
    return false;
  }
  ++i;
  std::size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) != 0) {
    ++i;
    ++digits;
  }
  if (digits != 2) {
    return false;
  }
  const auto rest = trim(std::string_view(t).substr(i));
  return rest.empty() || rest == "am" || rest == "pm" || rest == "a.m." || rest == "p.m.";
}

// True when a cue starts a word of `s` ("respon" in "Date responded", not in "Correspondence").
bool has_cue(std::string_view s, std::initializer_list<std::string_view> cues) {
  for (const auto cue : cues) {
    for (auto at = s.find(cue); at != std::string_view::npos; at = s.find(cue, at + 1)) {
      if (at == 0 || std::isalpha(static_cast<unsigned char>(s[at - 1])) == 0) {
        return true;
      }
    }
  }
  return false;
}

// What a field label says about the date it labels.
Role classify_label(std::string_view raw) {
  auto label = ascii_lower(strip_bullet(raw));
  while (!label.empty() && (label.back() == ':' || label.back() == '-' || label.back() == ' ')) {
    label.pop_back();
  }
  if (label.empty()) {
    return Role::none;
  }
  if (has_cue(label, {"publish", "updated", "modified", "printed", "created", "posted", "due date",
                      "deadline", "target", "date range", "period"})) {
    return Role::ignored;
  }
  if (has_cue(label, {"internal review", "review date", "date of review", "reviewed"})) {
    return Role::internal_review;
  }
  if (has_cue(label, {"clarif"})) {
    return Role::clarified;
  }
  if (has_cue(label, {"received", "receipt"})) {
    return Role::received;
  }
  if (has_cue(label, {"respon", "released date", "date released", "release date", "date of release",
                      "completion", "completed", "closed", "date sent", "replied", "reply",
                      "answered", "decision date", "date of decision", "date of disclosure",
                      "disclosure date", "disclosed"}) ||
      label == "disclosure" || label == "sent") {
    return Role::responded;
  }
  if (has_cue(label, {"request", "submitted", "logged", "date opened"})) {
    return Role::received;
  }
  return Role::none;
}

// The words of `s` (letters and dashes), last ones last.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) {
      words.push_back(current);
      current.clear();
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == '-' || s.substr(i, 3) == "\xE2\x80\x93") {
      flush();
      words.emplace_back("-");
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      flush();
      words.emplace_back("#");
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// True when the words just before a date make it a bound of a period or a cut-off ("between",
// "from", "since", "up until the end of", "as at", "to", "–") rather than an event.
bool opens_a_period(const std::vector<std::string>& before) {
  static constexpr std::array<std::string_view, 21> kPeriod = {
      "between",  "from",   "since",  "until", "till",  "to",     "and",
      "before",   "after",  "by",     "end",   "at",    "during", "within",
      "starting", "ending", "period", "as",    "ended", "or",     "-"};
  static constexpr std::array<std::string_view, 3> kSkip = {"the", "of", "#"};
  std::size_t looked = 0;
  for (auto it = before.rbegin(); it != before.rend() && looked < 2; ++it) {
    if (std::find(kSkip.begin(), kSkip.end(), *it) != kSkip.end()) {
      continue;
    }
    ++looked;
    if (std::find(kPeriod.begin(), kPeriod.end(), *it) != kPeriod.end()) {
      return true;
    }
  }
  return false;
}

struct SentenceRole {
  Role role = Role::none;
  bool explicit_cue = false;  // the sentence says "received", "responded", "replied"
};

// The role a cue in the date's own sentence gives it.
SentenceRole classify_sentence(std::string_view before_raw, std::string_view after_raw) {
  const auto before = ascii_lower(before_raw);
  const auto after = ascii_lower(after_raw.substr(0, std::min<std::size_t>(after_raw.size(), 60)));
  const auto whole = before + " " + ascii_lower(after_raw);
  const auto words = words_of(before);
  const auto ends_with = [&](std::string_view tail) {
    const auto t = std::string(trim(before));
    return t.size() >= tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends_with("correct as of") || ends_with("correct as at")) {
    return {Role::responded, true};
  }
  if (opens_a_period(words)) {
    return {Role::ignored};
  }
  if (whole.find("clarif") != std::string::npos) {
    if (contains_any(whole, {"sought clarification", "seek clarification", "asked for clarif",
                             "request clarification", "requested clarification",
                             "asking for clarification", "asked you to clarify"})) {
      return {Role::ignored};
    }
    return {Role::clarified};
  }
  if (before.find("internal review") != std::string::npos) {
    return {Role::internal_review};
  }
  const bool about_request = contains_any(
      before, {"request", "enquiry", "email", "e-mail", "letter", "correspondence", "application"});
  if (about_request && contains_any(before, {"received"})) {
    return {Role::received, true};
  }
  // The cue may follow the date: "On 5 May 2021 you requested the following information".
  if (contains_any(after, {"you requested", "you asked", "you made a request", "you submitted",
                           "you wrote", "you emailed", "you contacted", "we received your",
                           "your request was received"})) {
    return {Role::received, contains_any(after, {"received"})};
  }
  if (contains_any(before, {"request dated", "request of", "requested on", "you requested",
                            "request made on", "submitted on", "enquiry dated", "enquiry of",
                            "email dated", "email of", "e-mail dated", "e-mail of", "letter dated",
                            "letter of", "correspondence dated", "correspondence of",
                            "request for information on", "request on"})) {
    return {Role::received};
  }
  if (!words.empty() && words.back() == "dated" && before.find("your") != std::string::npos) {
    return {Role::received};
  }
  if (contains_any(before, {"responded on", "replied on", "response was sent on", "we responded",
                            "we replied", "response issued on"})) {
    return {Role::responded, true};
  }
  return {};
}

// Start of the sentence holding `pos`: after the last sentence end or blank line, at most 240
// bytes back.
std::size_t sentence_start(std::string_view text, std::size_t pos) {
  const std::size_t floor = pos > 240 ? pos - 240 : 0;
  for (std::size_t i = pos; i > floor; --i) {
    const char c = text[i - 1];
    if ((c == '.' || c == '?' || c == '!') && i < text.size() &&
        (text[i] == ' ' || text[i] == '\n')) {
      return i;
    }
    if (c == '\n' && i >= 2 && text[i - 2] == '\n') {
      return i;
    }
  }
  return floor;
}

std::size_t sentence_end(std::string_view text, std::size_t pos) {
  const std::size_t ceiling = std::min(text.size(), pos + 240);
  for (std::size_t i = pos; i < ceiling; ++i) {
    if (text[i] == '.' || text.substr(i, 2) == "\n\n") {
      return i;
    }
  }
  return ceiling;
}

bool contains_date(std::string_view line) {
  return !find_dates(line).empty();
}

// A short line that reads as a field label, not a sentence or a value.
bool is_label_line(std::string_view line) {
  return !line.empty() && line.size() <= 60 && line.back() != '.' && !contains_date(line);
}

// `previous_end` is where the previous date ended: two labelled dates can share a line ("Date
// received 12/05/2021 Date responded 01/06/2021"), and each takes only the label after the other.
Candidate read_candidate(std::string_view text, const DateMatch& m, std::size_t previous_end) {
  Candidate c;
  c.match = m;
  c.line_begin = line_begin_at(text, m.span.begin);
  c.line_end = line_end_at(text, m.span.end);
  const auto label_begin = std::max(c.line_begin, previous_end);
  const auto prefix =
      strip_weekday_suffix(strip_bullet(text.substr(label_begin, m.span.begin - label_begin)));
  const auto suffix = trim(text.substr(m.span.end, c.line_end - m.span.end));
  c.alone = prefix.empty() && (suffix.empty() || is_time_of_day(suffix));

  if (!prefix.empty() && prefix.size() <= 40 && prefix.find(". ") == std::string_view::npos) {
    c.role = classify_label(prefix);
    c.strength = kLabel;
    // "Date: 19 October 2020" at the head of a letter is the letter's own date.
    const auto key = ascii_lower(prefix);
    c.letter = key == "date:" || key == "date" || key == "dated:" || key == "date of letter:";
  } else if (c.alone) {
    const auto above = previous_line(text, c.line_begin);
    if (is_label_line(above)) {
      c.role = classify_label(above);
      c.strength = kLabel;
    }
  }
  if (c.role == Role::none && !c.alone) {
    // A line that starts with its own label ("Date: 12 May 2017") is a sentence of its own:
    // the line above ("Reference: 985-17") must not lend it a period cue such as a hyphen.
    // (A label ends in a colon; other words before the date may be a sentence wrapped from
    // the line above, "... received by the Trust\non the 19th December 2011".)
    const auto label = trim(prefix);
    const bool labelled_line = label_begin == c.line_begin && !label.empty() && label.back() == ':';
    const auto from = labelled_line ? std::max(sentence_start(text, m.span.begin), c.line_begin)
                                    : sentence_start(text, m.span.begin);
    const auto to = sentence_end(text, m.span.end);
    const auto sentence = classify_sentence(text.substr(from, m.span.begin - from),
                                            text.substr(m.span.end, to - m.span.end));
    c.role = sentence.role;
    c.strength = sentence.explicit_cue ? kSentenceExplicit : kSentence;
  }
  if (c.alone) {
    for (const auto line : next_lines(text, c.line_end, 3)) {
      if (istarts_with(line, "dear ")) {
        c.letter = true;
        break;
      }
    }
  }
  return c;
}

// A metadata label that closes a log record ("Exemptions Applied:", "Categories:", "Tags:").
bool is_metadata_label(std::string_view line) {
  const auto l = ascii_lower(strip_bullet(line));
  return l.size() <= 40 && !l.empty() &&
         (l.back() == ':' || contains_any(l, {"exemptions applied", "categories", "tags"}));
}

// Roles that only the layout gives: reply-letter dates, unlabelled received/responded pairs in a
// log record, and a lone date line closing a log record.
void assign_layout_roles(std::string_view text, std::vector<Candidate>& cands) {
  const auto unassigned = [](const Candidate& c) { return c.role == Role::none && c.alone; };
  for (std::size_t i = 0; i < cands.size(); ++i) {
    auto& c = cands[i];
    if (!c.letter || c.role != Role::none) {
      continue;
    }
    const bool later_letter = std::any_of(cands.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                          cands.end(), [](const Candidate& o) { return o.letter; });
    // An earlier letter quoted above the reply is the request itself.
    c.role = later_letter ? Role::received : Role::responded;
    c.strength = kLayout;
  }
  for (std::size_t i = 0; i + 1 < cands.size(); ++i) {
    auto& a = cands[i];
    auto& b = cands[i + 1];
    if (!unassigned(a) || !unassigned(b) || a.letter || b.letter || b.match.date < a.match.date) {
      continue;
    }
    // Only blank lines may separate the two date lines.
    const auto next = text.find_first_not_of(" \t\r\n", a.line_end);
    if (next == std::string_view::npos || next < b.line_begin || next > b.line_end) {
      continue;
    }
    a.role = Role::received;
    a.strength = kLayout;
    b.role = Role::responded;
    b.strength = kLayout;
    ++i;
  }
  for (auto& c : cands) {
    if (!unassigned(c) || c.letter || c.match.span.begin < text.size() / 2) {
      continue;
    }
    const auto after = next_lines(text, c.line_end, 1);
    if (after.empty() || is_metadata_label(after.front())) {
      c.role = Role::responded;
      c.strength = kLayout;
    }
  }
}

DateFact best(const std::vector<Candidate>& cands, Role role) {
  const Candidate* chosen = nullptr;
  for (const auto& c : cands) {
    if (c.role == role && (chosen == nullptr || c.strength > chosen->strength)) {
      chosen = &c;
    }
  }
  if (chosen == nullptr) {
    return {};
  }
  return DateFact{to_iso(chosen->match.date), chosen->match.span};
}

}  // namespace

DatesResult extract_dates(std::string_view text) {
  std::vector<Candidate> cands;
  std::size_t previous_end = 0;
  for (const auto& m : find_dates(text)) {
    cands.push_back(read_candidate(text, m, previous_end));
    previous_end = m.span.end;
  }
  assign_layout_roles(text, cands);
  DatesResult r;
  r.received = best(cands, Role::received);
  r.clarified = best(cands, Role::clarified);
  r.responded = best(cands, Role::responded);
  r.internal_review = best(cands, Role::internal_review);
  return r;
}

std::optional<Date> parse_date_phrase(std::string_view s) {
  const auto matches = find_dates(s);
  if (matches.size() != 1) {
    return std::nullopt;
  }
  const auto& m = matches.front();
  const auto before = strip_weekday_suffix(s.substr(0, m.span.begin));
  const auto after = trim(s.substr(m.span.end));
  if (!before.empty() || (!after.empty() && !is_time_of_day(after))) {
    return std::nullopt;
  }
  return m.date;
}

int working_days_between(const Date& from, const Date& to, const BankHolidays& holidays) {
  if (to < from) {
    return -working_days_between(to, from, holidays);
  }
  int count = 0;
  const auto last = days_from_civil(to);
  for (auto day = days_from_civil(from) + 1; day <= last; ++day) {
    const auto d = civil_from_days(day);
    if (weekday(d) < 5 && !holidays.contains(d)) {
      ++count;
    }
  }
  return count;
}

}  // namespace foilog
