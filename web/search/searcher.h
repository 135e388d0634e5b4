// Runs a SearchRequest over one Xapian database: the ranked page of results, the exact total
// and exact counts for every facet over the whole match set.
//
// One pass: Xapian matches the text query (with the mode and date filters) and a MatchDecider
// sees every matching document (check_at_least = the database size). The decider records the
// docid with a bit per facet saying whether the document passes that facet's filter (from the
// in-memory FacetColumns), and lets through to the ranked page only documents passing all of
// them. A facet's counts are then taken over the documents that pass every *other* facet's
// filter, so each count is what clicking that value gives (values in one facet combine with
// OR, facets with AND).
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/doc_columns.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/search_request.h"

namespace foilog::web {

struct FacetCount {
  std::string value;
  std::size_t count = 0;
  bool selected = false;
};

struct SearchHit {
  Xapian::docid docid = 0;
  double weight = 0;
  nlohmann::json data;  // the summary the indexer stored as document data
};

struct SearchResults {
  std::size_t total = 0;
  bool exact = true;  // false when Xapian's time limit cut the match short
  std::vector<SearchHit> hits;
  std::array<std::vector<FacetCount>, kFacetCount> facets;  // by count, then value
  std::string suggestion;                                   // "did you mean" query, or empty
  Xapian::MSet mset;                                        // kept for snippet()
  // Every docid passing all filters, in match order; filled only when asked for (the
  // patterns and export pages work on the whole match set, not a page of it).
  std::vector<Xapian::docid> matching;
};

// Seconds after which Xapian stops matching and counts become estimates.
inline constexpr double kSearchTimeLimit = 1.0;
// A spelling suggestion is looked for when a search finds fewer results than this.
inline constexpr std::size_t kSuggestBelow = 10;

struct SearchOptions {
  bool collect_matches = false;  // fill SearchResults::matching
  bool remote = false;           // some shard of db is remote: no MatchDecider (above)
  // Document ids for the tie order, by docid; null: read from each match's kDocId value.
  const DocColumns* numbers = nullptr;
};

[[nodiscard]] SearchResults run_search(const Xapian::Database& db, const FacetColumns& columns,
                                       QueryBuilder& builder, const SearchRequest& req,
                                       const SearchOptions& options);
[[nodiscard]] SearchResults run_search(const Xapian::Database& db, const FacetColumns& columns,
                                       QueryBuilder& builder, const SearchRequest& req,
                                       bool collect_matches = false);

}  // namespace foilog::web
