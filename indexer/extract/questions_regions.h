// Internal: where the request and the response sit in a published FOI document. Disclosure-log
// pages label them ("Request" / "Response", "Request detail:" / "Response detail:", "You asked:"
// / "Our response:", "The request:" / "Reply"); letters only show where the reply starts
// ("Thank you for your request", "I can confirm"). Shared by the question and outcome
// extractors. Pure functions; offsets are bytes into the text given.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace foilog::questions_detail {

struct Region {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return end <= begin; }
  [[nodiscard]] bool contains(std::size_t pos) const { return pos >= begin && pos < end; }
};

struct RequestResponse {
  Region request;
  Region response;  // may be empty when the document does not show where the reply starts
};

// How the regions were found, from most to least reliable.
enum class RegionSource {
  headings,  // labelled request and/or response headings
  labels,    // only "Received:" / "Responded:"-style date labels
  opener,    // the first sentence that starts the authority's reply
  fallback,  // the first paragraph that asks for something; the response is the rest
  none,      // nothing that reads as a request
};

struct DocumentRegions {
  std::vector<RequestResponse> pairs;  // in document order; several on "Request/Reply" pages
  RegionSource source = RegionSource::none;
};

[[nodiscard]] DocumentRegions locate_regions(std::string_view text);

// Where the reply's own words end: the first line from `from` onwards that starts review rights,
// contact details or page chrome ("If you are unhappy ...", "Attachments", "Tags:").
[[nodiscard]] std::size_t response_footer_start(std::string_view text, std::size_t from,
                                                std::size_t limit);

}  // namespace foilog::questions_detail
