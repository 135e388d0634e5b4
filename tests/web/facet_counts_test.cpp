// The searcher's totals and facet counts against an independent brute-force count over the same
// documents: for each facet value, the documents that match the text query, pass every other
// facet's filter and carry the value. Fixtures are generated (seeded) so that combinations a
// hand-written corpus misses (no authority, several exemptions, an exemption on one question
// only, no date) all occur.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "schema/schema.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/searcher.h"
#include "store/xapian_indexer.h"
#include "web/record_fixture.h"

namespace foilog::web {
namespace {

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A record's values for facet number f, as the index stores them.
std::vector<std::string> values_of(const Record& r, std::size_t f) {
  const std::string_view name = kFacets[f].param;
  std::vector<std::string> out;
  if (name == "authority" && !r.authority_id.empty())
    out.push_back(r.authority_id);
  if (name == "authority_type" && !r.authority_type.empty())
    out.push_back(r.authority_type);
  if (name == "outcome")
    out.push_back(r.outcome);
  if (name == "topic")
    out = r.topics;
  if (name == "regime")
    out = r.regimes;
  if (name == "year" && r.date_responded.known())
    out.push_back(r.date_responded.iso.substr(0, 4));
  if (name == "exemption") {
    for (const auto& e : r.exemptions) {
      if (!has(out, e.provision))
        out.push_back(e.provision);
      if (!has(out, e.parent))
        out.push_back(e.parent);
    }
  }
  return out;
}

bool passes(const Record& r, const SearchRequest& req, std::size_t skip) {
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (f == skip || req.filters[f].empty())
      continue;
    bool any = false;
    for (const auto& v : values_of(r, f))
      any = any || has(req.filters[f], v);
    if (!any)
      return false;
  }
  return true;
}

void check(Fixture& fx, const SearchRequest& req, const std::string& must_contain) {
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  QueryBuilder builder(db);
  const auto results = run_search(db, *columns, builder, req);
  std::size_t total = 0;
  std::vector<std::map<std::string, std::size_t>> expected(kFacetCount);
  for (const auto& r : fx.records) {
    if (!must_contain.empty() && r.text.find(must_contain) == std::string::npos)
      continue;
    if (passes(r, req, kFacetCount))
      ++total;
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      if (!passes(r, req, f))
        continue;
      for (const auto& v : values_of(r, f))
        ++expected[f][v];
    }
  }
  EXPECT_TRUE(results.exact);
  EXPECT_EQ(results.total, total);
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    std::map<std::string, std::size_t> got;
    for (const auto& fc : results.facets[f]) {
      if (fc.count > 0)
        got[fc.value] = fc.count;
    }
    EXPECT_EQ(got, expected[f]) << "facet " << kFacets[f].param;
  }
}

TEST(FacetCounts, MatchABruteForceCountWithAndWithoutFilters) {
  Fixture fx = make_fixture(7, 300);
  SearchRequest all;
  check(fx, all, "");
  SearchRequest text;
  text.q = "firewall";
  check(fx, text, "firewall");
  SearchRequest filtered;
  filtered.filters[*facet_index("outcome")] = {"refused", "ncnd"};
  filtered.filters[*facet_index("exemption")] = {"s31"};
  check(fx, filtered, "");
  SearchRequest both = filtered;
  both.q = "budget";
  both.filters[*facet_index("year")] = {"2019", "2021"};
  check(fx, both, "budget");
  SearchRequest nothing;
  nothing.filters[*facet_index("authority")] = {"no-such-authority"};
  check(fx, nothing, "");
}

TEST(FacetCounts, PagesPartitionTheMatchSet) {
  Fixture fx = make_fixture(11, 120);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  QueryBuilder builder(db);
  SearchRequest req;
  req.filters[*facet_index("outcome")] = {"refused"};
  req.per_page = 9;
  req.sort = SortOrder::kNewest;
  std::set<Xapian::docid> seen;
  std::size_t total = 0;
  for (req.page = 1;; ++req.page) {
    const auto r = run_search(db, *columns, builder, req);
    total = r.total;
    if (r.hits.empty())
      break;
    for (const auto& h : r.hits)
      EXPECT_TRUE(seen.insert(h.docid).second);
  }
  EXPECT_EQ(seen.size(), total);
  EXPECT_GT(total, 10U);
}

// Ranked by relevance and sorted by date, the same search must agree on the total, every facet's
// counts and the set of documents its pages hold, and the ranked pages must partition the match
// set in falling weight (fetch_ordered_page's windows and tie order included).
std::set<Xapian::docid> every_page(const Xapian::Database& db, const FacetColumns& columns,
                                   QueryBuilder& builder, SearchRequest req,
                                   std::vector<double>* weights) {
  std::set<Xapian::docid> seen;
  for (req.page = 1;; ++req.page) {
    const auto r = run_search(db, columns, builder, req);
    if (r.hits.empty())
      break;
    for (const auto& h : r.hits) {
      EXPECT_TRUE(seen.insert(h.docid).second) << "docid " << h.docid << " on two pages";
      if (weights != nullptr)
        weights->push_back(h.weight);
    }
  }
  return seen;
}

