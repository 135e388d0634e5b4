// How a reference number is written: an optional upper-case prefix ("FOI ", "RFI-", "FOI/AH/")
// then a body that starts with a digit ("003477-20", "211A/20", "867_15"), and how ICO and
// Scottish decision notices are written. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog::reference_detail {

struct Token {
  std::size_t length = 0;  // bytes of the reference at the start of the input; 0 when none
  std::string prefix;      // the first upper-case segment ("FOI" in "FOI/AH/17/16"); may be empty
};

// The reference at the start of `s`. Dates, years ("2019"), year ranges and financial years
// ("2019/20", "2014-15") are not references.
[[nodiscard]] Token read_reference(std::string_view s);

// Prefixes authorities put on request numbers: FOI, FOIR, EIR, RFI, SAR, IR, REQ.
[[nodiscard]] bool is_request_prefix(std::string_view prefix);

struct Notice {
  std::string id;
  Span span;
};

// FS50662638, FER0123456, IC-106031-D4Y0 (ICO) and "Decision 123/2019" (Scottish Information
// Commissioner), in order, without repeats.
[[nodiscard]] std::vector<Notice> find_decision_notices(std::string_view text);

}  // namespace foilog::reference_detail
