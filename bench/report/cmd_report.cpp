#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "commands.h"
#include "common/percentiles.h"
#include "search_bench/query_mix.h"
#include "util/error.h"

namespace foilog::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kHelp = R"(usage: foilog-bench report DIR

Reads the results bench/run.sh wrote to DIR (size-N/run-R/{ingest,search}.json,
size-N/eval.json, size-N/http.json) and prints markdown tables: medians over the runs, with
the spread (min-max) where there are several.
)";

json load(const fs::path& p) {
  std::ifstream in(p);
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) {
    throw DataError(p.string() + ": not JSON");
  }
  return j;
}

// Value at a '/'-separated path, or null.
const json* at(const json& j, const std::string& path) {
  const json* cur = &j;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const std::string key = path.substr(start, end == std::string::npos ? end : end - start);
    if (!cur->is_object() || !cur->contains(key)) {
      return nullptr;
    }
    cur = &(*cur)[key];
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return cur;
}

std::vector<double> values(const std::vector<json>& runs, const std::string& path) {
  std::vector<double> v;
  for (const auto& r : runs) {
    if (const json* x = at(r, path); x != nullptr && x->is_number()) {
      v.push_back(x->get<double>());
    }
  }
  return v;
}

std::string fmt(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// "median (min-max)" over runs, or the value alone for one run; "-" when absent.
std::string cell(const std::vector<json>& runs, const std::string& path, int decimals = 1) {
  auto v = values(runs, path);
  if (v.empty()) {
    return "-";
  }
  std::string s = fmt(median(v), decimals);
  if (v.size() > 1) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    s += " (" + fmt(*lo, decimals) + "–" + fmt(*hi, decimals) + ")";
  }
  return s;
}

std::string share(const std::vector<json>& runs, const std::string& part,
                  const std::string& whole) {
  const auto p = values(runs, part), w = values(runs, whole);
  if (p.empty() || w.empty() || median(w) <= 0) {
    return "-";
  }
  return fmt(100 * median(p) / median(w), 0) + "%";
}

struct Size {
  long docs = 0;
  fs::path dir;
  std::vector<json> ingest, search;
  json eval, http;
};

std::vector<Size> read_sizes(const fs::path& dir) {
  std::map<long, Size> sizes;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_directory() || name.rfind("size-", 0) != 0) {
      continue;
    }
    Size s;
    s.docs = std::stol(name.substr(5));
    s.dir = e.path();
    std::vector<fs::path> runs;
    for (const auto& r : fs::directory_iterator(e.path())) {
      if (r.is_directory() && r.path().filename().string().rfind("run-", 0) == 0) {
        runs.push_back(r.path());
      }
    }
    std::sort(runs.begin(), runs.end());
    for (const auto& r : runs) {
      if (fs::exists(r / "ingest.json")) {
        s.ingest.push_back(load(r / "ingest.json"));
      }
      if (fs::exists(r / "search.json")) {
        s.search.push_back(load(r / "search.json"));
      }
    }
    if (fs::exists(e.path() / "eval.json")) {
      s.eval = load(e.path() / "eval.json");
    }
    if (fs::exists(e.path() / "http.json")) {
      s.http = load(e.path() / "http.json");
    }
    sizes[s.docs] = std::move(s);
  }
  std::vector<Size> out;
  for (auto& [_, s] : sizes) {
    out.push_back(std::move(s));
  }
  return out;
}

