// R2 crash between the stores: a writer killed after its SQLite COMMIT but before the Xapian
// commit (and the reverse: after the Xapian commit, before the pending marks are cleared; and
// a removal whose Xapian half never happened). The next start, here `foilog serve`, must
// reconcile before it accepts its first request, and log what it did with the count.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reliability/server_process.h"
#include "reliability/storage_support.h"
#include "store/store.h"

namespace foilog::testing {
namespace {

constexpr std::size_t kBatch = 10;

std::set<std::int64_t> sqlite_published(const std::filesystem::path& db) {
  std::set<std::int64_t> ids;
  SqliteDb sqlite(db / schema::file::kSqlite, true);
  auto rows = sqlite.prepare("SELECT id FROM documents WHERE status = 'published'");
  while (rows.step()) {
    ids.insert(rows.int64(0));
  }
  return ids;
}

std::set<std::int64_t> xapian_documents(const std::filesystem::path& db) {
  std::set<std::int64_t> ids;
  Xapian::Database xapian((db / schema::file::kXapian).string());
  const std::string doc_type = std::string(schema::prefix::kDocType) + "doc";
  for (auto it = xapian.postlist_begin(doc_type); it != xapian.postlist_end(doc_type); ++it) {
    ids.insert(std::stoll(xapian.get_document(*it).get_value(schema::slot::kDocId)));
  }
  return ids;
}

// Starts the server and checks, before sending it anything, that both stores hold the same ids
// and that its log names the repair; then that its first answer counts every document.
void expect_server_reconciles(const std::filesystem::path& tmp, const std::filesystem::path& db,
                              std::size_t indexed, std::size_t removed) {
  ServerProcess server(db, tmp / "serve.log");
  // "listening" is printed after the reconcile: the stores must agree before any request.
  EXPECT_EQ(sqlite_published(db), xapian_documents(db));
  const std::string expected = "reconciled " + db.string() + ": " + std::to_string(indexed) +
                               " documents indexed into Xapian, " + std::to_string(removed) +
                               " removed from it";
  EXPECT_NE(server.log().find(expected), std::string::npos)
      << "expected '" << expected << "' in the server log:\n"
      << server.log();
  const auto res = server.client()->Get("/api/search?q=&per_page=1");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body)["total"].get<std::size_t>(),
            sqlite_published(db).size());
  server.stop();
}

class R2CrashBetweenStores : public ::testing::Test {
 protected:
  void SetUp() override { corpus_ = generated_corpus(tmp_.path(), 30); }
  TempDir tmp_;
  std::filesystem::path corpus_;
  std::filesystem::path db_ = tmp_.path() / "db";
};

TEST_F(R2CrashBetweenStores, KilledAfterSqliteCommitBeforeXapian) {
  const auto r =
      index_command(db_, {corpus_}, kBatch, "FOILOG_FAULT=sigkill_after_sqlite_commit:2");
  ASSERT_EQ(r.status, 128 + SIGKILL) << r.output;
  // Two batches committed in SQLite, the second still pending: Xapian has only the first.
  EXPECT_EQ(sqlite_int(db_, "SELECT COUNT(*) FROM documents"), 2 * kBatch);
  EXPECT_EQ(sqlite_int(db_, "SELECT COUNT(*) FROM documents WHERE xapian_pending = 1"), kBatch);
  EXPECT_EQ(xapian_documents(db_).size(), kBatch);
  expect_server_reconciles(tmp_.path(), db_, kBatch, 0);
  EXPECT_EQ(sqlite_int(db_, "SELECT COUNT(*) FROM documents WHERE xapian_pending = 1"), 0);
}

TEST_F(R2CrashBetweenStores, KilledAfterXapianCommitBeforeMarksCleared) {
  const auto r =
      index_command(db_, {corpus_}, kBatch, "FOILOG_FAULT=sigkill_after_xapian_commit:2");
  ASSERT_EQ(r.status, 128 + SIGKILL) << r.output;
  // Xapian is ahead of SQLite's marks: both hold 20 documents, 10 still marked pending.
  EXPECT_EQ(sqlite_int(db_, "SELECT COUNT(*) FROM documents WHERE xapian_pending = 1"), kBatch);
  EXPECT_EQ(xapian_documents(db_).size(), 2 * kBatch);
  expect_server_reconciles(tmp_.path(), db_, kBatch, 0);
  expect_consistent(db_);
}

TEST_F(R2CrashBetweenStores, RemovalCommittedInSqliteOnly) {
  ASSERT_EQ(index_command(db_, {corpus_}, kBatch).status, 0);
  {
    // The reverse direction: Xapian holds a document SQLite no longer has.
    auto store = Store::open(db_, Store::Mode::kReadWrite, {std::filesystem::path()});
    const auto ids = store->document_ids();
    ASSERT_FALSE(ids.empty());
    const auto doc = store->get_document(ids.front());
    ASSERT_TRUE(doc);
    store->set_test_fault(TestFault::kSkipXapianCommit);
    ASSERT_TRUE(store->remove((*doc)["source"]["path"].get<std::string>()));
    store->commit();
  }
  EXPECT_EQ(xapian_documents(db_).size(), sqlite_published(db_).size() + 1);
  expect_server_reconciles(tmp_.path(), db_, 0, 1);
  expect_consistent(db_);
}

TEST_F(R2CrashBetweenStores, IndexerReconcilesAndSaysSo) {
  ASSERT_EQ(
      index_command(db_, {corpus_}, kBatch, "FOILOG_FAULT=sigkill_after_sqlite_commit:1").status,
      128 + SIGKILL);
  const auto r = index_command(db_, {corpus_}, kBatch);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("reconciled " + db_.string() + ": " + std::to_string(kBatch) +
                          " documents indexed into Xapian, 0 removed from it"),
            std::string::npos)
      << r.output;
  expect_consistent(db_);
}

TEST_F(R2CrashBetweenStores, UnknownFaultIsRefused) {
  const auto r = index_command(db_, {corpus_}, kBatch, "FOILOG_FAULT=sigkill_after_sqlite:1");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("FOILOG_FAULT"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace foilog::testing
