// Runs every extractor over one document's text and assembles the Record. Pure:
// no I/O.
#pragma once

#include <string>

#include "model/record.h"
#include "taxonomy/taxonomies.h"

namespace foilog {

struct ExtractHints {
  std::string default_authority;  // `foilog index --authority NAME`: explicit, wins
  std::string source_url;         // where the document was published (provenance)
};

[[nodiscard]] Record extract_record(const DocumentText& doc, const Taxonomies& taxonomies,
                                    const ExtractHints& hints, std::string file);

// Working days between received (or, when the request was clarified, the
// clarification: FOIA s1(3) restarts the clock) and responded; fills
// working_days and within_limit (20 days).
void compute_timeliness(Record& record, const BankHolidays& holidays);

}  // namespace foilog
