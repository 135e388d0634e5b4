// Term generation runs on several threads at commit (store/xapian_batch.h) and the spelling the
// response gives is added by the writer from the document's own terms instead of by
// TermGenerator's FLAG_SPELLING. Neither may change the index: these tests compare whole Xapian
// databases, term by term, position by position, and the spelling tables word by word.
#include <gtest/gtest.h>

#include <xapian.h>

#include <map>
#include <string>

#include "schema/schema.h"
#include "store/store.h"
#include "store/xapian_indexer.h"
#include "store/xapian_spelling.h"
#include "store_fixtures.h"
#include "support/xapian_dump.h"

namespace foilog {
namespace {

using testing::dump_xapian;
using testing::load_labelled_corpus;
using testing::record_from_label;
using testing::TempDir;

std::vector<Record> corpus_records() {
  std::vector<Record> records;
  for (const auto& doc : load_labelled_corpus()) {
    records.push_back(record_from_label(doc));
  }
  return records;
}

std::string index_through_store(const std::vector<Record>& records, unsigned threads,
                                const std::filesystem::path& dir) {
  StoreOptions options;
  options.index_threads = threads;
  {
    auto store = Store::open(dir, Store::Mode::kReadWrite, options);
    for (const auto& rec : records) {
      store->put(rec, SourceInfo{rec.file, "", rec.text.size(), "text"});
    }
    store->commit();
  }
  return dump_xapian(Xapian::Database((dir / "xapian").string()));
}

TEST(ParallelIndex, TheIndexIsTheSameWhateverTheNumberOfThreads) {
  const auto records = corpus_records();
  ASSERT_GE(records.size(), 20U);
  TempDir one;
  TempDir four;
  const std::string serial = index_through_store(records, 1, one.path());
  const std::string parallel = index_through_store(records, 4, four.path());
  ASSERT_NE(serial.find("spelling "), std::string::npos) << "no spelling table to compare";
  // ingested_at differs between the runs only where a record has no date; the corpus's all do.
  EXPECT_EQ(serial, parallel);
}

TEST(ParallelIndex, SpellingFromTheDocumentsTermsEqualsFlagSpelling) {
  const auto records = corpus_records();
  TempDir flag_dir;
  TempDir terms_dir;
  Xapian::WritableDatabase by_flag(flag_dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::WritableDatabase by_terms(terms_dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
  const XapianIndexer indexer;
  std::int64_t id = 0;
  for (const auto& rec : records) {
    ++id;
    for (auto& d : indexer.build(rec, id, "2026-01-01", &by_flag)) {  // FLAG_SPELLING
      by_flag.replace_document(d.id_term, d.document);
    }
    auto built = indexer.build(rec, id, "2026-01-01");  // no database: the writer spells
    XapianIndexer::replace_built(by_terms, id, built);
  }
  by_flag.commit();
  by_terms.commit();
  std::map<std::string, Xapian::doccount> flag;
  std::map<std::string, Xapian::doccount> terms;
  for (auto s = by_flag.spellings_begin(); s != by_flag.spellings_end(); ++s) {
    flag[*s] = s.get_termfreq();
  }
  for (auto s = by_terms.spellings_begin(); s != by_terms.spellings_end(); ++s) {
    terms[*s] = s.get_termfreq();
  }
  EXPECT_GT(flag.size(), 1000U);
  EXPECT_EQ(flag, terms);
  EXPECT_EQ(dump_xapian(by_flag), dump_xapian(by_terms));
}

std::map<std::string, Xapian::doccount> spelling_table(const Xapian::Database& db) {
  std::map<std::string, Xapian::doccount> out;
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
    out[*s] = s.get_termfreq();
  }
  return out;
}

// The store sums a chunk's spelling changes and applies them once per word; the reference is
// the plain algorithm, document by document with FLAG_SPELLING: read the old share, replace,
// take the old share back. Replacements included (second round: every third letter changes).
TEST(ParallelIndex, BatchedSpellingEqualsDocumentByDocumentSpelling) {
  auto records = corpus_records();
  TempDir store_dir;
  TempDir ref_dir;
  StoreOptions options;
  options.index_threads = 2;
  auto store = Store::open(store_dir.path(), Store::Mode::kReadWrite, options);
  Xapian::WritableDatabase ref(ref_dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
  const XapianIndexer indexer;
  const auto reference_replace = [&](const Record& rec, std::int64_t id) {
    const auto old_share = spelling_share(ref, id);
    ref.delete_document(std::string(schema::prefix::kParent) + std::to_string(id));
    for (auto& d : indexer.build(rec, id, "2026-01-01", &ref)) {
      ref.replace_document(d.id_term, d.document);
    }
    forget_spelling(ref, old_share);
  };
  for (int round = 0; round < 2; ++round) {
    std::int64_t id = 0;
    for (auto& rec : records) {
      ++id;
      if (round == 1) {
        if (id % 3 != 0) {
          continue;
        }
        // A new version: some words gone, one new word, one word more often.
        rec.text = rec.text.substr(0, rec.text.size() / 2) + " zorblatt information information";
      }
      store->put(rec, SourceInfo{rec.file, "", rec.text.size(), "text"});
      reference_replace(rec, id);
    }
    store->commit();
    ref.commit();
    const Xapian::Database stored((store_dir.path() / "xapian").string());
    EXPECT_EQ(spelling_table(stored), spelling_table(ref)) << "round " << round;
  }
}

TEST(ParallelIndex, AnUnreadableRecordNamesItsDocumentWhateverThread) {
  const auto records = corpus_records();
  TempDir dir;
  StoreOptions options;
  options.index_threads = 4;
  auto store = Store::open(dir.path(), Store::Mode::kReadWrite, options);
  for (std::size_t i = 0; i < 8; ++i) {
    store->put(records[i], SourceInfo{records[i].file, "", 1, "text"});
  }
  store->database().exec("UPDATE documents SET record = '{broken' WHERE id = 5");
  try {
    store->commit();
    FAIL() << "committed a broken record";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("document 5 has unreadable record JSON"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace foilog
