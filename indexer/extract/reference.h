// The response's own reference number as printed, every other reference-like string, and the
// ICO / Scottish Information Commissioner decision notices it cites. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

struct ReferenceResult {
  std::string primary;  // as printed ("FOI 003477-20", "211A/20"); empty when none is printed
  Span span;            // where primary was found in text; empty when it came from the title
  std::vector<std::string> all;               // every reference-like string, primary first
  std::vector<std::string> decision_notices;  // "FS50662638", "IC-106031-D4Y0", "Decision 1/2019"
};

// Looks, most trusted first, at: a labelled value ("Our Ref: 329-21", "Reference N°: FOI
// 003477-20", "FOI reference: FOI/18/03296", "Case Number 4687", "Ref:" with the value on the
// next line); a reference in the title or a heading line ("Misconduct (615/20)", "New
// appliances – 16114", "FOI 4606 Private Security", a line that is only "FOI/AH/17/16"); the
// bare record number opening a log record whose field labels were lost; then a prefixed number
// in running text ("FOI Request 6753", which goes to `all` but rarely wins). Decision notices
// never become the primary reference. Dates, years and financial years ("2019/20") are not
// references. `title` is the page title when the reader had one (HTML <title>, e-mail subject).
[[nodiscard]] ReferenceResult extract_references(std::string_view text,
                                                 std::string_view title = {});

// A lookup key: ASCII lower-case, letters and digits kept, and each run of other characters
// dropped between a letter and a digit but turned into one '-' elsewhere. So "FOI 003477-20" ->
// "foi003477-20", "FOI-2289" and "FOI 2289" -> "foi2289", "FOI/AH/17/16" -> "foi-ah17-16",
// "211A/20" -> "211a-20".
[[nodiscard]] std::string normalise_reference(std::string_view ref);

}  // namespace foilog
