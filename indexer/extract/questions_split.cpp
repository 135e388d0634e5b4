#include "extract/questions_split.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/regex.h"
#include "util/text.h"

namespace foilog::questions_detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) {
    ++i;
  }
  return i;
}

// Bullet glyphs requesters and converted web pages use, as UTF-8 byte sequences.
std::size_t bullet_length(std::string_view s, std::size_t i) {
  static constexpr std::array<std::string_view, 10> kBullets = {
      "-",
      "*",
      "\xE2\x80\xA2" /* • */,
      "\xC2\xB7" /* · */,
      "\xE2\x80\x93" /* – */,
      "\xE2\x80\x94" /* — */,
      "\xE2\x96\xAA" /* ▪ */,
      "\xE2\x97\xA6" /* ◦ */,
      "\xEF\x82\xB7" /* Word's Symbol-font bullet */,
      "\xE2\x97\x8F" /* ● */};
  for (auto b : kBullets) {
    if (s.substr(i, b.size()) == b) {
      return b.size();
    }
  }
  return 0;
}

bool is_roman(std::string_view s) {
  if (s.empty() || s.size() > 4) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x'; });
}

// What may follow a number marker: the item's words, a sub-item "(a)", a quote, or nothing.
bool good_after_number(std::string_view s, std::size_t i) {
  if (i >= s.size() || is_space(s[i])) {
    return true;
  }
  const char c = s[i];
  return is_upper(c) || c == '(' || c == '"' || static_cast<unsigned char>(c) >= 0x80;
}

// Number forms at s[i]: "Q1)", "Question 1:", "(1)", "1.", "1)", "3 a)". Returns the end of
// the marker (0 when none) and the number.
std::size_t parse_number(std::string_view s, std::size_t i, int& number) {
  auto read_digits = [&](std::size_t k, std::size_t& end) {
    std::size_t e = k;
    // Up to three digits: a draft request can run to a hundred questions.
    while (e < s.size() && is_digit(s[e]) && e - k < 4) {
      ++e;
    }
    if (e == k || e - k > 3 || (e < s.size() && is_digit(s[e]))) {
      return -1;
    }
    end = e;
    return std::stoi(std::string(s.substr(k, e - k)));
  };
  std::size_t end = 0;
  // "Q1)", "Q 1.", "Question 1:"
  std::size_t k = i;
  if (istarts_with(s.substr(i), "question ")) {
    k = i + 9;
  } else if (i < s.size() && (s[i] == 'Q' || s[i] == 'q')) {
    k = skip_spaces(s, i + 1);
  }
  if (k != i) {
    const int n = read_digits(k, end);
    if (n > 0) {
      if (end < s.size() && (s[end] == '.' || s[end] == ')' || s[end] == ':')) {
        ++end;
      }
      if (end >= s.size() || is_space(s[end]) || is_upper(s[end])) {
        number = n;
        return end;
      }
    }
    return 0;
  }
  // "(1)"
  if (i < s.size() && s[i] == '(') {
    const int n = read_digits(i + 1, end);
    if (n > 0 && end < s.size() && s[end] == ')') {
      number = n;
      return end + 1;
    }
    return 0;
  }
  const int n = read_digits(i, end);
  // Requests run to a hundred items at most; a larger number starting a line is a figure.
  if (n <= 0 || n > 150) {
    return 0;
  }
  // "1." / "1)" not followed by a digit ("1.5 million" is a figure, not a marker).
  if (end < s.size() && (s[end] == '.' || s[end] == ')')) {
    if (good_after_number(s, end + 1)) {
      number = n;
      return end + 1;
    }
    return 0;
  }
  // "3 a) Does your trust ..." : a question whose first sub-item shares its line.
  if (end + 2 < s.size() && s[end] == ' ' && is_lower(s[end + 1]) && s[end + 2] == ')') {
    number = n;
    return end;
  }
  return 0;
}

// Letter and roman sub-item forms: "(a)", "a)", "a.", "(ii)", "ii)".
std::size_t parse_letter(std::string_view s, std::size_t i) {
  const bool open = i < s.size() && s[i] == '(';
  std::size_t k = open ? i + 1 : i;
  std::size_t e = k;
  while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e])) && e - k < 5) {
    ++e;
  }
  if (e == k || e >= s.size()) {
    return 0;
  }
  const std::string_view word = s.substr(k, e - k);
  const bool single = word.size() == 1;
  const bool lower_single = single && is_lower(word[0]);
  if (!single && !is_roman(word)) {
    return 0;
  }
  const char close = s[e];
  const bool spaced = e + 1 >= s.size() || is_space(s[e + 1]);
  if (open) {
    return close == ')' && (lower_single || is_roman(word) || is_upper(word[0])) ? e + 1 : 0;
  }
  if (close == ')' && spaced) {
    return e + 1;
  }
  // "a. " only for lower-case letters: "A. Smith" is an initial.
  if (close == '.' && spaced && (lower_single || is_roman(word))) {
    return e + 1;
  }
  return 0;
}

