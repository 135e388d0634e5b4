// Corrections an authority makes to the facts extracted from one of its responses. A correction
// is stored as such (table `corrections`: field, value JSON, who, when) and applied to the stored
// record when made; Store::put() applies the stored ones again whenever the file is re-extracted,
// so they survive re-ingest, and reindex rebuilds Xapian from the corrected record.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "taxonomy/bank_holidays.h"

namespace foilog {

// The facts a correction may set, in the order the review page lists them.
inline constexpr std::array<std::string_view, 10> kCorrectableFields = {
    "authority", "reference", "title",      "date_received", "date_responded",
    "outcome",   "regimes",   "exemptions", "questions",     "topics"};

[[nodiscard]] bool is_correctable_field(std::string_view field);

// The outcome and regime vocabularies a correction must use.
[[nodiscard]] bool is_outcome(std::string_view outcome);
[[nodiscard]] bool is_regime(std::string_view regime);

// Sets one field of rec from value, the normal form the publishing layer builds:
//   authority       {"name", "id", "type", "country"} (id "" for a body the table lacks)
//   reference,title string
//   date_received, date_responded   "YYYY-MM-DD" or null
//   outcome         one of is_outcome()
//   regimes, topics [string]
//   exemptions      [{"provision", "act", "title", "parent", "absolute", "ncnd"}]
//   questions       [{"n", "text", "answer", "outcome", "exemptions": [string]}]
// Evidence spans of a value the correction changes are cleared (the letter does not say it);
// an unchanged exemption or question keeps its span. A date change recomputes working days
// with holidays (cleared when holidays is null). Throws UsageError(field, reason) for an unknown
// field or a value of the wrong shape, so nothing malformed is ever stored.
void apply_correction(Record& rec, std::string_view field, const nlohmann::json& value,
                      const BankHolidays* holidays);

// The label file (README "Label format") the corrected record stands for: what `foilog eval`
// scores extraction against.
[[nodiscard]] nlohmann::json label_of(const Record& rec);

}  // namespace foilog
