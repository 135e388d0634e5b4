// The store's publishing life: only published documents are in Xapian (review ones never,
// withdrawn ones gone at commit, spelling entries with them), corrections survive re-extraction
// and reindex, withdrawal survives a crash between the two stores, and purge leaves no byte of
// the text in the store directory.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extract/record_json.h"
#include "schema/schema.h"
#include "store/accounts.h"
#include "store/corrections.h"
#include "store/secrets.h"
#include "store/sha256.h"
#include "store/store.h"
#include "store_fixtures.h"
#include "util/error.h"

namespace foilog {
namespace {

using testing::labelled;
using testing::record_from_label;
using testing::TempDir;

// A word no real letter contains, so finding it anywhere means this test's document leaked.
constexpr const char* kCanary = "zqxvcanaryword";

SourceInfo source_for(const Record& rec) {
  return {rec.file, sha256_hex(rec.text), rec.text.size(), "text"};
}

std::unique_ptr<Store> open_rw(const TempDir& dir) {
  return Store::open(dir.path(), Store::Mode::kReadWrite, {std::filesystem::path()});
}

Record canary_record(const std::string& file) {
  Record r = record_from_label(labelled("dev001"));
  r.file = file;
  r.text += "\nThe " + std::string(kCanary) + " budget was withheld.\n";
  return r;
}

bool in_xapian(const Store& store, std::int64_t id) {
  Xapian::Database db(store.xapian_path().string());
  return db.term_exists(schema::document_id_term(id));
}

std::string suggestion(const Store& store, const std::string& word) {
  Xapian::Database db(store.xapian_path().string());
  return db.get_spelling_suggestion(word);
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file below dir that holds needle.
std::vector<std::string> files_holding(const std::filesystem::path& dir,
                                       const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && read_all(e.path()).find(needle) != std::string::npos) {
      out.push_back(e.path().string());
    }
  }
  return out;
}

TEST(PublishStore, ReviewDocumentsStayOutOfXapianUntilReleased) {
  TempDir dir;
  auto store = open_rw(dir);
  const Record rec = canary_record("uploads/a.txt");
  ASSERT_EQ(store->put(rec, source_for(rec), DocumentStatus::kReview), PutResult::kAdded);
  store->commit();
  const std::int64_t id = *store->find_document("uploads/a.txt");
  EXPECT_FALSE(in_xapian(*store, id));
  EXPECT_EQ(store->document_state(id)->status, DocumentStatus::kReview);
  EXPECT_TRUE(store->check().ok) << store->check().problems.front();
  EXPECT_TRUE(store->published_ids().empty());
  // Reconcile and reindex do not publish it either.
  store->reconcile();
  store->reindex();
  EXPECT_FALSE(in_xapian(*store, id));

  ASSERT_TRUE(store->release(id));
  EXPECT_FALSE(store->release(id));  // only from review
  store->commit();
  EXPECT_TRUE(in_xapian(*store, id));
  EXPECT_TRUE(store->check().ok);
}

TEST(PublishStore, WithdrawalDeletesFromXapianWithItsSpellingAtCommit) {
  TempDir dir;
  auto store = open_rw(dir);
  for (const char* name : {"dev022", "dev028"}) {
    const Record other = record_from_label(labelled(name));
    store->put(other, source_for(other));
  }
  const Record rec = canary_record("a.txt");
  store->put(rec, source_for(rec));
  store->commit();
  const std::int64_t id = *store->find_document("a.txt");
  ASSERT_TRUE(in_xapian(*store, id));
  // One letter off: the spelling table suggests the canary (so the test below can fail).
  ASSERT_EQ(suggestion(*store, "zqxvcanaryward"), kCanary);

  ASSERT_TRUE(store->withdraw(id, "published by mistake"));
  EXPECT_FALSE(store->withdraw(id, "again"));
  store->commit();
  EXPECT_FALSE(in_xapian(*store, id));
  EXPECT_EQ(suggestion(*store, "zqxvcanaryward"), "");
  // Words other letters share stay suggestible.
  EXPECT_NE(suggestion(*store, "informaton"), "");
  const auto state = store->document_state(id);
  EXPECT_EQ(state->status, DocumentStatus::kWithdrawn);
  EXPECT_EQ(state->withdrawn_reason, "published by mistake");
  EXPECT_FALSE(state->withdrawn_at.empty());
  EXPECT_TRUE(store->check().ok) << store->check().problems.front();
  // Its file, re-crawled, does not bring it back.
  Record again = rec;
  again.text += "\nrevised";
  EXPECT_EQ(store->put(again, source_for(again)), PutResult::kUnchanged);
  store->commit();
  EXPECT_FALSE(in_xapian(*store, id));
}

// The spelling table's frequency of a word (0 when absent).
Xapian::termcount spelling_frequency(const Store& store, const std::string& word) {
  Xapian::Database db(store.xapian_path().string());
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    if (*it == word) {
      return it.get_termfreq();
    }
  }
  return 0;
}

