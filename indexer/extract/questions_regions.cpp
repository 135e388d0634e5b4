#include "extract/questions_regions.h"

#include <string>

#include "util/regex.h"
#include "util/text.h"

namespace foilog::questions_detail {
namespace {

struct TextLine {
  std::size_t begin;
  std::size_t end;
  std::string lower;  // trimmed, lower-case, trailing ':' removed
};

std::vector<TextLine> text_lines(std::string_view text) {
  std::vector<TextLine> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      nl = text.size();
    }
    std::string l = ascii_lower(trim(text.substr(pos, nl - pos)));
    while (!l.empty() && (l.back() == ':' || l.back() == ' ')) {
      l.pop_back();
    }
    out.push_back({pos, nl, std::move(l)});
    if (nl == text.size()) {
      break;
    }
    pos = nl + 1;
  }
  return out;
}

// Whole-line headings. A line such as "Freedom of Information Request" is a title, not a
// heading, so "request" headings are listed rather than matched by suffix.
bool is_request_heading(const std::string& l) {
  static const Regex kHeading(
      R"(^((the|your|original|initial) )?request( detail| details| description| text)?$|^details of (the|your) request$|^(information|what was|what you) requested$|^you asked( for)?$|^(customer |foi |information )?request details$|^requested information$|^your (questions?|enquiry)$)");
  return kHeading.full_match(l);
}

bool is_response_heading(const std::string& l) {
  static const Regex kHeading(
      R"(^((the|our|your) )?(response|reply|answer|decision)s?( detail| details| to (your|the) request| to request)?$|^details of (the|our) response$|^our (reply|answer)$|^response (date|released)?$)");
  if (kHeading.full_match(l)) {
    return true;
  }
  // "East Herts Council Response": a short line ending in "response" that names no request.
  // The name must be a body's ("Incident and emergency response" is a topic, not a heading).
  static const Regex kNamedResponse(
      R"(^[a-z0-9&'. ]{0,50}\b(council|trust|service|police|constabulary|authority|department|university|board|office|government|commission|ministry|agency|executive|foi|our|\w+'s)\b[a-z0-9&'. ]{0,30} response$)");
  return kNamedResponse.full_match(l) && l.find("request") == std::string::npos &&
         l.find("and response") == std::string::npos;
}

// Date labels of log records: weaker than headings because some pages print them after the text.
bool is_received_label(const std::string& l) {
  static const Regex kLabel(R"(^(date )?received\b.*|^request date\b.*)");
  return kLabel.full_match(l);
}

bool is_responded_label(const std::string& l) {
  static const Regex kLabel(
      R"(^((date )?responded|released date|completion date|response date|date of response|date responded)\b.*)");
  return kLabel.full_match(l);
}

// The first sentence of an authority's reply.
bool is_opener(const std::string& l) {
  static const Regex kOpener(
      R"(^(thank you for your (recent )?((freedom of information|foi|eir|information) )?(request|enquiry|e-?mail|letter)|i am writing to (inform|confirm|advise|let you know)|(i|we) (can|are able to|am able to) confirm|(i|we) confirm|in response to (your|questions?|the above|this|the request)|please find (below|attached|enclosed)|please see (below|attached|the attached|our response)|please accept (my|our) apologies|the responses? to your (query|request|questions?)|(i|we) have (now )?(searched|completed|considered|reviewed|carefully considered)|following a (search|review)|please be advised|our response)\b)");
  if (kOpener.search(l)) {
    return true;
  }
  // "IPSA holds the information that you request." / "The Trust holds this information, but ..."
  static const Regex kHolds(
      R"(^(?!if |whether |please |does |do |can |could )[a-z0-9&' ]{1,60}\b(holds|does not hold|do not hold) (the|this|some|no) information\b)");
  return kHolds.search(l);
}

bool is_footer(const std::string& l) {
  static const Regex kFooter(
      R"(^(- )?(if you are (unhappy|dissatisfied|not (satisfied|content|happy))|if you remain dissatisfied|if you have any (further )?(queries|questions|complaints?)|your right to|you have the right to|information released|attachments?$|no attachments|attachment \d|about foi|tags|is this page helpful|next steps|should you have any (further )?(queries|questions)|we use cookies|\xc2\xa9|log in|exemptions applied|contact$|back to top|customer service form|a full copy of the|please remember to quote|it is important that you (include|quote)|for re-use of information|yours (sincerely|faithfully)|kind regards|- ref$|ref$|published date|disclosure$|categories$|topic$|document$|right of (appeal|review)|internal review|complaints? (and|&) (internal )?review))");
  return kFooter.search(l);
}

// A paragraph that asks for something: used when a page has no labels and no reply opener.
bool paragraph_asks(const std::string& lower) {
  static const Regex kAsks(
      R"(\?|\b(please|could you|can you|you could|would you|i would like|i'd like|i am requesting|i request|i am writing to request)\b)");
  return kAsks.search(lower);
}

bool is_all_caps(std::string_view s) {
  bool any_letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    any_letter = any_letter || (c >= 'A' && c <= 'Z');
  }
  return any_letter;
}

}  // namespace

std::size_t response_footer_start(std::string_view text, std::size_t from, std::size_t limit) {
  limit = std::min(limit, text.size());
  if (from >= limit) {
    return limit;
  }
  const std::string_view part = text.substr(from, limit - from);
  for (const TextLine& l : text_lines(part)) {
    // The reply's first line can itself look like chrome ("Response date ...").
    if (l.begin > 0 && !l.lower.empty() && is_footer(l.lower)) {
      return from + l.begin;
    }
  }
  return limit;
}