bool is_terminal(std::string_view line) {
  std::string_view t = trim(line);
  while (!t.empty()) {
    const char c = t.back();
    if (c == ')' || c == '*' || c == '"' || c == '\'') {
      t.remove_suffix(1);
    } else if (t.size() >= 3 && static_cast<unsigned char>(t[t.size() - 3]) == 0xE2 &&
               static_cast<unsigned char>(t[t.size() - 2]) == 0x80) {
      t.remove_suffix(3);  // closing curly quotes
    } else {
      break;
    }
  }
  if (t.empty()) {
    return true;
  }
  const char c = t.back();
  return c == '.' || c == '?' || c == '!' || c == ':' || c == ';';
}

bool starts_lowercase(std::string_view line) {
  const std::string_view t = trim(line);
  return !t.empty() && is_lower(t.front());
}

// Words before a number that make it a reference ("section 2. The ...") rather than an item.
bool follows_reference_word(std::string_view s, std::size_t pos) {
  std::size_t e = pos;
  while (e > 0 && is_space(s[e - 1])) {
    --e;
  }
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) {
    --b;
  }
  const std::string w = ascii_lower(s.substr(b, e - b));
  static const std::array<std::string_view, 10> kRefs = {
      "section", "sections",  "s",       "regulation", "reg",
      "page",    "paragraph", "chapter", "part",       "article"};
  return std::find(kRefs.begin(), kRefs.end(), w) != kRefs.end();
}

std::string clean_question(std::string text) {
  // A trailing "*" (a mandatory-field mark copied from a web form) and unbalanced quotes are
  // not part of the question.
  std::string_view t = trim(text);
  bool changed = true;
  while (changed && !t.empty()) {
    changed = false;
    for (std::string_view tail : {"*", "\"", "\xE2\x80\x9D", "\xE2\x80\x9C"}) {
      if (t.size() >= tail.size() && t.substr(t.size() - tail.size()) == tail) {
        t.remove_suffix(tail.size());
        t = trim(t);
        changed = true;
      }
    }
  }
  for (std::string_view head : {"\"", "\xE2\x80\x9C"}) {
    if (t.substr(0, head.size()) == head) {
      t.remove_prefix(head.size());
    }
  }
  return std::string(trim(t));
}

}  // namespace

Marker parse_marker(std::string_view line) {
  Marker m;
  std::size_t i = skip_spaces(line, 0);
  m.indent = i;
  if (i >= line.size()) {
    return m;
  }
  bool bullet = false;
  if (const std::size_t bl = bullet_length(line, i); bl > 0) {
    const std::size_t after = i + bl;
    if (after < line.size() && is_space(line[after])) {
      bullet = true;
      i = skip_spaces(line, after);
    }
  }
  int number = 0;
  if (const std::size_t e = parse_number(line, i, number); e > 0) {
    m.kind = MarkerKind::number;
    m.number = number;
    m.content = skip_spaces(line, e);
    return m;
  }
  if (const std::size_t e = parse_letter(line, i); e > 0) {
    m.kind = MarkerKind::letter;
    m.content = skip_spaces(line, e);
    return m;
  }
  if (bullet) {
    m.kind = MarkerKind::bullet;
    m.content = i;
  }
  return m;
}

std::vector<Line> item_lines(std::string_view text) {
  std::vector<Line> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      nl = text.size();
    }
    std::size_t begin = pos;
    const std::size_t end = nl;
    // Run-on items: "1. Cost of X 2. How many Y 3. Details of Z" on one line.
    Marker m = parse_marker(text.substr(begin, end - begin));
    while (m.kind == MarkerKind::number) {
      const std::string_view line = text.substr(begin, end - begin);
      std::size_t cut = std::string_view::npos;
      for (std::size_t p = m.content + 1; p + 2 < line.size(); ++p) {
        if (!is_space(line[p - 1]) || !(is_digit(line[p]) || line[p] == 'Q')) {
          continue;
        }
        int n = 0;
        const std::size_t e = parse_number(line, p, n);
        if (e == 0 || n != m.number + 1 || follows_reference_word(line, p)) {
          continue;
        }
        const std::size_t c = skip_spaces(line, e);
        if (c < line.size() && is_upper(line[c])) {
          cut = p;
          break;
        }
      }
      if (cut == std::string_view::npos) {
        break;
      }
      out.push_back({begin, begin + cut});
      begin += cut;
      m = parse_marker(text.substr(begin, end - begin));
    }
    out.push_back({begin, end});
    if (nl == text.size()) {
      break;
    }
    pos = nl + 1;
  }
  return out;
}

