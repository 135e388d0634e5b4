// Term generation for a batch of stored records on several threads, for the single writer that
// puts the result into Xapian (XapianIndexer::replace_built). Term generation (and the JSON parse
// before it) is most of the CPU time of an index commit and needs no database, so it runs in
// parallel; the writer stays one thread, as Xapian requires, and writes in id order, so the index
// is the same whatever the thread count (docids included).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/xapian_indexer.h"

namespace foilog {

struct StoredRecord {
  std::int64_t id = 0;
  std::string record_json;  // documents.record
  std::string ingested_at;
};

// Builds each record's documents on `threads` threads running ahead while the caller's thread
// is handed each record's documents in input order (write(i, documents)), so the single writer puts
// record i into Xapian while the next ones are built instead of waiting for the whole chunk first
// (bench/RESULTS.md, fifth round). threads <= 1: built and written in turn on this thread. The
// first error, the build's or write's, is rethrown here; builds not yet started are dropped. A
// record whose JSON cannot be read is a DataError naming sqlite_path and its id.
void build_and_write_documents(
    const XapianIndexer& indexer, const std::vector<StoredRecord>& records, unsigned threads,
    const std::filesystem::path& sqlite_path,
    const std::function<void(std::size_t, std::vector<IndexedDocument>&)>& write);

}  // namespace foilog
