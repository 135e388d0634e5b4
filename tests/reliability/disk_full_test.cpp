// R6 disk full: `foilog index` under RLIMIT_FSIZE (prlimit; a tmpfs cannot be mounted without
// root) just above the store's current file sizes. The run must exit non-zero with a message
// naming the file it could not write; what was committed before must still pass R1's checks, and
// a run without the limit must then complete.
#include <gtest/gtest.h>

#include <iostream>

#include "reliability/storage_support.h"

namespace foilog::testing {
namespace {

std::uintmax_t largest_file(const std::filesystem::path& dir) {
  std::uintmax_t largest = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      largest = std::max(largest, e.file_size());
    }
  }
  return largest;
}

TEST(R6DiskFull, FileSizeLimitFailsTheRunNamingTheFileAndKeepsCommittedData) {
  if (run_command("prlimit --version").status != 0) {
    GTEST_SKIP() << "prlimit (util-linux) is not installed";
  }
  TempDir tmp;
  const auto db = tmp.path() / "db";
  const std::vector<std::filesystem::path> before = {source_dir() / "data" / "corpus",
                                                     source_dir() / "data" / "seeds"};
  ASSERT_EQ(index_command(db, before, 20).status, 0);
  const auto committed_before = sqlite_int(db, "SELECT COUNT(*) FROM documents");

  const auto more = generated_corpus(tmp.path(), scaled(100, 2000));
  // The first file to outgrow the limit fails its write with EFBIG (foilog ignores SIGXFSZ).
  const std::uintmax_t limit = largest_file(db) + 64 * 1024;
  const auto full = run_command("prlimit --fsize=" + std::to_string(limit) + " " + foilog_bin() +
                                " index --quiet --db " + quote(db) + " --batch 10 " + quote(more));
  std::cout << "R6: limit " << limit << " bytes -> exit " << full.status << ": " << full.output;
  EXPECT_NE(full.status, 0);
  EXPECT_LT(full.status, 128) << "killed by a signal instead of reporting the error";
  // Names a file of the store and why it could not be written.
  const bool names_file =
      full.output.find((db / schema::file::kSqlite).string()) != std::string::npos ||
      full.output.find((db / schema::file::kXapian).string()) != std::string::npos;
  EXPECT_TRUE(names_file) << full.output;
  EXPECT_NE(full.output.find("File too large"), std::string::npos) << full.output;

  // What was committed before the failure is intact, before any repair.
  const StoreAudit a = audit_store(db);
  EXPECT_EQ(a.integrity, "ok");
  EXPECT_EQ(a.xapian_check_status, 0) << a.xapian_check_output;
  EXPECT_TRUE(a.missing.empty()) << a.missing.size() << " committed documents lack a Q posting";
  EXPECT_TRUE(a.duplicated.empty());
  EXPECT_TRUE(a.stale.empty());
  EXPECT_GE(sqlite_int(db, "SELECT COUNT(*) FROM documents"), committed_before);

  // With room again the same command completes.
  const auto again = index_command(db, {more}, 10);
  EXPECT_EQ(again.status, 0) << again.output;
  expect_consistent(db);
}

}  // namespace
}  // namespace foilog::testing
