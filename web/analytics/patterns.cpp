#include "analytics/patterns.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "schema/schema.h"
#include "search/facets.h"

namespace foilog::web {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::size_t outcome_index(std::string_view outcome) {
  for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
    if (outcome == kOutcomes[i]) {
      return i;
    }
  }
  return kOutcomes.size() - 1;  // "other"
}

// Everything one group (authority, type, period, all) accumulates.
struct Acc {
  OutcomeCounts outcomes;
  std::vector<int> days;
  std::unordered_map<std::uint32_t, std::size_t> sections;  // exemption code -> responses

  void add(std::size_t outcome, int working_days, const std::vector<std::uint32_t>& secs) {
    ++outcomes.by[outcome];
    ++outcomes.responses;
    if (is_refusal(kOutcomes[outcome])) {
      ++outcomes.refusals;
    }
    if (working_days >= 0) {
      days.push_back(working_days);
    }
    for (const auto s : secs) {
      ++sections[s];
    }
  }
};

TimingStats timing_of(std::vector<int> days) {
  TimingStats t;
  t.timed = days.size();
  if (days.empty()) {
    return t;
  }
  t.within = static_cast<std::size_t>(
      std::count_if(days.begin(), days.end(), [](int d) { return d <= 20; }));
  std::sort(days.begin(), days.end());
  const std::size_t n = days.size();
  t.median_days = n % 2 == 1 ? static_cast<double>(days[n / 2])
                             : (static_cast<double>(days[n / 2 - 1]) + days[n / 2]) / 2.0;
  return t;
}

GroupRow row_of(std::string key, const Acc& acc, const FacetColumns::Column& exemption_col) {
  GroupRow row;
  row.key = std::move(key);
  row.outcomes = acc.outcomes;
  row.refusal_rate = wilson(acc.outcomes.refusals, acc.outcomes.responses);
  row.timing = timing_of(acc.days);
  for (const auto& [code, count] : acc.sections) {
    const std::string& v = exemption_col.values[code];
    if (count > row.top_exemption_count ||
        (count == row.top_exemption_count && v < row.top_exemption)) {
      row.top_exemption = v;
      row.top_exemption_count = count;
    }
  }
  return row;
}

// The first value of a single-valued facet for docid, or kNone.
std::size_t first_code(const FacetColumns::Column& col, Xapian::docid d) {
  const auto [b, e] = col.of(d);
  return b == e ? kNone : *b;
}

std::string period_key(int yyyymm, Period p) {
  const int year = yyyymm / 100;
  const int month = yyyymm % 100;
  if (p == Period::kYear) {
    return std::to_string(year);
  }
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

}  // namespace

bool is_refusal(std::string_view outcome) {
  return outcome == "refused" || outcome == "ncnd" || outcome == "cost_limit" ||
         outcome == "vexatious";
}

Interval wilson(std::size_t k, std::size_t n, double z) {
  if (n == 0) {
    return {0, 0, 1};
  }
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::size_t OutcomeCounts::of(std::string_view outcome) const {
  for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
    if (outcome == kOutcomes[i]) {
      return by[i];
    }
  }
  return 0;
}

