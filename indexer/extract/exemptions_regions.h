// Where the requester speaks in a published response: the text under a request heading
// ("Request", "Request detail:", "You asked:", "Information requested") up to the next response
// heading ("Response", "Reply", "Our response:", "Details of the Response", "<Authority>
// Response"). Pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog::exemptions_detail {

[[nodiscard]] bool is_request_heading(std::string_view line);
[[nodiscard]] bool is_response_heading(std::string_view line);

// Spans of requester text; a request heading with no response heading after it gives nothing
// (without an answer there is no way to tell where the request ends).
[[nodiscard]] std::vector<Span> requester_spans(std::string_view text);

}  // namespace foilog::exemptions_detail
