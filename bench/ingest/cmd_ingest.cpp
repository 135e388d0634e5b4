#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "commands.h"
#include "common/process_stats.h"
#include "ingest/baseline.h"
#include "ingest/ingest_run.h"
#include "ingest/xapian_split.h"
#include "schema/schema.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"

namespace foilog::bench {
namespace {

constexpr const char* kHelp = R"(usage: foilog-bench ingest --db DIR [OPTIONS] SRC

Ingests SRC into a new store at DIR with foilog's own library calls (the loop of `foilog index`,
timed call by call), then measures the same texts through a bare Xapian loop (the baseline).
Prints docs/s, MB/s, the time split, index size per 1k documents, peak RSS and the ratio to the
baseline.

  --db DIR              the store to create (must not exist, or be a foilog store: --fresh)
  --fresh               delete the foilog store at DIR first
  --extract-threads N   pipeline: read and extract the next batch on N threads while the
                        current one is written (default 0: serial, as `foilog index`)
  --threads N           run foilog's own ingest() as `foilog index --threads N` does (0: one
                        per core): the figure users get, without the call-by-call split
  --batch N             documents per commit (default 200, as `foilog index`)
  --no-split            skip the pass that splits Store::commit into its Xapian steps
  --no-baseline         skip the bare-Xapian baseline
  --baseline-no-positions  also run the baseline without positions
  --data DIR            taxonomy directory (default: the source tree's data/)
  --json                print JSON
)";

double mb(std::uint64_t bytes) {
  return static_cast<double>(bytes) / 1e6;
}

double per(double amount, double seconds) {
  return seconds > 0 ? amount / seconds : 0;
}

void prepare_db_dir(const std::filesystem::path& dir, bool fresh) {
  if (!std::filesystem::exists(dir)) {
    return;
  }
  const bool is_store = std::filesystem::exists(dir / schema::file::kSqlite);
  const bool empty = std::filesystem::is_directory(dir) && std::filesystem::is_empty(dir);
  if (empty) {
    return;
  }
  if (!is_store) {
    throw UsageError("--db", dir.string() + " exists and is not a foilog store; give a new path");
  }
  if (!fresh) {
    throw UsageError("--db", dir.string() + " already holds a store; add --fresh to replace it");
  }
  std::filesystem::remove_all(dir);
}

nlohmann::json baseline_json(const BaselineResult& b) {
  return {{"docs", b.docs},
          {"seconds", b.wall},
          {"docs_per_s", per(static_cast<double>(b.docs), b.wall)},
          {"cpu_s", b.cpu},
          {"docs_per_cpu_s", per(static_cast<double>(b.docs), b.cpu)},
          {"mb_per_s", per(mb(b.bytes), b.wall)},
          {"term_generation_s", b.term_generation},
          {"writer_s", b.writer},
          {"commit_s", b.commit},
          {"xapian_mb", mb(b.xapian_bytes)}};
}

}  // namespace

