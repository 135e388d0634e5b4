#include "store/store.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <map>

#include "extract/record_json.h"
#include "schema/schema.h"
#include "store/sha256.h"
#include "store/xapian_indexer.h"
#include "store_fixtures.h"
#include "util/error.h"

namespace foilog {
namespace {

using testing::labelled;
using testing::record_from_label;
using testing::TempDir;

// Real documents used throughout (see data/SOURCES.md): a police joint response with seven
// questions and two exemptions, a cost-limit refusal, a Scottish (FOISA) refusal, and a council
// refusal that names the Freedom of Information Act but never says "FOI".
const char* const kDocs[] = {"000_8b57e2e7d86066a4", "dev001", "dev022", "dev028"};

SourceInfo source_for(const Record& rec) {
  return {rec.file, sha256_hex(rec.text), rec.text.size(), "text"};
}

std::unique_ptr<Store> open_rw(const TempDir& dir) {
  return Store::open(dir.path(), Store::Mode::kReadWrite,
                     {std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / "synonyms.tsv"});
}

std::vector<Record> corpus_records() {
  std::vector<Record> out;
  for (const char* name : kDocs) {
    out.push_back(record_from_label(labelled(name)));
  }
  return out;
}

// What searchers see: the committed Xapian database, every document's id term, data and terms.
std::map<std::string, std::string> committed_xapian(const Store& store) {
  Xapian::Database db(store.xapian_path().string());
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string terms;
    std::string id;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      terms += *t + " ";
      if ((*t)[0] == 'Q') {
        id = *t;
      }
    }
    out[id] = doc.get_data() + "\n" + terms;
  }
  return out;
}

Xapian::doccount search(const Store& store, const std::string& query, unsigned flags) {
  Xapian::Database db(store.xapian_path().string());
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("en"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.add_prefix("authority", std::string(schema::prefix::kAuthorityText));
  qp.set_default_op(Xapian::Query::OP_AND);  // as a search box does: every word must match
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, qp.parse_query(query, flags),
                                  Xapian::Query("XTYPEdoc")));
  return enquire.get_mset(0, 100).size();
}

Xapian::doccount with_term(const Store& store, const std::string& term) {
  return Xapian::Database(store.xapian_path().string()).get_termfreq(term);
}

TEST(Store, PutCommitGetRoundTrip) {
  TempDir dir;
  auto store = open_rw(dir);
  const auto records = corpus_records();
  for (const auto& rec : records) {
    EXPECT_EQ(store->put(rec, source_for(rec)), PutResult::kAdded);
  }
  store->commit();
  const auto ids = store->document_ids();
  ASSERT_EQ(ids.size(), records.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto doc = store->get_document(ids[i]);
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ((*doc)["id"], ids[i]);
    EXPECT_EQ((*doc)["record"], record_to_json(records[i], true));
    EXPECT_EQ((*doc)["source"]["path"], records[i].file);
    EXPECT_EQ((*doc)["source"]["sha256"], sha256_hex(records[i].text));
    EXPECT_EQ((*doc)["source"]["size"], records[i].text.size());
  }
  EXPECT_FALSE(store->get_document(ids.back() + 1).has_value());
  const auto report = store->check();
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.sqlite_docs, records.size());
  EXPECT_EQ(report.xapian_docs, records.size());

  // Closed and reopened read-only: the same document comes back.
  store.reset();
  auto reader = Store::open(dir.path(), Store::Mode::kReadOnly);
  EXPECT_EQ(reader->document_ids(), ids);
  EXPECT_EQ((*reader->get_document(ids[0]))["record"], record_to_json(records[0], true));
  EXPECT_TRUE(reader->check().ok);
  EXPECT_THROW(reader->put(records[0], source_for(records[0])), UsageError);
}

TEST(Store, SecondPutOfTheSameSourceWritesNothing) {
  TempDir dir;
  auto store = open_rw(dir);
  const auto records = corpus_records();
  for (const auto& rec : records) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  const auto before = committed_xapian(*store);
  const auto changes = store->sqlite_changes();
  for (const auto& rec : records) {
    EXPECT_EQ(store->put(rec, source_for(rec)), PutResult::kUnchanged);
  }
  store->commit();
  EXPECT_EQ(store->sqlite_changes(), changes);
  EXPECT_EQ(committed_xapian(*store), before);

  // Also across processes' lifetimes: a fresh writer changes nothing for unchanged files.
  store.reset();
  store = open_rw(dir);
  const auto reopened = store->sqlite_changes();
  EXPECT_EQ(store->put(records[0], source_for(records[0])), PutResult::kUnchanged);
  store->commit();
  EXPECT_EQ(store->sqlite_changes(), reopened);
  EXPECT_EQ(committed_xapian(*store), before);
}

