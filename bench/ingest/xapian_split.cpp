#include "ingest/xapian_split.h"

#include <xapian.h>

#include "common/timer.h"
#include "extract/record_json.h"
#include "store/store.h"
#include "store/synonyms.h"
#include "store/xapian_indexer.h"

namespace foilog::bench {

XapianSplit measure_xapian_split(const std::filesystem::path& db_dir,
                                 const std::filesystem::path& scratch_dir, std::size_t batch_size) {
  XapianSplit s;
  const auto store = Store::open(db_dir, Store::Mode::kReadOnly);
  const std::filesystem::path synonyms =
      std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / "synonyms.tsv";
  XapianIndexer indexer(std::filesystem::exists(synonyms) ? load_synonyms(synonyms)
                                                          : std::vector<SynonymPair>{});
  std::filesystem::remove_all(scratch_dir);
  Xapian::WritableDatabase scratch(scratch_dir.string(),
                                   Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  std::size_t in_batch = 0;
  for (const std::int64_t id : store->document_ids()) {
    std::optional<nlohmann::json> doc;
    {
      const Accumulator::Scope t(s.sqlite_read);
      doc = store->get_document(id);
    }
    if (!doc) {
      continue;
    }
    Record rec;
    {
      const Accumulator::Scope t(s.json_parse);
      rec = record_from_json((*doc)["record"]);
    }
    const std::string ingested_at = (*doc)["source"].value("ingested_at", "");
    std::vector<IndexedDocument> built;
    {
      const Accumulator::Scope t(s.term_generation);
      built = indexer.build(rec, id, ingested_at, &scratch);
    }
    {
      const Accumulator::Scope t(s.writer);
      for (auto& d : built) {
        scratch.replace_document(d.id_term, d.document);
      }
    }
    ++s.docs;
    if (++in_batch >= batch_size) {
      const Accumulator::Scope t(s.xapian_commit);
      scratch.commit();
      in_batch = 0;
    }
  }
  {
    const Accumulator::Scope t(s.xapian_commit);
    scratch.commit();
  }
  scratch.close();
  std::filesystem::remove_all(scratch_dir);
  return s;
}

}  // namespace foilog::bench