TEST(FacetCounts, RankedAndSortedSearchesAgree) {
  Fixture fx = make_fixture(19, 240);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  QueryBuilder builder(db);
  for (const char* q : {"budget", "firewall budget", "\"about budget\""}) {
    SearchRequest ranked;
    ranked.q = q;
    ranked.per_page = 7;
    ranked.filters[*facet_index("outcome")] = {"refused", "partial", "granted"};
    SearchRequest sorted = ranked;
    sorted.sort = SortOrder::kNewest;
    const auto a = run_search(db, *columns, builder, ranked);
    const auto b = run_search(db, *columns, builder, sorted);
    EXPECT_TRUE(a.exact);
    EXPECT_EQ(a.total, b.total) << q;
    EXPECT_GT(a.total, 7U) << q << ": the fixture should need several pages";
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      ASSERT_EQ(a.facets[f].size(), b.facets[f].size()) << q << " facet " << kFacets[f].param;
      for (std::size_t i = 0; i < a.facets[f].size(); ++i) {
        EXPECT_EQ(a.facets[f][i].value, b.facets[f][i].value);
        EXPECT_EQ(a.facets[f][i].count, b.facets[f][i].count);
      }
    }
    std::vector<double> weights;
    const auto ranked_docs = every_page(db, *columns, builder, ranked, &weights);
    EXPECT_EQ(ranked_docs.size(), a.total) << q;
    EXPECT_EQ(ranked_docs, every_page(db, *columns, builder, sorted, nullptr)) << q;
    EXPECT_TRUE(std::is_sorted(weights.rbegin(), weights.rend())) << q;
  }
}

TEST(FacetCounts, QuestionModeCountsQuestions) {
  Fixture fx = make_fixture(3, 50);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  QueryBuilder builder(db);
  SearchRequest req;
  req.mode = SearchMode::kQuestions;
  const auto r = run_search(db, *columns, builder, req);
  EXPECT_EQ(r.total, 50U);  // one question each
  ASSERT_FALSE(r.hits.empty());
  EXPECT_TRUE(r.hits[0].data.contains("question"));
}

// A search without words is answered from the in-memory columns (searcher.cpp's browse) when
// the document numbers are given, and by Xapian's matcher when not: both must give the same
// total, facet counts, match set and pages, in the same order, for every sort, filter, date
// range and page.
TEST(FacetCounts, BrowsingWithoutTheMatcherAgreesWithIt) {
  Fixture fx = make_fixture(23, 260);
  const Xapian::Database& db = fx.db;
  const auto columns = FacetColumns::build(db);
  const auto numbers = DocColumns::build(db);
  ASSERT_TRUE(numbers->sort_keys_exact());
  QueryBuilder builder(db);
  std::vector<SearchRequest> requests(6);
  requests[1].filters[*facet_index("outcome")] = {"refused", "partial"};
  requests[2].sort = SortOrder::kOldest;
  requests[2].filters[*facet_index("exemption")] = {"s31", "s40"};
  // Bounds that are some documents' dates, so that the range's ends are tested.
  std::vector<std::uint32_t> keys;
  for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
    if (numbers->sort_key(d) != 0) {
      keys.push_back(numbers->sort_key(d));
    }
  }
  std::sort(keys.begin(), keys.end());
  ASSERT_FALSE(keys.empty());
  const auto iso = [](std::uint32_t key) {
    const std::string k = std::to_string(key);
    return k.substr(0, 4) + "-" + k.substr(4, 2) + "-" + k.substr(6, 2);
  };
  requests[3].from = iso(keys[keys.size() / 4]);
  requests[3].to = iso(keys[keys.size() * 3 / 4]);
  requests[4].from = iso(keys[keys.size() / 2]);
  requests[4].sort = SortOrder::kOldest;
  requests[5].mode = SearchMode::kQuestions;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    SearchRequest req = requests[i];
    req.per_page = 7;
    std::size_t pages = 0;
    for (req.page = 1;; ++req.page) {
      SearchOptions matcher;
      matcher.collect_matches = true;
      SearchOptions columns_only = matcher;
      columns_only.numbers = numbers.get();
      const auto a = run_search(db, *columns, builder, req, matcher);
      const auto b = run_search(db, *columns, builder, req, columns_only);
      EXPECT_EQ(a.total, b.total) << "request " << i;
      EXPECT_EQ(a.matching, b.matching) << "request " << i;
      ASSERT_EQ(a.hits.size(), b.hits.size()) << "request " << i << " page " << req.page;
      for (std::size_t h = 0; h < a.hits.size(); ++h) {
        EXPECT_EQ(a.hits[h].docid, b.hits[h].docid) << "request " << i << " page " << req.page;
        EXPECT_EQ(a.hits[h].weight, b.hits[h].weight);
        EXPECT_EQ(a.hits[h].data, b.hits[h].data);
      }
      for (std::size_t f = 0; f < kFacetCount; ++f) {
        ASSERT_EQ(a.facets[f].size(), b.facets[f].size()) << "facet " << kFacets[f].param;
        for (std::size_t v = 0; v < a.facets[f].size(); ++v) {
          EXPECT_EQ(a.facets[f][v].value, b.facets[f][v].value);
          EXPECT_EQ(a.facets[f][v].count, b.facets[f][v].count);
          EXPECT_EQ(a.facets[f][v].selected, b.facets[f][v].selected);
        }
      }
      if (a.hits.empty()) {
        break;
      }
      ++pages;
    }
    EXPECT_GT(pages, 1U) << "request " << i << ": the fixture should need several pages";
  }
}

}  // namespace
}  // namespace foilog::web