TEST(Store, ReplacementKeepsTheIdAndDropsOldFacets) {
  TempDir dir;
  auto store = open_rw(dir);
  Record rec = record_from_label(labelled("000_8b57e2e7d86066a4"));
  store->put(rec, source_for(rec));
  store->commit();
  const auto id = store->find_document(rec.file);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(with_term(*store, "XOUTCOMEpartial"), 1U + 7U);  // response + its questions

  // A corrected publication: the authority withdrew the s24 citation and answered in full.
  rec.text += "\nCorrection: all information is now released.";
  rec.outcome = "granted";
  rec.exemptions.erase(rec.exemptions.begin());
  rec.questions.resize(3);
  EXPECT_EQ(store->put(rec, source_for(rec)), PutResult::kReplaced);
  store->commit();
  EXPECT_EQ(store->find_document(rec.file), id);
  EXPECT_EQ(store->document_ids().size(), 1U);
  EXPECT_EQ((*store->get_document(*id))["record"]["outcome"], "granted");
  EXPECT_EQ(with_term(*store, "XOUTCOMEpartial"), 0U);
  EXPECT_EQ(with_term(*store, "XEXEMPTs24"), 0U);
  EXPECT_EQ(with_term(*store, "XPARENT" + std::to_string(*id)), 3U);
  EXPECT_EQ(store->stats()["questions"], 3);
  EXPECT_TRUE(store->check().ok);
}

TEST(Store, FacetTermsAndPhraseSearch) {
  TempDir dir;
  auto store = open_rw(dir);
  for (const auto& rec : corpus_records()) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  const struct {
    const char* term;
    Xapian::doccount docs;  // response documents only (XTYPEdoc filter below)
  } rows[] = {
      {"XAUTHsuffolk-and-norfolk-constabularies", 1},
      {"XEXEMPTs31(1)", 1},  // seed 000
      {"XEXEMPTs31", 2},     // seed 000 s31(1) + dev028 s31(1)(a), by parent
      {"XEXEMPTs12", 2},     // dev001 and dev022
      {"XOUTCOMEcost_limit", 2},
      {"XREGIMEFOISA", 1},  // dev022, gov.scot
      {"XYEAR2020", 1},
      {"XREFfoi/18/03296", 1},
      {"XREF211a/20", 1},
      {"XKINDresponse", 4},
  };
  Xapian::Database db(store->xapian_path().string());
  for (const auto& row : rows) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(row.term),
                                    Xapian::Query("XTYPEdoc")));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), row.docs) << row.term;
  }
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;
  // seed 000: "Only the 'SEIM' solution is 'outsourced'".
  EXPECT_EQ(search(*store, "\"SEIM solution\"", flags), 1U);
  EXPECT_EQ(search(*store, "\"solution SEIM\"", flags), 0U);
  EXPECT_EQ(search(*store, "authority:suffolk", flags), 1U);
}

TEST(Store, SynonymsFindTheOtherSpelling) {
  TempDir with_dir;
  TempDir without_dir;
  auto with = open_rw(with_dir);
  auto without =
      Store::open(without_dir.path(), Store::Mode::kReadWrite, {std::filesystem::path()});
  for (const auto& rec : corpus_records()) {
    with->put(rec, source_for(rec));
    without->put(rec, source_for(rec));
  }
  with->commit();
  without->commit();
  const unsigned plain = Xapian::QueryParser::FLAG_DEFAULT;
  const unsigned synonyms = plain | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                            Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
  // seed 000 only ever writes "SEIM": found through the query-time synonym only.
  EXPECT_EQ(search(*with, "siem", plain), 0U);
  EXPECT_EQ(search(*with, "siem", synonyms), 1U);
  EXPECT_EQ(search(*with, "SIEM", synonyms), 1U);
  EXPECT_EQ(search(*without, "siem", synonyms), 0U);
  // dev028 says "Freedom of Information Act" and never "FOI": found through the index-time
  // expansion of the phrase, so only in the store that has the synonym.
  EXPECT_EQ(search(*without, "foi", plain), 3U);
  EXPECT_EQ(search(*with, "foi", plain), 4U);

  // Phrase -> word at query time (multi-word synonym keys): dev020 only writes "CCTV", dev023
  // only "FOI" (its "FOI Disclosure Log" heading).
  for (const char* name : {"dev020", "dev023"}) {
    const Record rec = record_from_label(labelled(name));
    with->put(rec, source_for(rec));
  }
  with->commit();
  EXPECT_EQ(search(*with, "closed circuit television", plain), 0U);
  EXPECT_EQ(search(*with, "closed circuit television", synonyms), 1U);
  const auto phrase_plain = search(*with, "freedom of information", plain);
  EXPECT_EQ(search(*with, "freedom of information", synonyms), phrase_plain + 1);
}

