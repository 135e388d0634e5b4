#include "search_bench/search_run.h"

#include <thread>

#include "common/timer.h"

namespace foilog::bench {
namespace {

struct Sample {
  const QueryRecipe* query;
  double seconds;
  std::uint64_t matches;
  std::size_t facet_values;
  bool timed_out;
};

ClassStats stats_of(const std::vector<const Sample*>& samples, double responses) {
  ClassStats s;
  std::vector<double> latencies;
  for (const Sample* x : samples) {
    latencies.push_back(x->seconds);
    s.mean_matches += static_cast<double>(x->matches);
    s.mean_facet_values += static_cast<double>(x->facet_values);
    s.max_match_share = std::max(s.max_match_share, static_cast<double>(x->matches) / responses);
    s.timeouts += x->timed_out ? 1 : 0;
  }
  if (!samples.empty()) {
    s.mean_matches /= static_cast<double>(samples.size());
    s.mean_facet_values /= static_cast<double>(samples.size());
  }
  s.latency = summarise(std::move(latencies));
  return s;
}

}  // namespace

SearchPass run_search_pass(const std::filesystem::path& db_dir, const SearcherFactory& factory,
                           const std::vector<QueryRecipe>& mix, unsigned threads,
                           double responses) {
  SearchPass pass;
  pass.threads = std::max(1u, threads);
  std::vector<std::vector<Sample>> per_thread(pass.threads);
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (unsigned t = 0; t < pass.threads; ++t) {
    searchers.push_back(factory(db_dir));  // opened before the clock starts
  }
  const auto start = Clock::now();
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < pass.threads; ++t) {
      workers.emplace_back([&, t] {
        const std::size_t n = mix.size();
        for (std::size_t k = 0; k < n; ++k) {
          const QueryRecipe& q = mix[(k + t * n / pass.threads) % n];
          const auto q_start = Clock::now();
          const SearchResult r = searchers[t]->search(q);
          const double seconds = seconds_since(q_start);
          std::size_t values = 0;
          for (const auto& [facet, counts] : r.facets) {
            values += counts.size();
          }
          per_thread[t].push_back({&q, seconds, r.matches, values, r.timed_out});
        }
      });
    }
  }
  pass.wall = seconds_since(start);
  std::map<std::string, std::vector<const Sample*>> grouped;
  std::vector<const Sample*> all;
  for (const auto& samples : per_thread) {
    for (const Sample& s : samples) {
      grouped[s.query->query_class].push_back(&s);
      all.push_back(&s);
    }
  }
  pass.queries = all.size();
  for (const auto& [cls, samples] : grouped) {
    pass.by_class[cls] = stats_of(samples, responses);
  }
  pass.all = stats_of(all, responses);
  return pass;
}

}  // namespace foilog::bench
