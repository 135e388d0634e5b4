// End-to-end tests of the foilog executable over the sample corpus in data/:
// extraction output, the evaluation minimums the issue sets, indexing into both
// stores, idempotency, replacement, bad input and kill -9 consistency.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "command.h"
#include "schema/schema.h"
#include "store/sha256.h"
#include "store/store.h"
#include "support/corpus.h"

namespace foilog::testing {
namespace {

std::string corpus_dirs() {
  return quote(source_dir() / "data" / "corpus") + " " + quote(source_dir() / "data" / "seeds");
}

CommandResult index_into(const std::filesystem::path& db, const std::string& paths,
                         const std::string& env = "") {
  return run_command(env + " " + foilog_bin() + " index --quiet --db " + quote(db) + " " + paths);
}

std::size_t labelled_count() {
  return load_labelled_corpus().size();
}

Xapian::doccount count_docs_with(const Xapian::Database& db, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(std::string(schema::prefix::kDocType) + "doc"),
                                  Xapian::Query(term)));
  return enquire.get_mset(0, db.get_doccount() + 1).size();
}

TEST(Cli, ExtractPrintsTheDocumentedRecord) {
  const auto seed = source_dir() / "data" / "seeds" / "000_8b57e2e7d86066a4.txt";
  const auto r = run_command(foilog_bin() + " extract " + quote(seed));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  for (const char* key :
       {"file", "authority", "authority_id", "authority_known", "reference", "references",
        "date_received", "date_responded", "working_days", "regimes", "exemptions", "procedural",
        "outcome", "questions", "topics", "decision_notices", "kind", "warnings"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["reference"], "FOI 003477-20");
  EXPECT_EQ(j["date_received"], "2020-10-15");
  EXPECT_EQ(j["date_responded"], "2020-10-19");
  EXPECT_EQ(j["working_days"], 2);
  EXPECT_EQ(j["questions"].size(), 7U);
  ASSERT_FALSE(j["exemptions"].empty());
  EXPECT_TRUE(j["exemptions"][0].contains("span"));
}

TEST(Cli, ExtractNamesAMissingFile) {
  const auto r = run_command(foilog_bin() + " extract /nonexistent/letter.pdf");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("/nonexistent/letter.pdf"), std::string::npos) << r.output;
}

// The minimums issue 2 sets; quality is also measured on documents outside the
// repository.
TEST(Cli, EvalMeetsTheMinimums) {
  const auto r = run_command(foilog_bin() +
                             " eval --min reference=0.95 --min authority=0.95 --min "
                             "date_responded=0.90"
                             " --min date_received=0.90 --min exemptions=0.92 --min outcome=0.90"
                             " --min questions=0.85 " +
                             corpus_dirs());
  std::cout << r.output;
  EXPECT_EQ(r.status, 0) << r.output;
}

TEST(Cli, EvalFailsBelowAMinimum) {
  // A label that contradicts its document scores 0 on that field, so the gate
  // must fail.
  TempDir dir;
  std::filesystem::copy_file(source_dir() / "data" / "corpus" / "dev001.txt", dir.path() / "a.txt");
  {
    std::ofstream label(dir.path() / "a.json");
    label << R"({"authority": "West Midlands Police", "outcome": "granted", "questions": 9})";
  }
  const auto r = run_command(foilog_bin() + " eval --min outcome=0.5 " + quote(dir.path()));
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("outcome scored 0.000, below the minimum 0.500"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("a.txt: expected granted, got cost_limit"), std::string::npos)
      << r.output;
  // Without the minimum the same run passes: the exit status comes from the
  // gate alone.
  EXPECT_EQ(run_command(foilog_bin() + " eval " + quote(dir.path())).status, 0);
}

TEST(Cli, EvalRejectsAnUnknownField) {
  const auto r = run_command(foilog_bin() + " eval --min colour=0.5 " + corpus_dirs());
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("colour"), std::string::npos);
}

class IndexedCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r = index_into(dir_.path() / "db", corpus_dirs());
    ASSERT_EQ(r.status, 0) << r.output;
    summary_ = r.output;
  }
  std::filesystem::path db() const { return dir_.path() / "db"; }
  TempDir dir_;
  std::string summary_;
};

TEST_F(IndexedCorpus, BothStoresHoldEveryDocumentOnce) {
  EXPECT_NE(summary_.find(std::to_string(labelled_count()) + " added"), std::string::npos)
      << summary_;
  const auto check = run_command(foilog_bin() + " check --db " + quote(db()));
  EXPECT_EQ(check.status, 0) << check.output;
  auto store = Store::open(db(), Store::Mode::kReadOnly);
  EXPECT_EQ(store->document_ids().size(), labelled_count());
  Xapian::Database x(store->xapian_path().string());
  for (const auto id : store->document_ids()) {
    const std::string q = std::string(schema::prefix::kId) + std::to_string(id);
    EXPECT_EQ(x.get_termfreq(q), 1U) << q;
  }
}

// Facet counts in Xapian agree with an independent SQL count over the SQLite
// records.
TEST_F(IndexedCorpus, FacetCountsMatchSqlite) {
  auto store = Store::open(db(), Store::Mode::kReadOnly);
  Xapian::Database x(store->xapian_path().string());
  std::map<std::string, std::size_t> by_outcome;
  std::map<std::string, std::size_t> by_authority;
  for (const auto id : store->document_ids()) {
    const auto rec = store->get_document(id);
    ASSERT_TRUE(rec.has_value());
    const auto& j = rec->contains("record") ? (*rec)["record"] : *rec;
    ++by_outcome[j.at("outcome").get<std::string>()];
    if (!j.at("authority_id").get<std::string>().empty()) {
      ++by_authority[j.at("authority_id").get<std::string>()];
    }
  }
  ASSERT_GE(by_outcome.size(), 4U);
  for (const auto& [outcome, n] : by_outcome) {
    EXPECT_EQ(count_docs_with(x, std::string(schema::prefix::kOutcome) + outcome), n) << outcome;
  }
  for (const auto& [auth, n] : by_authority) {
    EXPECT_EQ(count_docs_with(x, std::string(schema::prefix::kAuthority) + auth), n) << auth;
  }
  // Exemption parents roll up: every s31(...) citation is counted under s31
  // too.
  EXPECT_GE(count_docs_with(x, std::string(schema::prefix::kExemption) + "s31"),
            count_docs_with(x, std::string(schema::prefix::kExemption) + "s31(1)(a)"));
  EXPECT_GE(count_docs_with(x, std::string(schema::prefix::kExemption) + "s31(1)(a)"), 2U);
}

TEST_F(IndexedCorpus, PhraseAndStemmedSearchFindTheSeeds) {
  auto store = Store::open(db(), Store::Mode::kReadOnly);
  Xapian::Database x(store->xapian_path().string());
  Xapian::QueryParser qp;
  qp.set_database(x);
  qp.set_stemmer(Xapian::Stem("en"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  Xapian::Enquire e(x);
  e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                            qp.parse_query("\"Security Event and Incident Management\""),
                            Xapian::Query(std::string(schema::prefix::kDocType) + "doc")));
  const auto phrase = e.get_mset(0, 10);
  ASSERT_EQ(phrase.size(), 1U);
  EXPECT_NE(phrase.begin().get_document().get_data().find("FOI 003477-20"), std::string::npos);
  // A phrase that is not in any document in that order finds nothing.
  e.set_query(qp.parse_query("\"Management Incident Event Security\""));
  EXPECT_EQ(e.get_mset(0, 10).size(), 0U);
  // Stemming: "breaches" finds documents that say "breach".
  e.set_query(qp.parse_query("breaches", Xapian::QueryParser::FLAG_DEFAULT));
  EXPECT_GE(e.get_mset(0, 10).size(), 2U);
}

