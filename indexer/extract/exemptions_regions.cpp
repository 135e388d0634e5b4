#include "extract/exemptions_regions.h"

#include <array>
#include <string>

#include "util/text.h"

namespace foilog::exemptions_detail {
namespace {

std::string heading_key(std::string_view line) {
  auto key = ascii_lower(trim(line));
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) {
    key.pop_back();
  }
  return key;
}

}  // namespace

bool is_request_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 13> kHeadings = {"request",
                                                                 "request detail",
                                                                 "request details",
                                                                 "request description",
                                                                 "details of the request",
                                                                 "information requested",
                                                                 "you asked",
                                                                 "the request",
                                                                 "your request",
                                                                 "customer request details",
                                                                 "request for information",
                                                                 "what you asked for",
                                                                 "you asked for"};
  const auto key = heading_key(line);
  for (const auto h : kHeadings) {
    if (key == h) {
      return true;
    }
  }
  return false;
}

bool is_response_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 12> kHeadings = {"response",
                                                                 "response detail",
                                                                 "response details",
                                                                 "reply",
                                                                 "our reply",
                                                                 "our response",
                                                                 "details of the response",
                                                                 "response to your request",
                                                                 "the response",
                                                                 "answer",
                                                                 "our answer",
                                                                 "decision"};
  const auto key = heading_key(line);
  for (const auto h : kHeadings) {
    if (key == h) {
      return true;
    }
  }
  // "East Herts Council Response": a short heading naming the responder.
  return key.size() <= 50 && key.size() > 9 && key.rfind(" response") == key.size() - 9 &&
         key.find('.') == std::string::npos;
}

std::vector<Span> requester_spans(std::string_view text) {
  std::vector<Span> spans;
  std::size_t request_start = std::string_view::npos;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const auto end = nl == std::string_view::npos ? text.size() : nl;
    const auto line = text.substr(pos, end - pos);
    if (line.size() <= 60) {
      if (is_request_heading(line)) {
        if (request_start == std::string_view::npos) {
          request_start = end;
        }
      } else if (is_response_heading(line) && request_start != std::string_view::npos) {
        spans.push_back(Span{request_start, pos});
        request_start = std::string_view::npos;
      }
    }
    if (nl == std::string_view::npos) {
      break;
    }
    pos = nl + 1;
  }
  return spans;
}

}  // namespace foilog::exemptions_detail
