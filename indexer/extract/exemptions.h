// Exemptions applied or considered in a response, and the procedural sections it mentions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "taxonomy/exemption_table.h"

namespace foilog {

struct ExemptionsResult {
  std::vector<ExemptionCitation> exemptions;  // in order of first citation
  std::vector<std::string> procedural;        // "s16", "s17", "s20(5)(a)", ... in order
};

// Every exemption provision cited, canonical and at the granularity printed ("Section 12" ->
// s12, "section 12(1)" -> s12(1), "Section 40 (1)" -> s40(1)). A bare section is dropped when a
// subsection of it is also cited (s38 and s38(1)(b) -> s38(1)(b)). Sections that are not
// exemptions (FOIA s1, s10, s16, s17, s45, s50; FOISA s15-s21; EIR reg 5, 9, 11, 14) go to
// `procedural`. A section number belongs to the Act named after it, else to the document's
// regime (FOISA when `regimes` names FOISA and not FOIA). Exemptions cited only in the
// requester's own words (between a "Request" heading and a "Response" heading) are not the
// authority's and are skipped; naming the Fees Regulations counts as citing s12. Provisions of
// other Acts ("section 5 of the Licensing Act 2003") are ignored.
[[nodiscard]] ExemptionsResult extract_exemptions(std::string_view text,
                                                  const std::vector<std::string>& regimes,
                                                  const ExemptionTable& table);

}  // namespace foilog
