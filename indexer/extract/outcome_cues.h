// Internal: the wording and provisions that show what an FOI response decided. Pure functions;
// spans are byte offsets into the text passed in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog::outcome_detail {

enum class Cue {
  ncnd,        // "neither confirm nor deny"
  vexatious,   // "vexatious", "manifestly unreasonable"
  cost_limit,  // "exceed the appropriate limit", "cost limit", "£450", "18 hours"
  withheld,    // "withholding", "exempt from disclosure", "Refusal Notice"
  partial,     // "some of the information", "redacted", "has not been included"
  not_held,    // "not held", "does not hold", "no photographs are available"
  released,    // "please find attached", "I enclose", "is enclosed"
  referral,    // "our disclosure log", "previous responses": an answer by pointing elsewhere
};

struct CueHit {
  Cue cue;
  Span sentence;  // the sentence the cue sits in
};

// Every cue in text[begin, end), in order.
[[nodiscard]] std::vector<CueHit> find_cues(std::string_view text, std::size_t begin,
                                            std::size_t end);

// True when text[begin, end) gives figures: counts, money, percentages. Years, dates, durations,
// section and question numbers, list markers, references and phone numbers do not count.
[[nodiscard]] bool gives_figures(std::string_view text, std::size_t begin, std::size_t end);

// What applying a provision decides.
enum class ProvisionRole { withheld, cost_limit, vexatious, not_held, ncnd };
[[nodiscard]] ProvisionRole provision_role(const ExemptionCitation& citation);

// True when text cites the provision's section or regulation ("section 40 (1)", "s.12",
// "Sections 24 and 31", "regulation 12(5)(b)").
[[nodiscard]] bool cites_provision(std::string_view text, const std::string& provision);

}  // namespace foilog::outcome_detail