TEST(PublishStore, ReplacingADocumentDoesNotInflateItsSpellingEntries) {
  TempDir dir;
  auto store = open_rw(dir);
  Record rec = canary_record("a.txt");
  store->put(rec, source_for(rec));
  store->commit();
  const std::int64_t id = *store->find_document("a.txt");
  const auto once = spelling_frequency(*store, kCanary);
  ASSERT_EQ(once, 1U);
  // Three more versions and a correction each re-index the letter.
  for (int i = 0; i < 3; ++i) {
    rec.text += "\nrevision " + std::to_string(i);
    store->put(rec, source_for(rec));
    store->commit();
  }
  store->correct(id, "reference", "REF-1", command_line_actor());
  store->commit();
  EXPECT_EQ(spelling_frequency(*store, kCanary), once);
  ASSERT_TRUE(store->withdraw(id, "test"));
  store->commit();
  EXPECT_EQ(spelling_frequency(*store, kCanary), 0U);
}

TEST(PublishStore, AWithdrawalInterruptedBetweenTheStoresIsFinishedByReconcile) {
  TempDir dir;
  std::int64_t id = 0;
  {
    auto store = open_rw(dir);
    const Record rec = canary_record("a.txt");
    store->put(rec, source_for(rec));
    store->commit();
    id = *store->find_document("a.txt");
    store->withdraw(id, "test");
    store->set_test_fault(TestFault::kSkipXapianCommit);
    store->commit();  // SQLite says withdrawn; Xapian was never told
    EXPECT_TRUE(in_xapian(*store, id));
    EXPECT_FALSE(store->check().ok);
  }
  auto store = open_rw(dir);  // reconciles
  EXPECT_FALSE(in_xapian(*store, id));
  EXPECT_EQ(suggestion(*store, "zqxvcanaryward"), "");
  EXPECT_TRUE(store->check().ok);
}

TEST(PublishStore, CorrectionsSurviveReextractionAndReindex) {
  TempDir dir;
  auto store = open_rw(dir);
  Record rec = record_from_label(labelled("dev022"));
  store->put(rec, source_for(rec));
  store->commit();
  const std::int64_t id = *store->find_document(rec.file);
  const Record corrected = store->correct(id, "reference", "CORRECTED-42", command_line_actor());
  EXPECT_EQ(corrected.reference, "CORRECTED-42");
  store->correct(id, "date_received", "2020-01-06", command_line_actor());
  store->commit();

  // The file changes and is extracted again: the extractor's reference comes back, the
  // correction wins.
  rec.text += "\nA later revision of the letter.";
  ASSERT_EQ(store->put(rec, source_for(rec)), PutResult::kReplaced);
  store->commit();
  auto doc = store->get_document(id);
  Record stored = record_from_json((*doc)["record"]);
  EXPECT_EQ(stored.reference, "CORRECTED-42");
  EXPECT_EQ(stored.date_received.iso, "2020-01-06");
  EXPECT_NE(stored.text.find("later revision"), std::string::npos);
  EXPECT_EQ(store->corrections(id).size(), 2U);

  store->reindex();
  Xapian::Database db(store->xapian_path().string());
  EXPECT_TRUE(db.term_exists(std::string(schema::prefix::kReference) + "corrected-42"));
  EXPECT_TRUE(store->check().ok);
  // A correction of the wrong shape is refused before anything is written.
  EXPECT_THROW(store->correct(id, "date_received", "31 February", command_line_actor()),
               UsageError);
  EXPECT_THROW(store->correct(id, "file", "x", command_line_actor()), UsageError);
  EXPECT_EQ(store->corrections(id).size(), 2U);
}

