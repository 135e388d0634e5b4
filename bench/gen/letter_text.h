// Writes the text of a planned response, recording every provision it cites so that the label
// says exactly what the letter says.
#pragma once

#include <set>
#include <string>

#include "gen/letter_plan.h"

namespace foilog::bench {

struct LetterText {
  std::string text;
  std::set<std::string> exemptions;  // provisions cited as exemptions, canonical ("s43(2)")
  std::set<std::string> procedural;  // procedural sections cited ("s16", "s17", "s20(1)")
  bool names_act = false;            // the text names its Act (else the label has no regime)
};

[[nodiscard]] LetterText render_letter(const LetterPlan& plan, const CorpusModel& model, Rng& rng);

}  // namespace foilog::bench
