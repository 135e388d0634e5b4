// The figures module against independent computations: Wilson intervals against published
// values, every table of compute_patterns against a brute-force count over the same seeded
// records (authorities with no refusals, responses with no date or no working days, partial
// outcomes, several or no exemptions), and the CSV rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analytics/csv.h"
#include "analytics/patterns.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/searcher.h"
#include "web/record_fixture.h"

namespace foilog::web {
namespace {

TEST(Wilson, MatchesPublishedValues) {
  // Newcombe (1998), table I: 0/10 -> 0–0.2775; 5/10 -> 0.2366–0.7634; 81/263 -> 0.2553–0.3662.
  auto near = [](double a, double b) { return std::abs(a - b) < 0.0005; };
  const auto a = wilson(0, 10);
  EXPECT_TRUE(near(a.low, 0) && near(a.high, 0.2775)) << a.low << " " << a.high;
  const auto b = wilson(5, 10);
  EXPECT_TRUE(near(b.low, 0.2366) && near(b.high, 0.7634)) << b.low << " " << b.high;
  const auto c = wilson(81, 263);
  EXPECT_TRUE(near(c.low, 0.2553) && near(c.high, 0.3662)) << c.low << " " << c.high;
  const auto none = wilson(0, 0);
  EXPECT_EQ(none.low, 0);
  EXPECT_EQ(none.high, 1);
}

TEST(Csv, QuotesEveryFieldAndDefusesFormulas) {
  EXPECT_EQ(csv_row({"a", "b,c", "say \"hi\"", "line\nbreak"}),
            "\"a\",\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
  for (const char* f : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ(csv_cell(f), std::string("\"'") + f + "\"") << f;
  }
  EXPECT_EQ(csv_cell("1-2"), "\"1-2\"");
  EXPECT_EQ(export_file_name("search", {{"q", "Body Worn"}, {"outcome", "refused"}, {"page", "2"}},
                             "csv"),
            "foilog-search-q-body-worn-outcome-refused.csv");
}

struct Expected {
  std::size_t responses = 0, refusals = 0;
  std::map<std::string, std::size_t> outcomes;
  std::vector<int> days;
  std::map<std::string, std::size_t> sections;
};

std::optional<double> median(std::vector<int> v) {
  if (v.empty())
    return std::nullopt;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void expect_group(const GroupRow& got, const Expected& want, const std::string& what) {
  EXPECT_EQ(got.outcomes.responses, want.responses) << what;
  EXPECT_EQ(got.outcomes.refusals, want.refusals) << what;
  for (const char* o : kOutcomes) {
    const auto it = want.outcomes.find(o);
    EXPECT_EQ(got.outcomes.of(o), it == want.outcomes.end() ? 0 : it->second) << what << " " << o;
  }
  EXPECT_EQ(got.timing.median_days, median(want.days)) << what;
  EXPECT_EQ(got.timing.timed, want.days.size()) << what;
  EXPECT_EQ(got.timing.within,
            static_cast<std::size_t>(
                std::count_if(want.days.begin(), want.days.end(), [](int d) { return d <= 20; })))
      << what;
  std::size_t best = 0;
  std::string best_key;
  for (const auto& [k, n] : want.sections) {
    if (n > best) {
      best = n;
      best_key = k;
    }
  }
  EXPECT_EQ(got.top_exemption, best_key) << what;
  EXPECT_EQ(got.top_exemption_count, best) << what;
  EXPECT_DOUBLE_EQ(got.refusal_rate.rate,
                   want.responses == 0 ? 0.0 : double(want.refusals) / double(want.responses));
}

void add(Expected& e, const Record& r) {
  ++e.responses;
  e.refusals += is_refusal(r.outcome) ? 1 : 0;
  ++e.outcomes[r.outcome];
  if (r.working_days)
    e.days.push_back(*r.working_days);
  std::set<std::string> secs;
  for (const auto& x : r.exemptions)
    secs.insert(x.parent);
  for (const auto& s : secs)
    ++e.sections[s];
}

TEST(Patterns, EveryTableMatchesABruteForceCount) {
  Fixture fx = make_fixture(21, 400);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  const auto numbers = DocColumns::build(db);
  QueryBuilder builder(db);
  SearchRequest req;
  req.per_page = 1;
  const auto results = run_search(db, *columns, builder, req, true);
  ASSERT_EQ(results.matching.size(), fx.records.size());
  PatternOptions opts;
  opts.min_responses = 1;
  const Patterns p = compute_patterns(results.matching, *columns, *numbers, opts);

  Expected all;
  std::map<std::string, Expected> by_authority, by_type, by_year;
  std::map<std::string, std::size_t> cited, cited_withheld;
  std::size_t withheld = 0, undated = 0;
  for (const auto& r : fx.records) {
    add(all, r);
    if (!r.authority_id.empty())
      add(by_authority[r.authority_id], r);
    if (!r.authority_type.empty())
      add(by_type[r.authority_type], r);
    if (r.date_responded.known()) {
      add(by_year[r.date_responded.iso.substr(0, 4)], r);
    } else {
      ++undated;
    }
    const bool w = is_refusal(r.outcome) || r.outcome == "partial";
    withheld += w ? 1 : 0;
    std::set<std::string> values;
    for (const auto& x : r.exemptions) {
      values.insert(x.provision);
      values.insert(x.parent);
    }
    for (const auto& v : values) {
      ++cited[v];
      cited_withheld[v] += w ? 1 : 0;
    }
  }
  EXPECT_EQ(p.responses, fx.records.size());
  GroupRow overall;
  overall.outcomes = p.outcomes;
  overall.refusal_rate = p.refusal_rate;
  overall.timing = p.timing;
  EXPECT_EQ(p.outcomes.responses, all.responses);
  EXPECT_EQ(p.outcomes.refusals, all.refusals);
  EXPECT_EQ(p.timing.median_days, median(all.days));

  ASSERT_EQ(p.authorities.size(), by_authority.size());
  for (const auto& g : p.authorities)
    expect_group(g, by_authority.at(g.key), "authority " + g.key);
  ASSERT_EQ(p.authority_types.size(), by_type.size());
  for (const auto& g : p.authority_types)
    expect_group(g, by_type.at(g.key), "type " + g.key);
  ASSERT_EQ(p.periods.size(), by_year.size());
  for (const auto& pr : p.periods) {
    expect_group(pr.group, by_year.at(pr.group.key), "year " + pr.group.key);
    for (const auto& [sec, n] : pr.exemptions) {
      EXPECT_EQ(n, by_year.at(pr.group.key).sections[sec]);
    }
  }
  EXPECT_EQ(p.undated, undated);

  ASSERT_EQ(p.exemptions.size(), cited.size());
  for (const auto& e : p.exemptions) {
    EXPECT_EQ(e.cited, cited.at(e.provision)) << e.provision;
    EXPECT_DOUBLE_EQ(e.share_of_refusals,
                     double(cited_withheld.at(e.provision)) / double(withheld));
  }
  // The matrix cell is the authority's count of responses citing the section.
  for (std::size_t r = 0; r < p.matrix.authorities.size(); ++r) {
    for (std::size_t c = 0; c < p.matrix.exemptions.size(); ++c) {
      EXPECT_EQ(p.matrix.counts[r][c],
                by_authority.at(p.matrix.authorities[r]).sections[p.matrix.exemptions[c]]);
    }
  }
}

TEST(Patterns, ThresholdLeavesSmallAuthoritiesOutAndCountsThem) {
  Fixture fx = make_fixture(5, 60);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  const auto numbers = DocColumns::build(db);
  QueryBuilder builder(db);
  SearchRequest req;
  const auto results = run_search(db, *columns, builder, req, true);
  PatternOptions opts;
  opts.min_responses = 1000;
  const Patterns p = compute_patterns(results.matching, *columns, *numbers, opts);
  EXPECT_TRUE(p.authorities.empty());
  EXPECT_EQ(p.authorities_below_threshold, 3U);  // three named authorities in the fixture
  EXPECT_TRUE(p.matrix.authorities.empty());
}

TEST(Patterns, AnEmptyMatchSetGivesEmptyTables) {
  Fixture fx = make_fixture(5, 10);
  const auto columns = FacetColumns::build(fx.db);
  const auto numbers = DocColumns::build(fx.db);
  const Patterns p = compute_patterns({}, *columns, *numbers);
  EXPECT_EQ(p.responses, 0U);
  EXPECT_TRUE(p.authorities.empty());
  EXPECT_TRUE(p.exemptions.empty());
  EXPECT_FALSE(p.timing.median_days.has_value());
}

}  // namespace
}  // namespace foilog::web
