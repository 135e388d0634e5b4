// One search as the product's results page needs it: the top hits and an exact count for every
// facet over all the matching documents. The benchmark calls it through this interface so that
// the counting can be swapped for the web layer's own search module once it exists: write
// another SearcherFactory and pass it to run_search_bench().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace foilog::bench {

// What a user asked for: free text for the query parser (may be empty: browse everything),
// plus boolean filter terms (facet selections, an exact reference).
struct QueryRecipe {
  std::string query_class;  // "1 word", "phrase", "reference", ...
  std::string text;
  std::vector<std::string> filters;  // full Xapian terms, e.g. "XOUTCOMErefused"
  [[nodiscard]] std::string describe() const;
};

struct SearchResult {
  std::uint64_t matches = 0;     // exact unless timed_out
  bool timed_out = false;        // Xapian's time limit stopped the match: counts are estimates
  std::vector<std::string> top;  // document data of the first page of hits
  // facet -> value -> number of matching documents
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
};

class Searcher {
 public:
  virtual ~Searcher() = default;
  virtual SearchResult search(const QueryRecipe& q) = 0;
};

// Opens its own handle on the store at db_dir (one per thread).
using SearcherFactory = std::function<std::unique_ptr<Searcher>(const std::filesystem::path&)>;

// Which facets a MatchSpy searcher counts: all of them (the product), only the value-slot ones,
// or none (still visiting every match): the last two split the cost of counting.
enum class FacetMode { kAll, kValuesOnly, kNone };

// Counts with Xapian::ValueCountMatchSpy on the single-valued slots of schema.h (authority,
// outcome, year) and a termlist walk for the multi-valued facets (authority type, exemption,
// topic, regime, kind); exact (check_at_least = every document), with a 1 s time limit.
[[nodiscard]] std::unique_ptr<Searcher> make_match_spy_searcher(const std::filesystem::path& db_dir,
                                                                FacetMode mode = FacetMode::kAll);

}  // namespace foilog::bench
