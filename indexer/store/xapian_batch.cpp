#include "store/xapian_batch.h"

#include <nlohmann/json.hpp>

#include "extract/record_json.h"
#include "util/error.h"
#include "util/parallel.h"

namespace foilog {

std::vector<std::vector<IndexedDocument>> build_documents(
    const XapianIndexer& indexer, const std::vector<StoredRecord>& records, unsigned threads,
    const std::filesystem::path& sqlite_path) {
  std::vector<std::vector<IndexedDocument>> built(records.size());
  parallel_for(records.size(), threads, [&](std::size_t i) {
    const StoredRecord& r = records[i];
    Record rec;
    try {
      rec = record_from_json(nlohmann::json::parse(r.record_json));
    } catch (const nlohmann::json::exception& e) {
      throw DataError(sqlite_path.string() + ": document " + std::to_string(r.id) +
                      " has unreadable record JSON (" + e.what() + "); re-index its file");
    }
    built[i] = indexer.build(rec, r.id, r.ingested_at);
  });
  return built;
}

}  // namespace foilog