TEST(Store, ReconcileIndexesWhatSqliteCommittedButXapianDidNot) {
  TempDir dir;
  auto store = open_rw(dir);
  store->set_test_fault(TestFault::kSkipXapianCommit);
  for (const auto& rec : corpus_records()) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  auto report = store->check();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.sqlite_docs, 4U);
  EXPECT_EQ(report.xapian_docs, 0U);
  store->set_test_fault(TestFault::kNone);
  const auto repaired = store->reconcile();
  EXPECT_EQ(repaired.indexed, 4U);
  EXPECT_EQ(repaired.removed, 0U);
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(store->reconcile().indexed, 0U);  // nothing left to do
}

TEST(Store, ReopeningAfterAnInterruptedCommitRepairs) {
  TempDir dir;
  {
    auto store = open_rw(dir);
    store->set_test_fault(TestFault::kSkipXapianCommit);
    const Record rec = record_from_label(labelled("dev001"));
    store->put(rec, source_for(rec));
    store->commit();
  }
  EXPECT_FALSE(Store::open(dir.path(), Store::Mode::kReadOnly)->check().ok);
  auto store = open_rw(dir);
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(with_term(*store, "Q1"), 1U);
  EXPECT_EQ(with_term(*store, "XREF211a/20"), with_term(*store, "XPARENT1") + 1);
}

TEST(Store, ReconcileDeletesXapianDocumentsSqliteLacks) {
  TempDir dir;
  std::int64_t deleted_id = 0;
  {
    auto store = open_rw(dir);
    for (const auto& rec : corpus_records()) {
      store->put(rec, source_for(rec));
    }
    store->commit();
    deleted_id = store->document_ids().front();
    // Another connection removes a row behind the store's back (as a restored backup would).
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(store->sqlite_path().c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    const std::string sql = "DELETE FROM documents WHERE id = " + std::to_string(deleted_id);
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);

    const auto report = store->check();
    EXPECT_FALSE(report.ok);
    ASSERT_FALSE(report.problems.empty());
    EXPECT_NE(
        report.problems.front().find("in Xapian but not in SQLite: " + std::to_string(deleted_id)),
        std::string::npos)
        << report.problems.front();
    const auto repaired = store->reconcile();
    EXPECT_EQ(repaired.removed, 1U);
    EXPECT_TRUE(store->check().ok);
  }
  {
    // A stray document (and question) written straight into Xapian while no store is open.
    Xapian::WritableDatabase db((dir.path() / "xapian").string(), Xapian::DB_OPEN);
    const Record rec = record_from_label(labelled("dev022"));
    XapianIndexer indexer;
    indexer.replace(db, rec, 999, "");
    db.commit();
  }
  EXPECT_FALSE(Store::open(dir.path(), Store::Mode::kReadOnly)->check().ok);
  auto store = open_rw(dir);  // opening read-write reconciles
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(with_term(*store, "Q999"), 0U);
}

TEST(Store, CheckReportsAMissingXapianDocument) {
  TempDir dir;
  {
    auto store = open_rw(dir);
    const Record rec = record_from_label(labelled("dev001"));
    store->put(rec, source_for(rec));
    store->commit();
  }
  {
    Xapian::WritableDatabase db((dir.path() / "xapian").string(), Xapian::DB_OPEN);
    db.delete_document("Q1");
    db.commit();
  }
  const auto report = Store::open(dir.path(), Store::Mode::kReadOnly)->check();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.xapian_docs, 0U);
  EXPECT_EQ(report.sqlite_docs, 1U);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("in SQLite but not in Xapian: 1"), std::string::npos);
}

TEST(Store, SecondWriterIsRefusedNamingTheLock) {
  TempDir dir;
  auto writer = open_rw(dir);
  try {
    open_rw(dir);
    FAIL() << "second writer was allowed";
  } catch (const DataError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("another foilog process is writing to " + dir.path().string()),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find((dir.path() / "write.lock").string() + " is held"), std::string::npos)
        << msg;
  }
  // Readers are never locked out.
  EXPECT_NO_THROW(Store::open(dir.path(), Store::Mode::kReadOnly));
  writer.reset();
  EXPECT_NO_THROW(open_rw(dir));
}