int cmd_ingest(int argc, char** argv) {
  const cli::Args args(
      argc, argv, {"db", "extract-threads", "threads", "batch", "data"},
      {"help", "json", "fresh", "no-split", "no-baseline", "baseline-no-positions"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().size() != 1) {
    throw UsageError("SRC", "give exactly one directory of documents to ingest");
  }
  if (!args.has("db")) {
    throw UsageError("--db", "give the store directory to create");
  }
  IngestRunOptions options;
  options.source = args.positionals().front();
  options.db_dir = args.get("db");
  options.data_dir =
      args.has("data") ? std::filesystem::path(args.get("data")) : default_data_dir();
  options.batch_size = static_cast<std::size_t>(args.get_int("batch", 200, 1, 1'000'000));
  options.extract_threads = static_cast<unsigned>(args.get_int("extract-threads", 0, 0, 64));
  if (args.has("threads")) {
    options.index_threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 256));
  }
  prepare_db_dir(options.db_dir, args.has("fresh"));

  const IngestRunResult r = run_ingest(options);
  const double docs = static_cast<double>(r.docs);
  nlohmann::json out = {
      {"kind", "ingest"},
      {"source", options.source.string()},
      {"extract_threads", options.extract_threads},
      {"mode", options.index_threads ? "foilog-ingest" : "timed-loop"},
      {"index_threads",
       options.index_threads ? nlohmann::json(*options.index_threads) : nlohmann::json(nullptr)},
      {"docs", r.docs},
      {"failed", r.failed},
      {"first_failure", r.first_failure},
      {"source_mb", mb(r.source_bytes)},
      {"seconds", r.wall},
      {"docs_per_s", per(docs, r.wall)},
      {"cpu_s", r.cpu},
      {"docs_per_cpu_s", per(docs, r.cpu)},
      {"mb_per_s", per(mb(r.source_bytes), r.wall)},
      {"xapian_documents", r.xapian_documents},
      {"sqlite_mb", mb(r.sqlite_bytes)},
      {"xapian_mb", mb(r.xapian_bytes)},
      {"index_mb_per_1k_docs", docs > 0 ? mb(r.sqlite_bytes + r.xapian_bytes) * 1000 / docs : 0},
      {"peak_rss_mb", mb(r.peak_rss)},
  };
  if (!options.index_threads) {
    out["split_s"] = {{"read", r.read},
                      {"extract", r.extract},
                      {"sqlite_put", r.sqlite_put},
                      {"commit", r.commit}};
  }
  const std::filesystem::path scratch = options.db_dir.string() + ".bench-scratch";
  if (!args.has("no-split")) {
    const XapianSplit s = measure_xapian_split(options.db_dir, scratch, options.batch_size);
    out["commit_split_s"] = {{"docs", s.docs},
                             {"sqlite_read", s.sqlite_read},
                             {"json_parse", s.json_parse},
                             {"term_generation", s.term_generation},
                             {"writer", s.writer},
                             {"xapian_commit", s.xapian_commit}};
  }
  if (!args.has("no-baseline")) {
    const BaselineResult b = run_baseline(options.source, scratch, options.batch_size, true);
    out["baseline"] = baseline_json(b);
    out["ratio_to_baseline"] =
        per(out["docs_per_s"].get<double>(), out["baseline"]["docs_per_s"].get<double>());
    out["cpu_ratio_to_baseline"] =
        per(out["docs_per_cpu_s"].get<double>(), out["baseline"]["docs_per_cpu_s"].get<double>());
    if (args.has("baseline-no-positions")) {
      out["baseline_no_positions"] =
          baseline_json(run_baseline(options.source, scratch, options.batch_size, false));
    }
  }
  out["peak_rss_mb_process"] = mb(peak_rss_bytes());

  if (args.has("json")) {
    std::cout << out.dump(1) << "\n";
    return r.failed == 0 ? 0 : 1;
  }
  std::printf(
      "ingested %zu documents (%.1f MB) in %.1f s: %.1f docs/s, %.2f MB/s%s; %.1f CPU s "
      "(%.1f docs per CPU second)\n",
      r.docs, mb(r.source_bytes), r.wall, per(docs, r.wall), per(mb(r.source_bytes), r.wall),
      options.index_threads         ? " (foilog ingest())"
      : options.extract_threads > 0 ? " (pipelined)"
                                    : "",
      r.cpu, per(docs, r.cpu));
  if (!options.index_threads) {
    std::printf("  split: read %.1f s, extraction %.1f s, SQLite put %.1f s, commit %.1f s\n",
                r.read, r.extract, r.sqlite_put, r.commit);
  }
  if (out.contains("commit_split_s")) {
    const auto& c = out["commit_split_s"];
    std::printf(
        "  commit, replayed: JSON parse %.1f s, term generation %.1f s, writer %.1f s, Xapian "
        "commit %.1f s\n",
        c["json_parse"].get<double>(), c["term_generation"].get<double>(),
        c["writer"].get<double>(), c["xapian_commit"].get<double>());
  }
  std::printf(
      "  index: SQLite %.1f MB + Xapian %.1f MB (%llu Xapian documents) = %.1f MB per 1k docs\n",
      mb(r.sqlite_bytes), mb(r.xapian_bytes), static_cast<unsigned long long>(r.xapian_documents),
      out["index_mb_per_1k_docs"].get<double>());
  std::printf("  peak RSS %.0f MB\n", mb(r.peak_rss));
  if (out.contains("baseline")) {
    std::printf(
        "  baseline (bare TermGenerator + add_document, positions): %.1f docs/s, %.1f docs per "
        "CPU second; ratio %.3f (CPU %.3f)\n",
        out["baseline"]["docs_per_s"].get<double>(),
        out["baseline"]["docs_per_cpu_s"].get<double>(), out["ratio_to_baseline"].get<double>(),
        out["cpu_ratio_to_baseline"].get<double>());
  }
  if (r.failed > 0) {
    std::printf("  %zu files failed, first: %s\n", r.failed, r.first_failure.c_str());
  }
  return r.failed == 0 ? 0 : 1;
}

}  // namespace foilog::bench
