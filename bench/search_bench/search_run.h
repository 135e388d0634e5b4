// Runs a query mix through Searchers and summarises latency per query class: a warm-up pass,
// then one thread, then N threads at once (each thread its own Searcher, all running the whole
// mix from different starting points).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/percentiles.h"
#include "search_bench/searcher.h"

namespace foilog::bench {

struct ClassStats {
  LatencySummary latency;
  double mean_matches = 0;
  double max_match_share = 0;  // of the responses in the index
  double mean_facet_values = 0;
  std::size_t timeouts = 0;
};

struct SearchPass {
  unsigned threads = 1;
  double wall = 0;
  std::size_t queries = 0;
  std::map<std::string, ClassStats> by_class;
  ClassStats all;
};

[[nodiscard]] SearchPass run_search_pass(const std::filesystem::path& db_dir,
                                         const SearcherFactory& factory,
                                         const std::vector<QueryRecipe>& mix, unsigned threads,
                                         double responses);

}  // namespace foilog::bench