TEST(Store, ReadOnlyOpenOfNothingSaysWhatToRun) {
  TempDir dir;
  try {
    Store::open(dir.path() / "absent", Store::Mode::kReadOnly);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("foilog index --db"), std::string::npos) << e.what();
  }
}

TEST(Store, ReindexRebuildsAndSwaps) {
  TempDir dir;
  auto store = open_rw(dir);
  for (const auto& rec : corpus_records()) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  const auto before = committed_xapian(*store);
  store->reindex();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "xapian.new"));
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(committed_xapian(*store), before);
  // The store keeps writing to the swapped-in database.
  const Record extra = record_from_label(labelled("dev037"));
  store->put(extra, source_for(extra));
  store->commit();
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(store->check().xapian_docs, 5U);
  EXPECT_EQ(search(*store, "siem",
                   Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS),
            1U);
}

TEST(Store, CompactKeepsEveryDocumentAndSwaps) {
  TempDir dir;
  auto store = open_rw(dir);
  const auto records = corpus_records();
  for (const auto& rec : records) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  ASSERT_TRUE(store->remove(records.back().file));  // leaves freed blocks for compaction to drop
  store->commit();
  const auto before = committed_xapian(*store);
  const auto found = search(
      *store, "siem", Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
  ASSERT_GT(found, 0U);
  store->compact();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "xapian.new"));
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(committed_xapian(*store), before);
  EXPECT_EQ(search(*store, "siem",
                   Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS),
            found);  // the synonym table came along
  // The store keeps writing to the compacted database.
  store->put(records.back(), source_for(records.back()));
  store->commit();
  EXPECT_TRUE(store->check().ok);
  EXPECT_EQ(store->check().xapian_docs, records.size());
}

// Answers are stored once (in the record, as spans of its text); the question_answers view
// gives SQL users every answer, and every reader gets them back.
TEST(Store, AnswersAreStoredOnceAndReadBackEverywhere) {
  TempDir dir;
  auto store = open_rw(dir);
  Record rec = corpus_records().front();
  ASSERT_GE(rec.questions.size(), 2U);
  for (auto& q : rec.questions) {  // each answer: the line after its question
    const auto eol = rec.text.find('\n', q.text_span.end);
    ASSERT_NE(eol, std::string::npos);
    const auto next = rec.text.find('\n', eol + 1);
    q.answer_span = {eol + 1, next == std::string::npos ? rec.text.size() : next};
    q.answer = rec.text.substr(q.answer_span.begin, q.answer_span.end - q.answer_span.begin);
  }
  rec.questions.back().answer = "An answer the letter does not print.";
  store->put(rec, source_for(rec));
  store->commit();
  const auto id = store->find_document(rec.file);
  ASSERT_TRUE(id.has_value());
  auto raw = store->database().prepare("SELECT record FROM documents WHERE id = ?1");
  raw.bind(1, *id);
  ASSERT_TRUE(raw.step());
  const auto stored = nlohmann::json::parse(raw.text(0));
  EXPECT_FALSE(stored["questions"][0].contains("answer"));
  EXPECT_TRUE(stored["questions"].back().contains("answer"));
  auto view = store->database().prepare("SELECT answer FROM " +
                                        std::string(schema::table::kQuestionAnswers) +
                                        " WHERE document_id = ?1 ORDER BY ord");
  view.bind(1, *id);
  const auto doc = store->get_document(*id);
  ASSERT_TRUE(doc.has_value());
  for (std::size_t i = 0; i < rec.questions.size(); ++i) {
    ASSERT_TRUE(view.step()) << i;
    EXPECT_EQ(view.text(0), rec.questions[i].answer) << i;
    EXPECT_EQ((*doc)["record"]["questions"][i]["answer"], rec.questions[i].answer) << i;
  }
  Xapian::Database db(store->xapian_path().string());
  const auto post =
      db.postlist_begin("Q" + std::to_string(*id) + "#" + std::to_string(rec.questions[0].n));
  ASSERT_NE(post,
            db.postlist_end("Q" + std::to_string(*id) + "#" + std::to_string(rec.questions[0].n)));
  EXPECT_EQ(nlohmann::json::parse(db.get_document(*post).get_data())["answer"],
            rec.questions[0].answer);
}