bool is_request_boilerplate(std::string_view line) {
  const std::string l = ascii_lower(trim(line));
  if (l.empty()) {
    return true;
  }
  static const Regex kGreeting(
      R"(^(dear\b|hello\b|hi\b|good (morning|afternoon|evening)\b|to whom it may concern|re:|subject:))");
  static const Regex kSignOff(
      R"(^(yours (faithfully|sincerely|truly)|kind regards|best regards|regards|many thanks|thanks|thank you)\b)");
  static const Regex kIntro(
      R"((the following( information| questions| details)?|as follows)\s*[:.]?$)");
  static const Regex kFormat(
      R"(\b(response|reply|information|answer)s?\b.*\b(via|by|in) (e-?mail|pdf|electronic|spreadsheet|excel|csv)\b)");
  static const Regex kActOnly(
      R"(^(request for information|freedom of information( act)?( request)?|foi request)\b.{0,40}$)");
  if (kGreeting.search(l) || kIntro.search(l) || kActOnly.search(l)) {
    return true;
  }
  if (kSignOff.search(l) && l.size() < 60) {
    return true;
  }
  if (l.back() == ':') {
    return true;  // a list introduction or a section heading ("ICO - breaches:")
  }
  return kFormat.search(l) && l.size() < 120;
}

bool reads_as_question(std::string_view text) {
  const std::string l = ascii_lower(trim(text));
  if (l.find('?') != std::string::npos) {
    return true;
  }
  static const Regex kOpening(
      R"(^(how|what|which|when|where|who|whom|whose|why|is|are|was|were|do|does|did|has|have|had|can|could|would|will|should|please|provide|list|give|confirm|state|tell|send|supply)\b)");
  static const Regex kAsking(
      R"(\b(please|you could|could you|can you|would you|your|i would like|i'd like|number of|the total|a list|a copy|copies of|details of|breakdown|how many|how much|the amount|the name|cost of|spend|spent)\b)");
  return kOpening.search(l) || kAsking.search(l);
}

std::size_t inline_answer_start(std::string_view item_text) {
  // Sentence starts: after '?' always; after '.'/'!' when a capital or digit follows.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < item_text.size(); ++i) {
    const char c = item_text[i];
    if (c != '?' && c != '.' && c != '!') {
      continue;
    }
    std::size_t j = i + 1;
    while (j < item_text.size() && (item_text[j] == ')' || item_text[j] == '"')) {
      ++j;
    }
    std::size_t k = j;
    while (k < item_text.size() && (is_space(item_text[k]) || item_text[k] == '\n')) {
      ++k;
    }
    if (k >= item_text.size()) {
      break;
    }
    if (c == '?' || (k > j && (is_upper(item_text[k]) || is_digit(item_text[k])))) {
      starts.push_back(k);
    }
  }
  static const Regex kRequester(
      R"(\?|\b(you|your|please|i would|i'd|i am|i'm|kindly|grateful|broken down|break down|break this down)\b)");
  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t b = starts[s];
    const std::size_t e = s + 1 < starts.size() ? starts[s + 1] : item_text.size();
    const std::string sentence = ascii_lower(item_text.substr(b, e - b));
    if (!kRequester.search(sentence)) {
      return b;
    }
  }
  return item_text.size();
}

