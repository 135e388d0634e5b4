// Ingests a directory with the project's own library calls, in the order `foilog index` makes
// them (ingest/ingester.cpp), with a timer around each call: reading (bytes, SHA-256, reader),
// extraction, SQLite put, and commit (SQLite COMMIT, then Xapian term generation, writer and
// commit inside Store::commit). Optionally pipelined: the next batch is read and extracted on
// worker threads while the writer stores the current one. Or foilog's own ingest(), untimed
// inside, for the figure users get.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace foilog::bench {

struct IngestRunOptions {
  std::filesystem::path source;
  std::filesystem::path db_dir;
  std::filesystem::path data_dir;
  std::size_t batch_size = 200;  // as `foilog index`
  unsigned extract_threads = 0;  // timed loop: 0 serial; N: pipelined over N workers
  // Set: run foilog's own ingest() (what `foilog index --threads N` runs; 0 = one per core)
  // instead of the timed loop. Only totals then: its stages overlap on several threads.
  std::optional<unsigned> index_threads;
};

struct IngestRunResult {
  std::size_t docs = 0, failed = 0;
  std::uint64_t source_bytes = 0;
  double wall = 0;
  double cpu = 0;  // process CPU seconds (all threads) during the run
  // Seconds inside each call, summed over documents (over workers when pipelined, so they can
  // add up to more than the wall time).
  double read = 0, extract = 0, sqlite_put = 0, commit = 0;
  std::uint64_t peak_rss = 0;
  std::uint64_t sqlite_bytes = 0, xapian_bytes = 0;
  std::uint64_t xapian_documents = 0;  // responses plus one per question
  std::string first_failure;
};

[[nodiscard]] IngestRunResult run_ingest(const IngestRunOptions& options);

}  // namespace foilog::bench