TEST(PublishStore, PurgeLeavesNoByteOfTheTextInTheStoreDirectory) {
  TempDir dir;
  auto store = open_rw(dir);
  for (const char* name : {"dev022", "dev028"}) {
    const Record other = record_from_label(labelled(name));
    store->put(other, source_for(other));
  }
  const Record rec = canary_record("a.txt");
  store->put(rec, source_for(rec));
  store->commit();
  const std::int64_t id = *store->find_document("a.txt");
  store->correct(id, "title", std::string("About ") + kCanary, command_line_actor());
  store->commit();
  ASSERT_FALSE(files_holding(dir.path(), kCanary).empty()) << "the canary never reached disk";

  store->withdraw(id, "test");
  store->commit();
  // Withdrawn but not purged: the bytes are still somewhere (this is what purge is for).
  EXPECT_FALSE(files_holding(dir.path(), kCanary).empty());
  EXPECT_THROW((void)store->purge({*store->find_document(labelled("dev022").path.string())}),
               DataError);  // only withdrawn documents
  const auto purged = store->purge({id});
  EXPECT_EQ(purged, std::vector<std::int64_t>{id});
  EXPECT_EQ(files_holding(dir.path(), kCanary), std::vector<std::string>{});
  EXPECT_FALSE(store->document_state(id)->purged_at.empty());
  EXPECT_TRUE(store->check().ok) << store->check().problems.front();
  EXPECT_TRUE(store->corrections(id).empty());
  // The others are untouched and still searchable.
  EXPECT_EQ(store->published_ids().size(), 2U);
  Xapian::Database db(store->xapian_path().string());
  EXPECT_EQ(db.get_doccount() > 0, true);
}

TEST(PublishStore, TokensAreStoredOnlyAsHashesAndRevocable) {
  TempDir dir;
  auto store = open_rw(dir);
  SqliteDb& db = store->database();
  add_account(db, {"test-council", "Test Council", ""});
  EXPECT_THROW(add_account(db, {"test-council", "Again", ""}), UsageError);
  EXPECT_THROW(add_account(db, {"Bad Slug", "X", ""}), UsageError);
  EXPECT_THROW((void)create_token(db, "no-such", false, ""), UsageError);
  const NewToken t = create_token(db, "test-council", false, "laptop");
  EXPECT_TRUE(t.secret.starts_with(kTokenPrefix));
  auto st = db.prepare("SELECT COUNT(*) FROM tokens WHERE sha256 = ?1");
  st.bind(1, sha256_hex(t.secret));
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.int64(0), 1);
  auto plain = db.prepare("SELECT COUNT(*) FROM tokens WHERE sha256 = ?1 OR name = ?1");
  plain.bind(1, t.secret);
  ASSERT_TRUE(plain.step());
  EXPECT_EQ(plain.int64(0), 0);

  const auto who = verify_token(db, t.secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->account_id, "test-council");
  EXPECT_FALSE(verify_token(db, t.secret + "x"));
  EXPECT_FALSE(verify_token(db, ""));
  const NewSession s = create_session(db, t.id, std::chrono::hours(1));
  EXPECT_TRUE(find_session(db, s.secret));
  ASSERT_TRUE(revoke_token(db, t.id));
  EXPECT_FALSE(revoke_token(db, t.id));
  EXPECT_FALSE(verify_token(db, t.secret));
  EXPECT_FALSE(find_session(db, s.secret));  // signed out with its token
}

}  // namespace
}  // namespace foilog