void ingest_table(const std::vector<Size>& sizes) {
  std::printf("### Ingest\n\n");
  std::printf(
      "| docs | runs | docs/s | MB/s | docs per CPU s | read | extraction | SQLite put | commit | "
      "baseline docs/s | ratio | CPU ratio | index MB per 1k docs | peak RSS MB |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& s : sizes) {
    if (s.ingest.empty()) {
      continue;
    }
    const auto& r = s.ingest;
    std::printf("| %ld | %zu | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                s.docs, r.size(), cell(r, "docs_per_s").c_str(), cell(r, "mb_per_s", 2).c_str(),
                cell(r, "docs_per_cpu_s").c_str(), share(r, "split_s/read", "seconds").c_str(),
                share(r, "split_s/extract", "seconds").c_str(),
                share(r, "split_s/sqlite_put", "seconds").c_str(),
                share(r, "split_s/commit", "seconds").c_str(),
                cell(r, "baseline/docs_per_s").c_str(), cell(r, "ratio_to_baseline", 3).c_str(),
                cell(r, "cpu_ratio_to_baseline", 3).c_str(),
                cell(r, "index_mb_per_1k_docs").c_str(), cell(r, "peak_rss_mb", 0).c_str());
  }
  std::printf(
      "\nShares are of the ingest wall time (median run). The commit column is Store::commit: "
      "SQLite "
      "COMMIT, then the Xapian work. Replayed split of that Xapian work (seconds, median):\n\n");
  std::printf(
      "| docs | JSON parse | term generation (XapianIndexer::build) | writer (replace_document) | "
      "Xapian commit | baseline: term generation | baseline: writer + commit |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& s : sizes) {
    if (s.ingest.empty()) {
      continue;
    }
    const auto& r = s.ingest;
    std::vector<json> bw;
    for (const auto& x : r) {
      json y = x;
      if (x.contains("baseline")) {
        y["bwc"] =
            x["baseline"]["writer_s"].get<double>() + x["baseline"]["commit_s"].get<double>();
      }
      bw.push_back(y);
    }
    std::printf("| %ld | %s | %s | %s | %s | %s | %s |\n", s.docs,
                cell(r, "commit_split_s/json_parse").c_str(),
                cell(r, "commit_split_s/term_generation").c_str(),
                cell(r, "commit_split_s/writer").c_str(),
                cell(r, "commit_split_s/xapian_commit").c_str(),
                cell(r, "baseline/term_generation_s").c_str(), cell(bw, "bwc").c_str());
  }
  std::printf("\n");
}

void search_table(const std::vector<Size>& sizes) {
  std::printf("### Search, exact counts for every facet (milliseconds)\n\n");
  for (const auto& s : sizes) {
    if (s.search.empty()) {
      continue;
    }
    for (const char* searcher : {"web", "spy"}) {
      const std::string base = std::string("searchers/") + searcher;
      if (values(s.search, base + "/single/queries").empty()) {
        continue;
      }
      std::printf("%ld docs, `%s` searcher (%s), %zu run(s), median of runs:\n\n", s.docs, searcher,
                  std::string(searcher) == "web" ? "the web layer's module: in-memory facet columns"
                                                 : "Xapian ValueCountMatchSpy + termlist walk",
                  s.search.size());
      std::printf(
          "| class | n | p50 | p95 | p99 | max | 2 threads p50 | 2 threads p99 | 2 threads max | "
          "mean matches | max share of index |\n");
      std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      std::vector<std::string> classes = query_classes();
      classes.push_back("all");
      for (const auto& cls : classes) {
        const std::string one =
            cls == "all" ? base + "/single/all" : base + "/single/classes/" + cls;
        const std::string two = cls == "all" ? base + "/multi/all" : base + "/multi/classes/" + cls;
        if (values(s.search, one + "/queries").empty()) {
          continue;
        }
        std::printf(
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", cls.c_str(),
            cell(s.search, one + "/queries", 0).c_str(), cell(s.search, one + "/p50_ms", 2).c_str(),
            cell(s.search, one + "/p95_ms", 2).c_str(), cell(s.search, one + "/p99_ms", 2).c_str(),
            cell(s.search, one + "/max_ms", 2).c_str(), cell(s.search, two + "/p50_ms", 2).c_str(),
            cell(s.search, two + "/p99_ms", 2).c_str(), cell(s.search, two + "/max_ms", 2).c_str(),
            cell(s.search, one + "/mean_matches", 0).c_str(),
            cell(s.search, one + "/max_match_share", 2).c_str());
      }
      std::printf("\nqueries/s: 1 thread %s, 2 threads %s",
                  cell(s.search, base + "/single/queries_per_s", 0).c_str(),
                  cell(s.search, base + "/multi/queries_per_s", 0).c_str());
      if (std::string(searcher) == "web") {
        std::printf("; facet columns built in %s s, %s MB",
                    cell(s.search, base + "/column_build_s", 3).c_str(),
                    cell(s.search, base + "/column_mb", 1).c_str());
      }
      std::printf("\n\n");
    }
    if (!values(s.search, "values_only/all/p50_ms").empty()) {
      std::printf(
          "Cost split of the spy searcher, 1 thread, all classes (ms): all facets p50 %s / p99 %s; "
          "value slots only p50 %s / p99 %s; no facets p50 %s / p99 %s.\n\n",
          cell(s.search, "searchers/spy/single/all/p50_ms", 2).c_str(),
          cell(s.search, "searchers/spy/single/all/p99_ms", 2).c_str(),
          cell(s.search, "values_only/all/p50_ms", 2).c_str(),
          cell(s.search, "values_only/all/p99_ms", 2).c_str(),
          cell(s.search, "no_facets/all/p50_ms", 2).c_str(),
          cell(s.search, "no_facets/all/p99_ms", 2).c_str());
    }
  }
}

