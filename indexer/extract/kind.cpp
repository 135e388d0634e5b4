#include "extract/kind.h"

#include <string>

#include "util/regex.h"
#include "util/text.h"

namespace foilog {
namespace {

int count_matches(const Regex& re, const std::string& s) {
  return static_cast<int>(re.count(s));
}

// Words that only FOI/EIR correspondence and disclosure logs use.
bool looks_like_foi(const std::string& text) {
  static const Regex foi(
      R"(\b(freedom of information|foi|foia|foisa|environmental information regulations|eir|eirs|information request|request for information|your request|disclosure log|information requested|you asked|request detail|refusal notice|subject access request)\b)",
      Regex::kIgnoreCase);
  // Disclosure-log records that name no Act still pair a request with a reply: "Request Date ...
  // Released Date", "Details of the Request ... Details of the Response".
  static const Regex request(R"(\brequest(ed|s)?\b)", Regex::kIgnoreCase);
  static const Regex reply(R"(\b(response|reply|replied|released|answer(ed)?|disclos\w*)\b)",
                           Regex::kIgnoreCase);
  return foi.search(text) || (request.search(text) && reply.search(text));
}

// A notice about a class of requests: "Freedom of Information requests relating to ICT ...",
// "this response applies to all requests for ...", dated as a page ("Last updated: 2024") and
// addressed to no one in particular.
int standing_refusal_score(const std::string& head, const std::string& text) {
  static const Regex class_heading(
      R"(\brequests\s+(relating to|about|regarding|concerning|for information (about|on|relating to))\b)",
      Regex::kIgnoreCase);
  static const Regex class_phrase(
      R"(\b((applies|apply) to (all|any) (future )?requests|all (such |future )?requests (for|about|relating to|concerning|regarding)|any (future )?requests? (for|about|relating to|concerning|regarding) (information|details)|class of requests|standard response|blanket (refusal|approach)|we will not (provide|disclose|release) (this|such) information in response to any)\b)",
      Regex::kIgnoreCase);
  static const Regex page_dated(R"(\b(last updated|page last reviewed|last reviewed)\b)",
                                Regex::kIgnoreCase);
  // Signs of a reply to one person's request.
  static const Regex addressed(
      R"(\b(dear\s+\S|your request|you asked|you requested|your email|your letter|request detail|the request:|received:|date received|request date|we received|thank you for your)\b)",
      Regex::kIgnoreCase);
  int score = 0;
  score += class_heading.search(head) ? 3 : 0;
  score += class_phrase.search(text) ? 2 : 0;
  score += page_dated.search(text) ? 1 : 0;
  score += addressed.search(text) ? -3 : 2;
  return score;
}

// The outcome of a review, not the boilerplate offering one ("you can request an internal
// review").
int internal_review_score(const std::string& heading_line, const std::string& text) {
  static const Regex heading(R"(\b(internal review|review of (our|the) (decision|response))\b)",
                             Regex::kIgnoreCase);
  static const Regex outcome(
      R"(\b(you (have )?(requested|asked for|sought) (an? |the )?(internal )?review|your (request|application) for an internal review (of|dated|received|was)|request(ed|ing)? an internal review of (our|the|my)|i have (now )?(completed|conducted|carried out|undertaken) (an?|the|my) (internal )?review|(the )?internal review (has|was) (now )?(been )?(completed|concluded|carried out|conducted)|outcome of (the|your|my) internal review (is|was)|(uphold|upheld|overturn|overturned|partially upheld) the (original )?(decision|response|refusal)|(original )?decision (is|was|has been) (upheld|overturned|partially upheld|reversed)|the review panel)\b)",
      Regex::kIgnoreCase);
  int score = 0;
  score += heading.search(heading_line) ? 4 : 0;
  score += 2 * count_matches(outcome, text);
  return score;
}

}  // namespace

std::string classify_kind(std::string_view text, std::string_view title) {
  const std::string all = std::string(title) + "\n" + std::string(text);
  if (!looks_like_foi(all)) {
    return "other";
  }
  // The title and the first lines carry headings such as "Internal review: ..." or "Freedom of
  // Information requests relating to ICT".
  std::string head(title);
  std::string heading_line(title);  // the title, or the first line when there is none
  int lines = 0;
  for (auto line : split_lines(text)) {
    if (trim(line).empty()) {
      continue;
    }
    head += "\n";
    head += line;
    if (lines == 0 && trim(title).empty()) {
      heading_line = std::string(line);
    }
    if (++lines == 3) {
      break;
    }
  }
  if (standing_refusal_score(head, all) >= 4) {
    return "standing_refusal";
  }
  if (internal_review_score(heading_line, all) >= 4) {
    return "internal_review";
  }
  return "response";
}

}  // namespace foilog
