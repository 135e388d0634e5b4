// How strongly one mention of a body says "this body wrote the document": by where it stands
// (letterhead, a heading of its own, the request or the response) and the words around it
// ("on behalf of X", "X has considered your request", "© 2019 X", "X is a charity registered").
// Internal to extract_authority.
#pragma once

#include <cstddef>
#include <string_view>

#include "model/record.h"

namespace foilog::authority_detail {

// Where the reply starts: the first heading such as "Response", "Our response:", "Reply",
// "Details of the Response", "Responded: 18 May 2023" or "<Body> Response". Text before it is
// the requester's (they name other bodies in passing). npos when there is no such heading.
[[nodiscard]] std::size_t response_start(std::string_view text);

// Role points of a mention at span in text. Strong self-reference scores kStrongRole or more.
inline constexpr double kStrongRole = 6;
[[nodiscard]] double role_score(std::string_view text, Span span, std::size_t response_begin);

}  // namespace foilog::authority_detail