void eval_table(const std::vector<Size>& sizes) {
  bool any = false;
  for (const auto& s : sizes) {
    any = any || s.eval.is_object();
  }
  if (!any) {
    return;
  }
  std::printf("### Extraction on a 500-document sample (`foilog eval`)\n\n");
  std::printf("| docs | field | score | docs right |\n|---:|---|---:|---:|\n");
  for (const auto& s : sizes) {
    if (!s.eval.is_object() || !s.eval.contains("fields")) {
      continue;
    }
    for (const auto& [field, f] : s.eval["fields"].items()) {
      std::printf("| %ld | %s | %.3f | %d/%d |\n", s.docs, field.c_str(), f["score"].get<double>(),
                  f["correct"].get<int>(), f["total"].get<int>());
    }
  }
  std::printf("\n");
}

void http_table(const std::vector<Size>& sizes) {
  bool any = false;
  for (const auto& s : sizes) {
    any = any || s.http.is_array();
  }
  if (!any) {
    return;
  }
  std::printf("### HTTP (`wrk`, keep-alive, loopback)\n\n");
  std::printf(
      "| docs | endpoint | runs | one request, p50 ms (of 5) | requests/s | p50 ms | p99 ms | max "
      "ms "
      "| non-2xx | errors |\n");
  std::printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& s : sizes) {
    if (!s.http.is_array()) {
      continue;
    }
    std::map<std::string, std::vector<json>> by_endpoint;
    std::vector<std::string> order;
    for (const auto& r : s.http) {
      const std::string e = r.value("endpoint", "?");
      if (by_endpoint.find(e) == by_endpoint.end()) {
        order.push_back(e);
      }
      by_endpoint[e].push_back(r);
    }
    for (const auto& e : order) {
      const auto& r = by_endpoint[e];
      if (e == "server memory") {
        continue;
      }
      std::printf("| %ld | `%s` | %zu | %s | %s | %s | %s | %s | %s | %s |\n", s.docs, e.c_str(),
                  r.size(), cell(r, "single_p50_ms", 1).c_str(),
                  cell(r, "requests_per_s", 0).c_str(), cell(r, "p50_ms", 2).c_str(),
                  cell(r, "p99_ms", 2).c_str(), cell(r, "max_ms", 1).c_str(),
                  cell(r, "non_2xx", 0).c_str(), cell(r, "errors", 0).c_str());
    }
  }
  std::printf("\n");
  for (const auto& s : sizes) {
    if (!s.http.is_array()) {
      continue;
    }
    std::vector<json> mem;
    for (const auto& r : s.http) {
      if (r.value("endpoint", "") == "server memory") {
        mem.push_back(r);
      }
    }
    if (!mem.empty()) {
      std::printf(
          "`foilog serve` memory after the load at %ld docs: peak RSS %s MB, RSS %s MB (its own "
          "memory %s MB, mapped file pages %s MB; %s threads).\n\n",
          s.docs, cell(mem, "peak_rss_mb", 1).c_str(), cell(mem, "rss_mb", 1).c_str(),
          cell(mem, "rss_anon_mb", 1).c_str(), cell(mem, "rss_file_mb", 1).c_str(),
          cell(mem, "threads", 0).c_str());
    }
  }
}

}  // namespace

int cmd_report(int argc, char** argv) {
  const cli::Args args(argc, argv, {}, {"help"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().size() != 1) {
    throw UsageError("DIR", "give the results directory bench/run.sh wrote");
  }
  const auto sizes = read_sizes(args.positionals().front());
  if (sizes.empty()) {
    throw UsageError("DIR", args.positionals().front() + " has no size-N directories");
  }
  ingest_table(sizes);
  search_table(sizes);
  eval_table(sizes);
  http_table(sizes);
  return 0;
}

}  // namespace foilog::bench
