// What an FOI response decided, overall and per question. Pure function over the normalised
// document text; spans are byte offsets into it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

struct OutcomeResult {
  std::string outcome;  // granted, partial, refused, not_held, ncnd, cost_limit, vexatious, other
  Span span;            // the sentence that decided it; empty when nothing in the text did
};

// Overall outcome: granted, partial, refused, not_held, ncnd, cost_limit, vexatious, other; and
// fills each question's `outcome` (and `exemptions`, the provisions its answer cites). A question
// with no answer in the text gets "other". `exemptions` are canonical provisions already found in
// the text (e.g. "s12", "s31(1)(a)", "s31(3)", "s40(2)", "reg12(4)(a)"), with their spans (byte
// offsets), so a question whose answer cites an exemption can be marked refused. A citation whose
// span lies in the request (a requester mentioning section 12) is not treated as applied; one
// with an empty span is trusted.
//
// Precedence, following how UK authorities write decisions: neither-confirm-nor-deny, then
// vexatious / manifestly unreasonable, then the cost limit (s12 refuses the whole request even
// when some figures are given as advice and assistance), then exemptions and "not held", where
// anything actually given (figures, attachments, answered questions) makes the result partial.
[[nodiscard]] OutcomeResult classify_outcome(std::string_view text,
                                             std::vector<Question>& questions,
                                             const std::vector<ExemptionCitation>& exemptions);

}  // namespace foilog
