#include <xapian.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "commands.h"
#include "common/process_stats.h"
#include "schema/schema.h"
#include "search_bench/query_mix.h"
#include "search_bench/search_run.h"
#include "search_bench/web_searcher.h"
#include "util/error.h"

namespace foilog::bench {
namespace {

constexpr const char* kHelp = R"(usage: foilog-bench search --db DIR [OPTIONS]

Runs a fixed, seeded query mix drawn from the index (1-3 words, phrases, references, facet
filters, broad words in 20%+ of the responses, browsing) against DIR's Xapian index, each with
exact counts for every facet, and prints latency per query class: a warm-up pass, then one
thread, then --threads threads at once.

  --db DIR         the store (as built by `foilog index` or `foilog-bench ingest`)
  --seed S         query-mix seed (default 1)
  --per-class N    queries per class (default 40)
  --threads N      threads for the concurrent pass (default 2)
  --searcher NAME  spy: Xapian MatchSpies (value slots + termlist walk); web: the web layer's
                   search module (in-memory facet columns); both (default when built with web/)
  --facet-split    also time one-thread spy passes counting only the value-slot facets and no
                   facets, to split the cost of counting
  --show           print every query of the mix
  --print-urls     print the mix as query strings of the web URL contract (one a line, for
                   bench/http.sh) and exit
  --json           print JSON
)";

nlohmann::json class_json(const ClassStats& s) {
  return {{"queries", s.latency.count},
          {"p50_ms", s.latency.p50 * 1e3},
          {"p95_ms", s.latency.p95 * 1e3},
          {"p99_ms", s.latency.p99 * 1e3},
          {"max_ms", s.latency.max * 1e3},
          {"mean_ms", s.latency.mean * 1e3},
          {"mean_matches", s.mean_matches},
          {"max_match_share", s.max_match_share},
          {"mean_facet_values", s.mean_facet_values},
          {"timeouts", s.timeouts}};
}

nlohmann::json pass_json(const SearchPass& p) {
  nlohmann::json classes = nlohmann::json::object();
  for (const auto& [cls, s] : p.by_class) {
    classes[cls] = class_json(s);
  }
  return {{"threads", p.threads},
          {"wall_s", p.wall},
          {"queries", p.queries},
          {"queries_per_s", p.wall > 0 ? static_cast<double>(p.queries) / p.wall : 0},
          {"all", class_json(p.all)},
          {"classes", classes}};
}

void print_pass(const SearchPass& p) {
  std::printf("\n%u thread%s: %zu queries in %.2f s (%.0f queries/s)\n", p.threads,
              p.threads == 1 ? "" : "s", p.queries, p.wall,
              p.wall > 0 ? static_cast<double>(p.queries) / p.wall : 0);
  std::printf("%-10s %5s %9s %9s %9s %9s %12s %8s\n", "class", "n", "p50 ms", "p95 ms", "p99 ms",
              "max ms", "mean matches", "timeouts");
  const auto row = [](const std::string& name, const ClassStats& s) {
    std::printf("%-10s %5zu %9.2f %9.2f %9.2f %9.2f %12.0f %8zu\n", name.c_str(), s.latency.count,
                s.latency.p50 * 1e3, s.latency.p95 * 1e3, s.latency.p99 * 1e3, s.latency.max * 1e3,
                s.mean_matches, s.timeouts);
  };
  for (const auto& cls : query_classes()) {
    if (const auto it = p.by_class.find(cls); it != p.by_class.end()) {
      row(cls, it->second);
    }
  }
  row("all", p.all);
}

}  // namespace

