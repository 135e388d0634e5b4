#include "readers/text_reader.h"

#include <algorithm>
#include <array>

#include "readers/decode.h"
#include "readers/html_reader.h"
#include "util/text.h"

namespace foilog {
namespace {

bool is_tag_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Tags that show up when a CMS field or a table is pasted into text. Only these count, so "<5
// years", "<https://...>" and "<name@example.org>" stay plain text.
bool is_known_tag(std::string_view name) {
  static const std::array<std::string_view, 31> kTags = {
      "p",     "br",    "ul", "ol",   "li",  "div",    "span",       "table", "tr", "td", "th",
      "tbody", "thead", "b",  "i",    "u",   "strong", "em",         "a",     "h1", "h2", "h3",
      "h4",    "h5",    "h6", "font", "sup", "sub",    "blockquote", "hr",    "img"};
  const std::string lower = ascii_lower(name);
  return std::find(kTags.begin(), kTags.end(), lower) != kTags.end();
}

std::vector<std::string> split_on_tabs(std::string_view line) {
  return split(line, '\t');
}

}  // namespace

bool has_html_tag(std::string_view line) {
  for (std::size_t at = line.find('<'); at != std::string_view::npos; at = line.find('<', at + 1)) {
    std::size_t i = at + 1;
    if (i < line.size() && line[i] == '/') {
      ++i;
    }
    const std::size_t start = i;
    while (i < line.size() && is_tag_name_char(line[i])) {
      ++i;
    }
    if (i == start || i >= line.size()) {
      continue;
    }
    if ((line[i] == '>' || line[i] == ' ' || line[i] == '/') &&
        is_known_tag(line.substr(start, i - start)) &&
        line.find('>', i) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::string clean_html_line(std::string_view line) {
  const std::vector<std::string> cells = split_on_tabs(line);
  if (cells.size() == 1) {
    return html_fragment_to_text(line);
  }
  std::string row;
  for (const auto& cell : cells) {
    std::string text = html_fragment_to_text(cell, true);
    if (text.empty()) {
      continue;
    }
    if (!row.empty()) {
      row += " | ";
    }
    row += text;
  }
  return row;
}

std::string strip_markdown_links(std::string_view line) {
  // Hand-rolled rather than std::regex: this runs on every line of every text file, and
  // libstdc++'s recursive matcher can overflow the stack on long lines.
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    const bool image = line[i] == '!' && i + 1 < line.size() && line[i + 1] == '[';
    const std::size_t open = image ? i + 1 : i;
    if (line[open] == '[') {
      const std::size_t close = line.find_first_of("[]", open + 1);
      if (close != std::string_view::npos && line[close] == ']' && close + 1 < line.size()) {
        const std::string_view text = line.substr(open + 1, close - open - 1);
        if (line[close + 1] == '(') {
          // [text](url) or [text](url "title"): the URL has no spaces; allow one nested ().
          std::size_t j = close + 2;
          int depth = 0;
          while (j < line.size() && line[j] != ' ' && (line[j] != ')' || depth > 0)) {
            depth += line[j] == '(' ? 1 : line[j] == ')' ? -1 : 0;
            ++j;
          }
          if (j < line.size() && line[j] == ' ' && j + 1 < line.size() && line[j + 1] == '"') {
            const std::size_t quote_end = line.find('"', j + 2);
            j = quote_end == std::string_view::npos ? line.size() : quote_end + 1;
          }
          if (j < line.size() && line[j] == ')') {
            out += text;
            i = j + 1;
            continue;
          }
        } else if (line[close + 1] == '[' && !text.empty()) {
          const std::size_t ref_end = line.find_first_of("[]\n", close + 2);
          if (ref_end != std::string_view::npos && line[ref_end] == ']') {
            out += text;
            i = ref_end + 1;
            continue;
          }
        }
      }
    }
    if (line[i] == '<') {
      const std::string_view rest = line.substr(i + 1);
      if (rest.starts_with("http://") || rest.starts_with("https://") ||
          rest.starts_with("ftp://") || rest.starts_with("mailto:")) {
        const std::size_t close = rest.find_first_of("<> \t");
        if (close != std::string_view::npos && rest[close] == '>') {
          out += rest.substr(0, close);
          i += close + 2;
          continue;
        }
      }
    }
    out += line[i];
    ++i;
  }
  return out;
}

DocumentText read_plain_text(std::string_view bytes, const std::string& /*filename*/) {
  const DecodedText decoded = decode_to_utf8(bytes);
  DocumentText doc;
  doc.format = "text";
  bool cleaned_html = false;
  for (const std::string_view line : split_lines(decoded.utf8)) {
    std::string out;
    if (has_html_tag(line)) {
      out = clean_html_line(line);
      cleaned_html = true;
    } else {
      out = strip_markdown_links(line);
    }
    doc.text += out;
    doc.text += '\n';
  }
  if (cleaned_html) {
    doc.notes.push_back("removed HTML tags embedded in the text");
  }
  if (!decoded.converted_from.empty()) {
    doc.notes.push_back("converted text from " + decoded.converted_from + " to UTF-8");
  }
  return doc;
}

namespace {

bool is_rule_line(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 3) {
    return false;
  }
  // ---, ***, ___, ===, and table separators such as |---|:--:|
  const bool table_separator = t.find('-') != std::string_view::npos &&
                               t.find_first_not_of("|-: \t") == std::string_view::npos;
  const char c = t.front();
  const bool rule = (c == '-' || c == '*' || c == '_' || c == '=') &&
                    t.find_first_not_of(std::string(1, c) + " \t") == std::string_view::npos;
  return table_separator || rule;
}

bool is_space_or_start(std::string_view s, std::size_t i) {
  return i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '(' || s[i - 1] == '[';
}

bool is_closing_boundary(std::string_view s, std::size_t after) {
  return after >= s.size() ||
         std::string_view(" \t.,;:!?)]").find(s[after]) != std::string_view::npos;
}

// Removes paired delimiters ("**", "__", "~~", "`", "*", "_") that open after a space or the
// start of the line and close before a space, punctuation or the end: so "snake_case_name",
// "5 * 3" and a lone "*" stay as they are.
std::string strip_delimiters(std::string_view s, std::string_view delim) {
  // Where the delimiter opened at `i` closes, or npos when it does not open a span there.
  const auto closing = [&](std::size_t i) {
    const std::size_t body = i + delim.size();
    if (s.compare(i, delim.size(), delim) != 0 || !is_space_or_start(s, i) || body >= s.size() ||
        s[body] == ' ' || s[body] == delim.front()) {
      return std::string_view::npos;
    }
    for (std::size_t j = s.find(delim, body + 1); j != std::string_view::npos;
         j = s.find(delim, j + 1)) {
      if (s[j - 1] != ' ' && is_closing_boundary(s, j + delim.size())) {
        return j;
      }
    }
    return std::string_view::npos;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t j = closing(i); j != std::string_view::npos) {
      out += s.substr(i + delim.size(), j - i - delim.size());
      i = j + delim.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string strip_emphasis(std::string s) {
  for (const std::string_view delim : {"**", "__", "~~", "`", "*", "_"}) {
    if (s.find(delim) != std::string::npos) {
      s = strip_delimiters(s, delim);
    }
  }
  return s;
}

// "[id]: https://..." reference-link definitions carry no text.
bool is_link_definition(std::string_view line) {
  const std::string_view t = trim(line);
  const std::size_t close = t.find("]: ");
  return t.starts_with('[') && close != std::string_view::npos && close > 1 &&
         t.find(']') == close && !trim(t.substr(close + 3)).empty();
}

std::string unescape_markdown(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() &&
        std::string_view("\\`*_{}[]()#+-.!|>").find(s[i + 1]) != std::string_view::npos) {
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string markdown_line(std::string_view line) {
  const std::size_t indent = line.find_first_not_of(" \t");
  if (indent == std::string_view::npos) {
    return {};
  }
  std::string_view body = line.substr(indent);
  std::string prefix(line.substr(0, indent));
  while (!body.empty() && body.front() == '>') {  // block quotes
    body.remove_prefix(1);
    body = trim(body);
  }
  if (!body.empty() && body.front() == '#') {
    const std::size_t hashes = body.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && body[hashes] == ' ') {
      body = trim(body.substr(hashes));
      while (!body.empty() && body.back() == '#') {
        body.remove_suffix(1);
      }
      body = trim(body);
    }
  }
  if (body.size() >= 2 && (body[0] == '*' || body[0] == '+' || body[0] == '-') && body[1] == ' ') {
    prefix += "- ";
    body = trim(body.substr(2));
  }
  std::string text(body);
  if (text.size() >= 2 && text.front() == '|' && text.back() == '|') {
    text = std::string(trim(std::string_view(text).substr(1, text.size() - 2)));
  }
  text = has_html_tag(text) ? clean_html_line(text) : strip_markdown_links(text);
  return prefix + unescape_markdown(strip_emphasis(std::move(text)));
}

}  // namespace

DocumentText read_markdown(std::string_view bytes, const std::string& /*filename*/) {
  const DecodedText decoded = decode_to_utf8(bytes);
  DocumentText doc;
  doc.format = "markdown";
  for (const std::string_view line : split_lines(decoded.utf8)) {
    const std::string_view t = trim(line);
    if (t.starts_with("```") || t.starts_with("~~~") || is_rule_line(line) ||
        is_link_definition(line)) {
      continue;  // pure markup: dropping the line keeps table rows together
    }
    std::string out = markdown_line(line);
    if (doc.title.empty() && t.starts_with("# ")) {
      doc.title = std::string(trim(out));
    }
    doc.text += out;
    doc.text += '\n';
  }
  if (!decoded.converted_from.empty()) {
    doc.notes.push_back("converted text from " + decoded.converted_from + " to UTF-8");
  }
  return doc;
}

}  // namespace foilog
