// Reads statutory citations out of running text: "Section 31(1)(a)", "s.12", "S12", "section 40
// (1)", "sections 24 and 31", "section 40(2) and (3A)(a)", "section 20(5)(a) and (b)",
// "Regulation 12(4)(b)", "reg. 13", with the Act named after them when there is one ("of FOISA",
// "of the Freedom of Information Act 2000", "of the Licensing Act 2003"). Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog::exemptions_detail {

enum class CitedAct {
  unnamed,  // "section 21 of the Act", or no Act named: the document's regime decides
  foi,      // Freedom of Information Act 2000 / FOIA / FOI Act
  foisa,    // Freedom of Information (Scotland) Act 2002 / FOISA
  eir,      // Environmental Information Regulations 2004 / EIR
  eirs,     // Environmental Information (Scotland) Regulations 2004
  other     // any other Act or Regulations: not an access-regime provision
};

struct Citation {
  bool regulation = false;          // "regulation 12(4)(b)" rather than "section 12"
  std::string number;               // "31", "22A"
  std::vector<std::string> groups;  // subsection groups without brackets: {"1", "a"}
  CitedAct act = CitedAct::unnamed;
  Span span;

  // "s31(1)(a)", "reg12(5)(b)".
  [[nodiscard]] std::string canonical() const;
};

[[nodiscard]] std::vector<Citation> find_citations(std::string_view text);

}  // namespace foilog::exemptions_detail
