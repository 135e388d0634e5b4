// Reference numbers in the forms real disclosure logs print ("FOI 003477-20", "FOI/18/03296",
// "211A/20", "RFI-202106-09", "FOI 2289", "329-21"). Each authority keeps one scheme, chosen
// from its id, as real ones do.
#pragma once

#include <string>

#include "common/rng.h"
#include "util/date.h"

namespace foilog::bench {

// A reference in authority `authority_id`'s scheme for a request received on `received`.
[[nodiscard]] std::string make_reference(const std::string& authority_id, const std::string& act,
                                         const Date& received, Rng& rng);

}  // namespace foilog::bench