DocumentRegions locate_regions(std::string_view text) {
  const std::vector<TextLine> lines = text_lines(text);
  DocumentRegions out;

  struct Mark {
    std::size_t line;
    bool request;
  };
  std::vector<Mark> marks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_request_heading(lines[i].lower)) {
      marks.push_back({i, true});
    } else if (is_response_heading(lines[i].lower)) {
      marks.push_back({i, false});
    }
  }
  auto after = [&](std::size_t line) {
    return lines[line].end < text.size() ? lines[line].end + 1 : text.size();
  };
  auto first_line_after = [&](std::size_t from_line, std::size_t to_line, auto pred) {
    for (std::size_t i = from_line; i < to_line; ++i) {
      if (pred(lines[i].lower)) {
        return i;
      }
    }
    return to_line;
  };

  bool any_request = false;
  bool any_response = false;
  for (const Mark& m : marks) {
    any_request = any_request || m.request;
    any_response = any_response || !m.request;
  }

  if (any_request) {
    out.source = RegionSource::headings;
    for (std::size_t k = 0; k < marks.size(); ++k) {
      if (!marks[k].request) {
        continue;
      }
      const std::size_t req_line = marks[k].line;
      std::size_t next_req_line = lines.size();
      std::size_t resp_line = lines.size();
      for (std::size_t j = k + 1; j < marks.size(); ++j) {
        if (marks[j].request) {
          next_req_line = marks[j].line;
          break;
        }
        if (resp_line == lines.size()) {
          resp_line = marks[j].line;
        }
      }
      RequestResponse pair;
      pair.request.begin = after(req_line);
      std::size_t response_start = text.size();
      if (resp_line < lines.size()) {
        pair.request.end = lines[resp_line].begin;
        response_start = after(resp_line);
      } else {
        // No response heading: a "Released Date" label or the reply's first sentence.
        std::size_t r = first_line_after(req_line + 1, next_req_line, is_responded_label);
        if (r < next_req_line) {
          pair.request.end = lines[r].begin;
          response_start = lines[r].begin;
        } else if ((r = first_line_after(req_line + 1, next_req_line, is_opener)) < next_req_line) {
          pair.request.end = lines[r].begin;
          response_start = lines[r].begin;
        } else {
          // The request is its first paragraph; the reply follows.
          std::size_t i = req_line + 1;
          while (i < next_req_line && lines[i].lower.empty()) {
            ++i;
          }
          while (i < next_req_line && !lines[i].lower.empty()) {
            ++i;
          }
          pair.request.end = i < lines.size() ? lines[i].begin : text.size();
          response_start = pair.request.end;
        }
      }
      const std::size_t limit =
          next_req_line < lines.size() ? lines[next_req_line].begin : text.size();
      pair.response.begin = std::min(response_start, limit);
      pair.response.end = response_footer_start(text, pair.response.begin, limit);
      out.pairs.push_back(pair);
    }
    return out;
  }

  auto whole_from = [&](std::size_t request_begin, std::size_t response_line, bool skip_heading) {
    RequestResponse pair;
    pair.request.begin = request_begin;
    pair.request.end = lines[response_line].begin;
    pair.response.begin = skip_heading ? after(response_line) : lines[response_line].begin;
    pair.response.end = response_footer_start(text, pair.response.begin, text.size());
    return pair;
  };

  if (any_response) {
    out.source = RegionSource::headings;
    const std::size_t r = marks.front().line;
    const std::size_t start = first_line_after(0, r, is_received_label);
    out.pairs.push_back(whole_from(start < r ? after(start) : 0, r, true));
    return out;
  }

  const std::size_t responded = first_line_after(0, lines.size(), is_responded_label);
  if (responded < lines.size()) {
    out.source = RegionSource::labels;
    const std::size_t start = first_line_after(0, responded, is_received_label);
    out.pairs.push_back(whole_from(start < responded ? after(start) : 0, responded, true));
    return out;
  }

  const std::size_t opener = first_line_after(0, lines.size(), is_opener);
  if (opener < lines.size()) {
    out.source = RegionSource::opener;
    out.pairs.push_back(whole_from(0, opener, false));
    return out;
  }

  // No labels and no opener: the first paragraph (of the first few) that asks for something.
  std::size_t i = 0;
  for (int paragraph = 0; paragraph < 5 && i < lines.size(); ++paragraph) {
    while (i < lines.size() && lines[i].lower.empty()) {
      ++i;
    }
    const std::size_t first = i;
    std::string lower;
    while (i < lines.size() && !lines[i].lower.empty()) {
      lower += lines[i].lower;
      lower += ' ';
      ++i;
    }
    if (first >= lines.size()) {
      break;
    }
    const std::string_view raw =
        text.substr(lines[first].begin, lines[i - 1].end - lines[first].begin);
    if (!paragraph_asks(lower) || is_all_caps(raw)) {
      continue;
    }
    out.source = RegionSource::fallback;
    RequestResponse pair;
    pair.request = {lines[first].begin, lines[i - 1].end};
    pair.response.begin = std::min(pair.request.end + 1, text.size());
    pair.response.end = response_footer_start(text, pair.response.begin, text.size());
    out.pairs.push_back(pair);
    return out;
  }
  return out;
}

}  // namespace foilog::questions_detail
