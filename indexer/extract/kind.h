// What sort of page a document is: an answer to one request, the outcome of an internal review,
// a standing refusal that an authority applies to a whole class of requests, or not an FOI
// response at all.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

// "response", "internal_review", "standing_refusal" or "other". Pure.
[[nodiscard]] std::string classify_kind(std::string_view text, std::string_view title);

}  // namespace foilog