Patterns compute_patterns(const std::vector<Xapian::docid>& docs, const FacetColumns& facets,
                          const DocColumns& numbers, const PatternOptions& options) {
  const auto& authority_col = facets.column(*facet_index("authority"));
  const auto& type_col = facets.column(*facet_index("authority_type"));
  const auto& exemption_col = facets.column(*facet_index("exemption"));
  const auto& outcome_col = facets.column(*facet_index("outcome"));

  std::vector<std::size_t> outcome_of_code;
  for (const auto& v : outcome_col.values) {
    outcome_of_code.push_back(outcome_index(v));
  }
  std::vector<bool> is_section;
  for (const auto& v : exemption_col.values) {
    is_section.push_back(schema::provision_parent(v) == v);
  }

  Acc all;
  std::unordered_map<std::size_t, Acc> by_authority, by_type;
  std::map<std::string, Acc> by_period;
  std::vector<std::size_t> cited(exemption_col.values.size(), 0);
  std::vector<std::size_t> cited_in_refusals(exemption_col.values.size(), 0);
  std::vector<std::unordered_map<std::size_t, std::size_t>> cited_by(exemption_col.values.size());
  std::size_t refused_or_partial = 0;
  std::size_t undated = 0;
  std::vector<std::uint32_t> sections;

  for (const Xapian::docid d : docs) {
    const std::size_t oc = first_code(outcome_col, d);
    const std::size_t outcome = oc == kNone ? kOutcomes.size() - 1 : outcome_of_code[oc];
    const bool withheld =
        is_refusal(kOutcomes[outcome]) || kOutcomes[outcome] == std::string("partial");
    refused_or_partial += withheld ? 1 : 0;
    const std::size_t authority = first_code(authority_col, d);
    sections.clear();
    const auto [eb, ee] = exemption_col.of(d);
    for (const auto* c = eb; c != ee; ++c) {
      ++cited[*c];
      if (withheld) {
        ++cited_in_refusals[*c];
      }
      if (authority != kNone) {
        ++cited_by[*c][authority];
      }
      if (is_section[*c]) {
        sections.push_back(*c);
      }
    }
    const int days = numbers.working_days(d);
    all.add(outcome, days, sections);
    if (authority != kNone) {
      by_authority[authority].add(outcome, days, sections);
    }
    if (const std::size_t type = first_code(type_col, d); type != kNone) {
      by_type[type].add(outcome, days, sections);
    }
    if (const int month = numbers.month(d); month > 0) {
      by_period[period_key(month, options.period)].add(outcome, days, sections);
    } else {
      ++undated;
    }
  }

  Patterns p;
  p.responses = docs.size();
  p.outcomes = all.outcomes;
  p.refusal_rate = wilson(all.outcomes.refusals, all.outcomes.responses);
  p.timing = timing_of(all.days);
  p.undated = undated;

  for (std::size_t c = 0; c < cited.size(); ++c) {
    if (cited[c] == 0) {
      continue;
    }
    ExemptionRow row;
    row.provision = exemption_col.values[c];
    row.section = is_section[c];
    row.cited = cited[c];
    row.share_of_refusals = refused_or_partial == 0 ? 0
                                                    : static_cast<double>(cited_in_refusals[c]) /
                                                          static_cast<double>(refused_or_partial);
    std::vector<std::pair<std::string, std::size_t>> top;
    for (const auto& [a, n] : cited_by[c]) {
      top.emplace_back(authority_col.values[a], n);
    }
    std::sort(top.begin(), top.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    top.resize(std::min<std::size_t>(top.size(), 3));
    row.top_authorities = std::move(top);
    p.exemptions.push_back(std::move(row));
  }
  std::sort(p.exemptions.begin(), p.exemptions.end(), [](const auto& a, const auto& b) {
    return a.cited != b.cited ? a.cited > b.cited : a.provision < b.provision;
  });

  auto by_responses = [](const GroupRow& a, const GroupRow& b) {
    return a.outcomes.responses != b.outcomes.responses
               ? a.outcomes.responses > b.outcomes.responses
               : a.key < b.key;
  };
  for (const auto& [code, acc] : by_authority) {
    if (acc.outcomes.responses < options.min_responses) {
      ++p.authorities_below_threshold;
      continue;
    }
    p.authorities.push_back(row_of(authority_col.values[code], acc, exemption_col));
  }
  std::sort(p.authorities.begin(), p.authorities.end(), by_responses);
  for (const auto& [code, acc] : by_type) {
    p.authority_types.push_back(row_of(type_col.values[code], acc, exemption_col));
  }
  std::sort(p.authority_types.begin(), p.authority_types.end(), by_responses);

  for (const auto& e : p.exemptions) {
    if (e.section && p.series_exemptions.size() < options.series_exemptions) {
      p.series_exemptions.push_back(e.provision);
    }
  }
  for (const auto& [key, acc] : by_period) {
    PeriodRow row;
    row.group = row_of(key, acc, exemption_col);
    for (const auto& [code, n] : acc.sections) {
      row.exemptions[exemption_col.values[code]] = n;
    }
    p.periods.push_back(std::move(row));
  }

  // The matrix: the busiest authorities against the most cited sections.
  for (const auto& row : p.authorities) {
    if (p.matrix.authorities.size() >= options.matrix_authorities) {
      break;
    }
    p.matrix.authorities.push_back(row.key);
    p.matrix.responses.push_back(row.outcomes.responses);
  }
  for (const auto& e : p.exemptions) {
    if (e.section && p.matrix.exemptions.size() < options.matrix_exemptions) {
      p.matrix.exemptions.push_back(e.provision);
    }
  }
  for (const auto& a : p.matrix.authorities) {
    std::vector<std::size_t> counts;
    const auto code = static_cast<std::size_t>(authority_col.code_of(a));
    const Acc& acc = by_authority.at(code);
    for (const auto& e : p.matrix.exemptions) {
      const auto ecode = static_cast<std::uint32_t>(exemption_col.code_of(e));
      const auto it = acc.sections.find(ecode);
      counts.push_back(it == acc.sections.end() ? 0 : it->second);
    }
    p.matrix.counts.push_back(std::move(counts));
  }
  return p;
}

}  // namespace foilog::web
