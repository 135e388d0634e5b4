// R3 idempotent re-ingest: indexing the same files again changes nothing: 0 SQLite rows
// (sqlite3_total_changes64, printed by `foilog index`), the same Xapian documents with the same
// data, terms and values, and a byte-identical `foilog export --format csv`.
#include <gtest/gtest.h>

#include <iostream>

#include "reliability/storage_support.h"

namespace foilog::testing {
namespace {

std::string export_csv(const std::filesystem::path& db) {
  const auto r = run_command(foilog_bin() + " export --db " + quote(db) + " --format csv");
  EXPECT_EQ(r.status, 0) << r.output;
  return r.output;
}

// What the second run reports as changed rows ("sqlite rows changed: N").
long rows_changed(const std::string& output) {
  const std::string key = "sqlite rows changed: ";
  const auto at = output.find(key);
  return at == std::string::npos ? -1 : std::stol(output.substr(at + key.size()));
}

TEST(R3IdempotentReingest, SecondRunChangesNothing) {
  TempDir tmp;
  const std::size_t generated = scaled(60, 10000 - 40);
  const auto roots = sample_and_generated(tmp.path(), generated);
  const auto db = tmp.path() / "db";
  const std::size_t batch = scaled(50, 500);

  const auto first = index_command(db, roots, batch);
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_GT(rows_changed(first.output), 0);
  const std::string csv_before = export_csv(db);
  const std::string fingerprint_before = store_fingerprint(db);
  const auto docs_before = Xapian::Database((db / schema::file::kXapian).string()).get_doccount();
  const auto documents_before = sqlite_int(db, "SELECT COUNT(*) FROM documents");

  const auto started = std::chrono::steady_clock::now();
  const auto second = index_command(db, roots, batch);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(second.status, 0) << second.output;
  EXPECT_EQ(rows_changed(second.output), 0) << second.output;
  EXPECT_NE(second.output.find(" 0 added, 0 replaced, " + std::to_string(document_count(roots)) +
                               " unchanged, 0 failed"),
            std::string::npos)
      << second.output;
  EXPECT_EQ(Xapian::Database((db / schema::file::kXapian).string()).get_doccount(), docs_before);
  EXPECT_EQ(sqlite_int(db, "SELECT COUNT(*) FROM documents"), documents_before);
  EXPECT_TRUE(store_fingerprint(db) == fingerprint_before) << "stored records or Xapian changed";
  const std::string csv_after = export_csv(db);
  EXPECT_EQ(csv_after.size(), csv_before.size());
  EXPECT_TRUE(csv_after == csv_before) << "the CSV export changed";
  expect_consistent(db);
  std::cout << "R3: " << document_count(roots) << " documents, " << docs_before
            << " Xapian documents (with questions), CSV " << csv_before.size()
            << " bytes, second run " << seconds << " s\n";
}

}  // namespace
}  // namespace foilog::testing
