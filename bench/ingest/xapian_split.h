// Store::commit() does its Xapian work internally (record JSON parse, XapianIndexer::build,
// replace_document, commit), so run_ingest() can only time it as a whole. This pass repeats
// that work with the same public calls over the stored records into a scratch database, timing
// each step, to split the commit time. It is an estimate of the split, measured after the run.
#pragma once

#include <filesystem>

namespace foilog::bench {

struct XapianSplit {
  std::size_t docs = 0;
  double sqlite_read = 0;      // Store::get_document (SELECT of the record JSON)
  double json_parse = 0;       // record_from_json
  double term_generation = 0;  // XapianIndexer::build (TermGenerator, spelling, values, data)
  double writer = 0;           // WritableDatabase::replace_document
  double xapian_commit = 0;    // WritableDatabase::commit every batch
};

[[nodiscard]] XapianSplit measure_xapian_split(const std::filesystem::path& db_dir,
                                               const std::filesystem::path& scratch_dir,
                                               std::size_t batch_size);

}  // namespace foilog::bench
