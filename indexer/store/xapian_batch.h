// Term generation for a batch of stored records on several threads, for the single writer that
// puts the result into Xapian (XapianIndexer::replace_built). Term generation (and the JSON parse
// before it) is most of the CPU time of an index commit and needs no database, so it runs in
// parallel; the writer stays one thread, as Xapian requires, and writes in id order, so the index
// is the same whatever the thread count (docids included).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/xapian_indexer.h"

namespace foilog {

struct StoredRecord {
  std::int64_t id = 0;
  std::string record_json;  // documents.record
  std::string ingested_at;
};

// Each record's documents, in input order. Throws DataError naming sqlite_path and the id of a
// record whose JSON cannot be read.
[[nodiscard]] std::vector<std::vector<IndexedDocument>> build_documents(
    const XapianIndexer& indexer, const std::vector<StoredRecord>& records, unsigned threads,
    const std::filesystem::path& sqlite_path);

}  // namespace foilog