int cmd_search(int argc, char** argv) {
  const cli::Args args(argc, argv, {"db", "seed", "per-class", "threads", "searcher"},
                       {"help", "json", "show", "facet-split", "print-urls"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (!args.has("db")) {
    throw UsageError("--db", "give the store directory to search");
  }
  const std::filesystem::path db = args.get("db");
  if (!std::filesystem::exists(db / schema::file::kXapian)) {
    throw UsageError("--db", (db / schema::file::kXapian).string() + " does not exist");
  }
  const auto seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 1L << 62));
  const auto per_class = static_cast<std::size_t>(args.get_int("per-class", 40, 1, 100000));
  const auto threads = static_cast<unsigned>(args.get_int("threads", 2, 1, 64));

  const auto mix = build_query_mix(db, seed, per_class);
  if (mix.empty()) {
    throw UsageError("--db", db.string() + " has no response documents to draw queries from");
  }
  if (args.has("print-urls")) {
    for (const auto& q : mix) {
      std::printf("%s\n", web_query_string(q).c_str());
    }
    return 0;
  }
  const Xapian::Database xdb((db / schema::file::kXapian).string());
  const std::string doc_term =
      std::string(schema::prefix::kDocType) + std::string(schema::doc_type::kDocument);
  const double responses = static_cast<double>(xdb.get_termfreq(doc_term));
  const std::string which = args.get("searcher", have_web_searcher() ? "both" : "spy");
  if (which != "spy" && which != "web" && which != "both") {
    throw UsageError("--searcher", "expects spy, web or both, got '" + which + "'");
  }
  struct Measured {
    std::string name;
    SearchPass single, multi;
    double column_build_s = 0;
    std::size_t column_bytes = 0;
  };
  std::vector<Measured> measured;
  const auto measure = [&](const std::string& name, const SearcherFactory& factory) {
    (void)run_search_pass(db, factory, mix, 1, responses);  // warm-up: page cache, allocators
    Measured m{name, run_search_pass(db, factory, mix, 1, responses),
               run_search_pass(db, factory, mix, threads, responses)};
    if (name == "web") {
      m.column_build_s = last_column_build_seconds();
      m.column_bytes = last_column_bytes();
    }
    measured.push_back(std::move(m));
  };
  if (which != "web") {
    measure("spy", [](const std::filesystem::path& d) {
      return make_match_spy_searcher(d, FacetMode::kAll);
    });
  }
  if (which != "spy") {
    measure("web", make_web_searcher);
  }
  std::optional<SearchPass> values_only, no_facets;
  if (args.has("facet-split")) {
    values_only = run_search_pass(
        db, [](const auto& d) { return make_match_spy_searcher(d, FacetMode::kValuesOnly); }, mix,
        1, responses);
    no_facets = run_search_pass(
        db, [](const auto& d) { return make_match_spy_searcher(d, FacetMode::kNone); }, mix, 1,
        responses);
  }

  if (args.has("json")) {
    nlohmann::json out = {
        {"kind", "search"},       {"db", db.string()},
        {"responses", responses}, {"xapian_documents", xdb.get_doccount()},
        {"seed", seed},           {"mix_size", mix.size()},
        {"threads", threads},     {"peak_rss_mb", static_cast<double>(peak_rss_bytes()) / 1e6}};
    for (const auto& m : measured) {
      out["searchers"][m.name] = {{"single", pass_json(m.single)}, {"multi", pass_json(m.multi)}};
      if (m.name == "web") {
        out["searchers"][m.name]["column_build_s"] = m.column_build_s;
        out["searchers"][m.name]["column_mb"] = static_cast<double>(m.column_bytes) / 1e6;
      }
    }
    if (values_only) {
      out["values_only"] = pass_json(*values_only);
      out["no_facets"] = pass_json(*no_facets);
    }
    if (args.has("show")) {
      for (const auto& q : mix) {
        out["mix"].push_back({{"class", q.query_class}, {"query", q.describe()}});
      }
    }
    std::cout << out.dump(1) << "\n";
    return 0;
  }
  if (args.has("show")) {
    for (const auto& q : mix) {
      std::printf("%-10s %s\n", q.query_class.c_str(), q.describe().c_str());
    }
  }
  std::printf("%.0f responses (%u Xapian documents); %zu queries in the mix, exact facet counts\n",
              responses, xdb.get_doccount(), mix.size());
  for (const auto& m : measured) {
    if (m.name == "spy") {
      std::printf(
          "\nspy: all facets counted (value slots by ValueCountMatchSpy, multi-valued by "
          "termlist walk):");
    } else {
      std::printf("\nweb: the web layer's search module (facet columns built in %.2f s, %.1f MB):",
                  m.column_build_s, static_cast<double>(m.column_bytes) / 1e6);
    }
    print_pass(m.single);
    print_pass(m.multi);
  }
  if (values_only) {
    std::printf("\nonly the value-slot facets (authority, outcome, year):");
    print_pass(*values_only);
    std::printf("\nno facets (every match still visited):");
    print_pass(*no_facets);
  }
  return 0;
}

}  // namespace foilog::bench
