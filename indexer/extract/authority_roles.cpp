#include "extract/authority_roles.h"

#include <algorithm>
#include <string>

#include "util/regex.h"
#include "util/text.h"

namespace foilog::authority_detail {
namespace {

std::size_t line_begin(std::string_view text, std::size_t pos) {
  const auto nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  return (nl == std::string_view::npos || pos == 0) ? 0 : nl + 1;
}

std::size_t line_end(std::string_view text, std::size_t pos) {
  const auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

bool matches(const Regex& re, const std::string& s) {
  return re.search(s);
}

// Where the requester's words start: "Request", "Request detail:", "Details of the Request",
// "The request:", "Information requested", "You asked:". npos when there is no such heading.
std::size_t request_start(std::string_view text) {
  static const Regex heading(
      R"(^\s*(request|the request|request detail|request details|details of the request|request description|information requested|you asked|your request|customer request details)\s*:?\s*$)",
      Regex::kIgnoreCase);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = line_end(text, start);
    const std::string line(text.substr(start, end - start));
    if (line.size() <= 60 && matches(heading, line)) {
      return start;
    }
    start = end + 1;
  }
  return std::string_view::npos;
}

// Letterhead: the first few non-empty lines of the document, before any request heading.
bool in_letterhead(std::string_view text, std::size_t pos) {
  if (pos >= request_start(text)) {
    return false;
  }
  int non_empty = 0;
  std::size_t start = 0;
  while (start < text.size() && non_empty < 3) {
    const std::size_t end = line_end(text, start);
    if (!trim(text.substr(start, end - start)).empty()) {
      ++non_empty;
    }
    if (pos < end) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

std::size_t response_start(std::string_view text) {
  static const Regex heading(
      R"(^\s*(response|reply|our response|the response|response detail|details of the response|response to your request|answer|our reply|decision)\s*:?\s*$)",
      Regex::kIgnoreCase);
  static const Regex dated(R"(^\s*(responded|date responded|response date)\s*:?)",
                           Regex::kIgnoreCase);
  static const Regex body_response(R"(^\s*[A-Z][A-Za-z&' ]{2,60} (response|reply)\s*:?\s*$)");
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = line_end(text, start);
    const std::string line(text.substr(start, end - start));
    if (start > 0 && line.size() <= 70 &&
        (matches(heading, line) || matches(dated, line) || matches(body_response, line))) {
      return start;
    }
    start = end + 1;
  }
  return std::string_view::npos;
}

double role_score(std::string_view text, Span span, std::size_t response_begin) {
  const std::size_t lb = line_begin(text, span.begin);
  const std::size_t le = line_end(text, span.end);
  const std::size_t before_from = std::max(lb, span.begin >= 80 ? span.begin - 80 : 0);
  const std::string before = ascii_lower(text.substr(before_from, span.begin - before_from));
  const std::string after =
      ascii_lower(text.substr(span.end, std::min(le, span.end + 80) - span.end));
  const std::string line = collapse_whitespace(text.substr(lb, le - lb));
  const std::string name = collapse_whitespace(text.substr(span.begin, span.end - span.begin));

  static const Regex on_behalf(R"(on behalf of(\s+the)?\s*$)");
  static const Regex copyright(R"((©|\(c\)|copyright)\s*(\d{4}(\s*(-|–)\s*\d{4})?)?\s*(the\s+)?$)");
  static const Regex charity(
      R"(^\s*(is|are)\s+(a\s+)?(registered\s+)?(charity|company|exempt charity|statutory corporation)\b)");
  static const Regex has_handled(
      R"(^\s*(\([^)]{1,15}\)\s*)?(has|have)\s+(now\s+)?(considered|completed|received|searched|carried out|conducted|reviewed|processed|dealt with|handled)\b)");
  static const Regex received_by(R"((received|held|recorded|published|issued) by(\s+the)?\s*$)");
  static const Regex subject(
      R"(^\s*(\([^)]{1,15}\)\s*)?(confirms?|can confirm|does|do|did|is|are|was|were|holds?|has|have|will|would|cannot|can|accepts?|takes?|attended|maintains|relies|understands|estimates|publishes|considers|uses|operates|employs|records?|withholds?|is withholding|aims?|responds?)\b)");
  static const Regex own_heading(R"(^\s*(response|reply)\b)");
  static const Regex dear(R"(\bdear\s*$)");
  // "information from X", "c/o X", and review addresses: "writing to the Assistant Chief Fire
  // Officer, X, St. Michael's Street".
  static const Regex addressed(
      R"(\b(from|to|c/o|contact|contacting)(\s+the)?(\s+[a-z][a-z ]{0,40},)?\s*$)");

  // The sign-off block: the body named within a few lines after "Yours sincerely".
  static const Regex sign_off(
      R"(\b(yours sincerely|yours faithfully|kind regards|best regards|with regards|regards)\b[^\n]*(\n[^\n]*){0,5}$)");
  const std::size_t closing_from = span.begin >= 250 ? span.begin - 250 : 0;
  const std::string closing_window =
      ascii_lower(text.substr(closing_from, span.begin - closing_from));

  double role = 0;
  bool addressee = false;  // roles that hold even in the requester's words
  if (matches(sign_off, closing_window)) {
    role += 4;
  }
  if (matches(on_behalf, before) || matches(copyright, before) || matches(charity, after) ||
      matches(has_handled, after)) {
    role += kStrongRole;
  }
  if (matches(received_by, before)) {
    role += 4;
  }
  if (matches(own_heading, after)) {
    role += 4;
  }
  if (matches(dear, before)) {
    role += 4;
    addressee = true;
  }
  if (role == 0 && matches(subject, after)) {
    role += 3;
  }
  if (matches(addressed, before)) {
    role += 2;
    addressee = true;
  }
  // A line that is only the name ("Police Federation", an address block's first line).
  std::string bare = line;
  if (istarts_with(bare, "the ")) {
    bare = bare.substr(4);
  }
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ',' || bare.back() == ':')) {
    bare.pop_back();
  }
  if (bare == name) {
    role += 3;
  }
  if (response_begin != std::string_view::npos && span.begin < response_begin && !addressee &&
      !in_letterhead(text, span.begin)) {
    role *= 0.5;  // the requester's words: "South Yorkshire Police have published ..."
  }
  double score = 1 + role;
  if (in_letterhead(text, span.begin)) {
    score += 2;
  }
  return score;
}

}  // namespace foilog::authority_detail
