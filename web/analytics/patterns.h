// The refusal-pattern figures, computed in one place for the patterns page, the compare page,
// the CSV/JSON exports and the API alike. Input: the responses a search matched (docids) and the
// index's in-memory columns; output: plain tables. Pure: no I/O, no Xapian matching.
//
// Definitions (docs/PATTERNS.md):
// - a *refusal* is a response refused in full: outcome refused, ncnd, cost_limit or vexatious;
//   a partial disclosure is counted as partial, not as a refusal;
// - the *refusal rate* is refusals / responses, with a 95% Wilson score interval;
// - an exemption is *cited* by a response that applied or considered it (a section counts the
//   responses citing it or any of its subsections); its *share of refusals* is the share of
//   refused-or-partial responses that cite it;
// - *working days* and *within 20 days* use only responses whose received and response dates
//   are both known.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/doc_columns.h"
#include "search/facet_columns.h"

namespace foilog::web {

inline constexpr std::array<const char*, 8> kOutcomes = {
    "granted", "partial", "refused", "ncnd", "not_held", "cost_limit", "vexatious", "other"};
[[nodiscard]] bool is_refusal(std::string_view outcome);

struct Interval {
  double rate = 0, low = 0, high = 0;  // proportions in [0, 1]
};
// Wilson score interval for k successes in n trials (z = 1.96); n == 0 gives {0, 0, 1}.
[[nodiscard]] Interval wilson(std::size_t k, std::size_t n, double z = 1.96);

struct OutcomeCounts {
  std::array<std::size_t, kOutcomes.size()> by{};  // by kOutcomes index
  std::size_t responses = 0;
  std::size_t refusals = 0;
  [[nodiscard]] std::size_t of(std::string_view outcome) const;
};

struct TimingStats {
  std::optional<double> median_days;
  std::size_t timed = 0;   // responses with a known number of working days
  std::size_t within = 0;  // of those, answered within 20 working days
};

struct GroupRow {  // one authority, one authority type, or one period
  std::string key;
  OutcomeCounts outcomes;
  Interval refusal_rate;
  TimingStats timing;
  std::string top_exemption;  // most cited section, "" when none
  std::size_t top_exemption_count = 0;
};

struct ExemptionRow {
  std::string provision;
  bool section = true;  // a section (s31) rather than a subsection (s31(1)(a))
  std::size_t cited = 0;
  double share_of_refusals = 0;  // of refused-or-partial responses, the share citing it
  std::vector<std::pair<std::string, std::size_t>> top_authorities;  // up to 3
};

struct PeriodRow {
  GroupRow group;                                 // key: "2021" or "2021-03"
  std::map<std::string, std::size_t> exemptions;  // section -> responses citing it
};

struct Matrix {
  std::vector<std::string> authorities;  // rows (most responses first)
  std::vector<std::string> exemptions;   // columns (sections, most cited first)
  std::vector<std::vector<std::size_t>> counts;
  std::vector<std::size_t> responses;  // per row
};

enum class Period { kYear, kMonth };

struct PatternOptions {
  Period period = Period::kYear;
  std::size_t min_responses = 1;  // authorities with fewer are left out of the table
  std::size_t matrix_authorities = 15;
  std::size_t matrix_exemptions = 10;
  std::size_t series_exemptions = 5;  // sections followed over time
};

struct Patterns {
  std::size_t responses = 0;
  OutcomeCounts outcomes;
  Interval refusal_rate;
  TimingStats timing;
  std::vector<ExemptionRow> exemptions;  // most cited first
  std::vector<GroupRow> authorities;     // most responses first, >= min_responses
  std::size_t authorities_below_threshold = 0;
  std::vector<GroupRow> authority_types;
  std::vector<PeriodRow> periods;  // oldest first; responses without a date are left out
  std::size_t undated = 0;
  std::vector<std::string> series_exemptions;
  Matrix matrix;
};

// docs: response docids (question documents must not be passed).
[[nodiscard]] Patterns compute_patterns(const std::vector<Xapian::docid>& docs,
                                        const FacetColumns& facets, const DocColumns& numbers,
                                        const PatternOptions& options = {});

}  // namespace foilog::web