TEST_F(IndexedCorpus, ReingestingChangesNothing) {
  auto sqlite_hash = [&] {
    std::ifstream in(db() / "foilog.sqlite", std::ios::binary);
    return sha256_hex(std::string(std::istreambuf_iterator<char>(in), {}));
  };
  const std::string before = sqlite_hash();
  Xapian::rev before_rev = Xapian::Database((db() / "xapian").string()).get_revision();
  const auto r = index_into(db(), corpus_dirs());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(
      r.output.find("0 added, 0 replaced, " + std::to_string(labelled_count()) + " unchanged"),
      std::string::npos)
      << r.output;
  EXPECT_EQ(sqlite_hash(), before);
  EXPECT_EQ(Xapian::Database((db() / "xapian").string()).get_revision(), before_rev);
}

TEST_F(IndexedCorpus, ReindexRebuildsTheSameIndex) {
  const auto stats_before = run_command(foilog_bin() + " stats --db " + quote(db()));
  const auto r = run_command(foilog_bin() + " reindex --db " + quote(db()));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(run_command(foilog_bin() + " check --db " + quote(db())).status, 0);
  EXPECT_EQ(run_command(foilog_bin() + " stats --db " + quote(db())).output, stats_before.output);
}

TEST_F(IndexedCorpus, CompactKeepsTheIndexAndSaysHowMuchItSaved) {
  const auto stats_before = run_command(foilog_bin() + " stats --db " + quote(db()));
  const auto r = run_command(foilog_bin() + " compact --db " + quote(db()));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("compacted "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(" MB -> "), std::string::npos) << r.output;
  EXPECT_EQ(run_command(foilog_bin() + " check --db " + quote(db())).status, 0);
  EXPECT_EQ(run_command(foilog_bin() + " stats --db " + quote(db())).output, stats_before.output);
}

TEST(Cli, ChangedFileReplacesItsRecord) {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  std::filesystem::create_directories(docs);
  std::filesystem::copy_file(source_dir() / "data" / "corpus" / "dev001.txt", docs / "a.txt");
  ASSERT_EQ(index_into(dir.path() / "db", quote(docs)).status, 0);
  {
    std::ofstream out(docs / "a.txt", std::ios::app);
    out << "\nAddendum: the response was corrected on 3 June 2020.\n";
  }
  const auto r = index_into(dir.path() / "db", quote(docs));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("0 added, 1 replaced, 0 unchanged"), std::string::npos) << r.output;
  auto store = Store::open(dir.path() / "db", Store::Mode::kReadOnly);
  ASSERT_EQ(store->document_ids().size(), 1U);
  Xapian::Database x(store->xapian_path().string());
  EXPECT_EQ(x.get_termfreq("addendum"), 1U);  // the new text is searchable
  EXPECT_EQ(run_command(foilog_bin() + " check --db " + quote(dir.path() / "db")).status, 0);
}

// Each bad file gives one error naming it; the good document beside them is
// still indexed.
TEST(Cli, BadInputIsReportedAndTheRestIsIndexed) {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  std::filesystem::create_directories(docs);
  std::filesystem::copy_file(source_dir() / "data" / "corpus" / "dev002.txt", docs / "good.txt");
  { std::ofstream(docs / "empty.txt"); }
  {
    std::ofstream out(docs / "junk.pdf", std::ios::binary);
    std::mt19937 rng(42);
    for (int i = 0; i < 65536; ++i) {
      out.put(static_cast<char>(rng() & 0xFF));
    }
  }
  {
    std::ofstream out(docs / "truncated.pdf", std::ios::binary);
    out << "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 "
           "obj\n<< /Type /Pa";
  }
  { std::ofstream out(docs / "huge.txt"); }
  std::filesystem::resize_file(docs / "huge.txt",
                               2ULL << 30);  // sparse: 2 GB of nothing
  {
    std::ofstream out(docs / "latin1.txt", std::ios::binary);
    out << "Dear Requester,\nThe cost of compliance would exceed \xA3"
           "450 under section 12.\n";
  }
  const auto db = dir.path() / "db";
  const auto r = index_into(db, quote(docs));
  EXPECT_EQ(r.status, 1) << r.output;
  for (const char* bad : {"empty.txt", "junk.pdf", "truncated.pdf", "huge.txt"}) {
    EXPECT_NE(r.output.find(std::string("failed: ") + (docs / bad).string() + ": "),
              std::string::npos)
        << bad << "\n"
        << r.output;
  }
  EXPECT_NE(r.output.find("2 added"), std::string::npos) << r.output;  // good.txt and latin1.txt
  EXPECT_EQ(run_command(foilog_bin() + " check --db " + quote(db)).status, 0);
  // Running again retries only the failures and changes nothing else.
  const auto again = index_into(db, quote(docs));
  EXPECT_NE(again.output.find("0 added, 0 replaced, 2 unchanged, 4 failed"), std::string::npos)
      << again.output;
}