RequestSplit split_items(std::string_view text, std::size_t min_marked) {
  const std::vector<Line> lines = item_lines(text);
  std::vector<Marker> markers;
  markers.reserve(lines.size());
  for (const Line& l : lines) {
    markers.push_back(parse_marker(text.substr(l.begin, l.end - l.begin)));
  }
  auto line_text = [&](std::size_t i) {
    return text.substr(lines[i].begin, lines[i].end - lines[i].begin);
  };
  auto count = [&](MarkerKind k) {
    return static_cast<std::size_t>(std::count_if(markers.begin(), markers.end(),
                                                  [&](const Marker& m) { return m.kind == k; }));
  };

  // The top-level kind: numbers when the request is numbered (letters and bullets are then its
  // sub-items), else the first kind used.
  MarkerKind top = MarkerKind::none;
  std::size_t top_indent = 0;
  if (count(MarkerKind::number) >= min_marked) {
    top = MarkerKind::number;
  } else {
    for (const Marker& m : markers) {
      if (m.kind == MarkerKind::letter || m.kind == MarkerKind::bullet) {
        if (count(m.kind) >= min_marked) {
          top = m.kind;
          top_indent = m.indent;
        }
        break;
      }
    }
  }

  RequestSplit result;
  if (top == MarkerKind::none) {
    // Plain lines: join hard-wrapped lines, drop what is not a question.
    std::size_t i = 0;
    int n = 0;
    while (i < lines.size()) {
      if (trim(line_text(i)).empty()) {
        ++i;
        continue;
      }
      const std::size_t first = i;
      while (i + 1 < lines.size() && !trim(line_text(i + 1)).empty() &&
             (!is_terminal(line_text(i)) || starts_lowercase(line_text(i + 1)))) {
        ++i;
      }
      // A lone marker ("1. What is ...") is not part of the question's words.
      const Marker lone = parse_marker(line_text(first));
      const std::size_t b =
          lines[first].begin + (lone.kind == MarkerKind::none ? lone.indent : lone.content);
      ++i;
      const std::string_view raw = text.substr(b, lines[i - 1].end - b);
      const std::string joined = collapse_whitespace(raw);
      if (is_request_boilerplate(joined)) {
        continue;
      }
      SplitItem item;
      item.n = ++n;
      item.begin = b;
      item.end = b + trim(raw).size();
      item.extent_end = item.end;
      item.tail_begin = item.end;
      item.text = clean_question(joined);
      item.question_like = reads_as_question(item.text);
      result.items.push_back(std::move(item));
    }
    return result;
  }
  result.marked = true;

  auto is_top = [&](std::size_t i) {
    const Marker& m = markers[i];
    if (m.kind != top) {
      return false;
    }
    return top != MarkerKind::bullet || m.indent <= top_indent;
  };

  // Top-level item lines; numbered items must run 1, 2, 3 ... A number skipped where lettered
  // sub-items stand (a stem lost in conversion) becomes its own question; a number going back
  // (the list quoted again) ends the run.
  struct Start {
    std::size_t line;
    int n;
    bool synthetic;
  };
  std::vector<Start> starts;
  std::size_t first_sub_since_last = std::string_view::npos;
  std::size_t end_line = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_top(i)) {
      if (!starts.empty() && markers[i].kind != MarkerKind::none &&
          first_sub_since_last == std::string_view::npos) {
        bool blank_before = i > 0 && trim(line_text(i - 1)).empty();
        if (blank_before) {
          first_sub_since_last = i;
        }
      }
      continue;
    }
    if (top != MarkerKind::number) {
      starts.push_back({i, static_cast<int>(starts.size()) + 1, false});
      continue;
    }
    const int n = markers[i].number;
    const int last = starts.empty() ? 0 : starts.back().n;
    if (starts.empty() || n == last + 1) {
      starts.push_back({i, n, false});
    } else if (n == last + 2 && first_sub_since_last != std::string_view::npos) {
      starts.push_back({first_sub_since_last, last + 1, true});
      starts.push_back({i, n, false});
    } else if (n <= last) {
      end_line = i;
      break;
    } else {
      continue;
    }
    first_sub_since_last = std::string_view::npos;
  }
  if (starts.size() < min_marked) {
    result.marked = false;
    result.items.clear();
    return result;
  }

  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t li = starts[s].line;
    const std::size_t next = s + 1 < starts.size() ? starts[s + 1].line : end_line;
    SplitItem item;
    item.n = starts[s].n;
    item.kind = top;
    item.begin = starts[s].synthetic ? lines[li].begin + markers[li].indent
                                     : lines[li].begin + markers[li].content;
    item.extent_end = next < lines.size() ? lines[next].begin : text.size();
    std::string joined(
        line_text(li).substr(starts[s].synthetic ? markers[li].indent : markers[li].content));
    std::size_t last_included = li;
    item.tail_begin = item.extent_end;
    bool prev_included = true;
    for (std::size_t k = li + 1; k < next; ++k) {
      const std::string_view lt = line_text(k);
      if (trim(lt).empty()) {
        prev_included = false;
        continue;
      }
      const bool sub = markers[k].kind != MarkerKind::none;
      const bool continuation =
          prev_included && (!is_terminal(line_text(k - 1)) || starts_lowercase(lt));
      if (sub || continuation) {
        joined += ' ';
        joined += lt;
        last_included = k;
        prev_included = true;
      } else {
        prev_included = false;
        item.tail_begin = std::min(item.tail_begin, lines[k].begin);
      }
    }
    item.end =
        lines[last_included].begin + (trim(line_text(last_included)).empty()
                                          ? 0
                                          : line_text(last_included).find_last_not_of(" \t\r") + 1);
    item.text = clean_question(collapse_whitespace(joined));
    item.question_like = reads_as_question(item.text);
    result.items.push_back(std::move(item));
  }
  return result;
}

}  // namespace foilog::questions_detail