TEST(Store, RemoveDeletesFromBoth) {
  TempDir dir;
  auto store = open_rw(dir);
  const auto records = corpus_records();
  for (const auto& rec : records) {
    store->put(rec, source_for(rec));
  }
  store->commit();
  const auto id = store->find_document(records[0].file);
  ASSERT_TRUE(id.has_value());
  ASSERT_EQ(with_term(*store, "XPARENT" + std::to_string(*id)), 7U);
  EXPECT_TRUE(store->remove(records[0].file));
  EXPECT_FALSE(store->remove("no/such/file.txt"));
  store->commit();
  EXPECT_EQ(store->document_ids().size(), 3U);
  EXPECT_FALSE(store->get_document(*id).has_value());
  EXPECT_EQ(with_term(*store, schema::document_id_term(*id)), 0U);
  EXPECT_EQ(with_term(*store, "XPARENT" + std::to_string(*id)), 0U);
  EXPECT_TRUE(store->check().ok);
}

TEST(Store, StatsCountFacetsFromTheLabels) {
  TempDir dir;
  auto store = open_rw(dir);
  const auto docs = testing::load_labelled_corpus();
  std::map<std::string, int> outcomes;
  std::map<std::string, int> parents;
  int questions = 0;
  for (const auto& doc : docs) {
    const Record rec = record_from_label(doc);
    store->put(rec, source_for(rec));
    ++outcomes[testing::label_string(doc.label, "outcome")];
    std::set<std::string> cited;
    for (const auto& p : testing::label_strings(doc.label, "exemptions")) {
      cited.insert(p.substr(0, p.find('(')));
    }
    for (const auto& p : cited) {
      ++parents[p];
    }
    questions += doc.label.value("questions", 0);
  }
  store->record_error("data/broken.pdf", "damaged PDF: no xref table");
  store->record_error("data/broken.pdf", "damaged PDF: still no xref table");
  store->commit();
  const auto stats = store->stats();
  EXPECT_EQ(stats["documents"], docs.size());
  EXPECT_EQ(stats["questions"], questions);
  EXPECT_EQ(stats["errors"], 1);
  EXPECT_EQ(stats["pending"], 0);
  for (const auto& [outcome, n] : outcomes) {
    EXPECT_EQ(stats["facets"]["outcome"][outcome], n) << outcome;
  }
  for (const auto& [parent, n] : parents) {
    EXPECT_EQ(stats["facets"]["exemption_parent"][parent], n) << parent;
  }
  EXPECT_EQ(stats["facets"]["regime"]["FOISA"].get<int>() > 0, true);
  store->clear_error("data/broken.pdf");
  store->commit();
  EXPECT_EQ(store->stats()["errors"], 0);
}

TEST(Store, TaxonomyTablesAreReplacedWholesale) {
  TempDir dir;
  auto store = open_rw(dir);
  store->sync_taxonomy(
      {{"west-midlands-police", "West Midlands Police", "police", "england", {"WMP"}}},
      {{"FOIA", "s31(1)(a)", "Law enforcement", "s31", false, false}});
  store->commit();
  store->sync_taxonomy(
      {{"ipsa", "Independent Parliamentary Standards Authority", "regulator", "uk", {"IPSA"}}}, {});
  store->commit();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(store->sqlite_path().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(raw,
                     "SELECT (SELECT group_concat(id) FROM authorities), (SELECT COUNT(*) FROM "
                     "authority_aliases), (SELECT COUNT(*) FROM exemptions)",
                     -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "ipsa");
  EXPECT_EQ(sqlite3_column_int(stmt, 1), 1);
  EXPECT_EQ(sqlite3_column_int(stmt, 2), 0);
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

TEST(Store, SyncingAnUnchangedTaxonomyWritesNothing) {
  TempDir dir;
  auto store = open_rw(dir);
  const std::vector<AuthorityRow> authorities{
      {"west-midlands-police", "West Midlands Police", "police", "england", {"WMP"}}};
  const std::vector<ExemptionRow> exemptions{
      {"FOIA", "s31(1)(a)", "Law enforcement", "s31", false, false}};
  store->sync_taxonomy(authorities, exemptions);
  store->commit();
  const auto after_first = store->sqlite_changes();
  EXPECT_GT(after_first, 0);
  store->sync_taxonomy(authorities, exemptions);
  store->commit();
  EXPECT_EQ(store->sqlite_changes(), after_first);
  // A changed title is a changed taxonomy: it is written.
  store->sync_taxonomy(authorities, {{"FOIA", "s31(1)(a)", "Law enforcement (prevention of crime)",
                                      "s31", false, false}});
  store->commit();
  EXPECT_GT(store->sqlite_changes(), after_first);
}

}  // namespace
}  // namespace foilog