// kill -9 in the middle of batches, several times: every run after a kill
// repairs the stores, and the final state equals an uninterrupted run. With
// batches of 4 the kills land mid-batch, after 4, 8, 4 and 12 documents were
// committed (so 28 of 40 before the last, uninterrupted run).
TEST(Cli, AFaultSpecThatCannotBeCarriedOutIsRefusedByName) {
  TempDir dir;
  const auto db = dir.path() / "db";
  for (const std::string spec : {"pause_after:3", "pause_after:3:", "sigkill_afterwards:2"}) {
    const auto r = run_command("FOILOG_FAULT=" + spec + " " + foilog_bin() +
                               " index --quiet --db " + quote(db) + " " + corpus_dirs());
    EXPECT_EQ(r.status, 2) << spec << ": " << r.output;
    EXPECT_NE(r.output.find("FOILOG_FAULT"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("pause_after:N:FILE"), std::string::npos) << r.output;
  }
}

TEST(Cli, KillNineLeavesBothStoresConsistent) {
  TempDir dir;
  const auto db = dir.path() / "db";
  for (const int kill_after : {6, 9, 5, 13}) {
    const auto r = run_command("FOILOG_FAULT=sigkill_after:" + std::to_string(kill_after) + " " +
                               foilog_bin() + " index --quiet --batch 4 --db " + quote(db) + " " +
                               corpus_dirs());
    EXPECT_EQ(r.status, 128 + SIGKILL) << r.output;
    const auto check = run_command(foilog_bin() + " check --db " + quote(db));
    // Read-only check straight after a kill may see pending rows: only the next
    // writer repairs.
    EXPECT_NE(check.output.find("sqlite documents:"), std::string::npos) << check.output;
  }
  const auto final_run = index_into(db, corpus_dirs());
  EXPECT_EQ(final_run.status, 0) << final_run.output;
  const auto check = run_command(foilog_bin() + " check --db " + quote(db));
  EXPECT_EQ(check.status, 0) << check.output;
  auto store = Store::open(db, Store::Mode::kReadOnly);
  EXPECT_EQ(store->document_ids().size(), labelled_count());
}

TEST(Cli, UsageErrorsNameTheOption) {
  auto r = run_command(foilog_bin() + " index --batch=0 x");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("--batch"), std::string::npos) << r.output;
  r = run_command(foilog_bin() + " index --colour red x");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("--colour"), std::string::npos) << r.output;
  r = run_command(foilog_bin() + " check --db /nonexistent/db");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("/nonexistent/db"), std::string::npos) << r.output;
  r = run_command(foilog_bin() + " frobnicate");
  EXPECT_EQ(r.status, 2);
  for (const char* sub : {"index", "extract", "eval", "reindex", "compact", "stats", "check"}) {
    EXPECT_EQ(run_command(foilog_bin() + " " + sub + " --help").status, 0) << sub;
  }
}

}  // namespace
}  // namespace foilog::testing
