#include "store/xapian_batch.h"

#include <nlohmann/json.hpp>

#include "extract/record_json.h"
#include "util/error.h"
#include "util/parallel.h"

namespace foilog {

namespace {

std::vector<IndexedDocument> build_one(const XapianIndexer& indexer, const StoredRecord& r,
                                       const std::filesystem::path& sqlite_path) {
  Record rec;
  try {
    rec = record_from_json(nlohmann::json::parse(r.record_json));
  } catch (const nlohmann::json::exception& e) {
    throw DataError(sqlite_path.string() + ": document " + std::to_string(r.id) +
                    " has unreadable record JSON (" + e.what() + "); re-index its file");
  }
  return indexer.build(rec, r.id, r.ingested_at);
}

}  // namespace

void build_and_write_documents(
    const XapianIndexer& indexer, const std::vector<StoredRecord>& records, unsigned threads,
    const std::filesystem::path& sqlite_path,
    const std::function<void(std::size_t, std::vector<IndexedDocument>&)>& write) {
  OrderedPool<std::vector<IndexedDocument>> pool(threads > 1 ? threads : 0);
  for (const StoredRecord& r : records) {
    pool.submit([&indexer, &r, &sqlite_path] { return build_one(indexer, r, sqlite_path); });
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::vector<IndexedDocument> documents = pool.next();
    write(i, documents);
  }
}

}  // namespace foilog
