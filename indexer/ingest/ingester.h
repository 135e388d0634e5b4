// Turns files on disk into stored records: walks the given paths, reads each
// document in a sandboxed child (readers/sandbox.h), extracts its facts and
// writes them to the store in batches. A file that fails is recorded with its
// reason and the batch goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "readers/sandbox.h"

namespace foilog {

struct IngestOptions {
  std::filesystem::path db_dir;
  std::filesystem::path data_dir;  // taxonomies (authorities.tsv, ...)
  std::string default_authority;   // --authority NAME
  SandboxLimits limits;
  std::size_t batch_size = 200;  // documents per commit of both stores
  // Threads reading and extracting files, and generating terms at each commit. 0: one per core.
  unsigned threads = 0;
  // --first-id N: the store numbers new documents from N (a shard's id range, docs/SCALING.md).
  std::optional<std::int64_t> first_document_id;
};

struct IngestFailure {
  std::string file;
  std::string reason;
};

struct IngestSummary {
  std::size_t files = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::vector<IngestFailure> failed;
  double seconds = 0;
  // What opening the store repaired: a run killed between the two stores leaves SQLite rows
  // Xapian lacks (indexed now) or Xapian documents SQLite lacks (removed now).
  std::size_t reconciled_indexed = 0;
  std::size_t reconciled_removed = 0;
  // SQLite rows this run changed (sqlite3_total_changes64): 0 when nothing was new, which is
  // how a re-run proves it is idempotent.
  std::int64_t sqlite_rows_changed = 0;
};

struct IngestProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t failed = 0;
  double seconds = 0;
};

// Every document below `roots` (recursively, sorted, hidden entries skipped). A
// label file NAME.json beside a document is not a document. Throws UsageError
// naming a path that does not exist.
[[nodiscard]] std::vector<std::filesystem::path> collect_documents(
    const std::vector<std::filesystem::path>& roots);

// The publication address recorded for a document, if any: the "source" field
// of a NAME.json beside it (provenance, as a crawler would record it). Empty
// when there is none.
[[nodiscard]] std::string source_url_beside(const std::filesystem::path& document);

// Ingests `roots` into the store at options.db_dir. Throws DataError when the
// store or the taxonomies cannot be opened (e.g. another indexer holds the
// write lock); per-file problems are returned in the summary instead.
IngestSummary ingest(const std::vector<std::filesystem::path>& roots, const IngestOptions& options,
                     const std::function<void(const IngestProgress&)>& on_progress = {});

}  // namespace foilog
