// R5 single writer: a second `foilog index` started while one runs exits non-zero within 2 s,
// naming the database and the lock; the first run's result equals a solo run's.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "reliability/server_process.h"
#include "reliability/storage_support.h"

namespace foilog::testing {
namespace {

// Whether some process holds an flock() on DB/write.lock, read from /proc/locks. Taking the lock
// for an instant to find out (LOCK_NB) would be a race: a first indexer reaching its own
// lock in that instant is refused, and the test fails for a reason of its own making.
bool write_lock_held(const std::filesystem::path& db) {
  struct stat st {};
  if (::stat((db / schema::file::kWriteLock).c_str(), &st) != 0) {
    return false;
  }
  // "1: FLOCK  ADVISORY  WRITE 25761 fe:00:10952864 0 EOF": the sixth field ends in ":inode".
  const std::string inode_suffix = ":" + std::to_string(st.st_ino);
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream fields(line);
    std::string number, kind, mode, access, pid, device_inode;
    fields >> number >> kind >> mode >> access >> pid >> device_inode;
    if (kind == "FLOCK" && device_inode.size() > inode_suffix.size() &&
        device_inode.ends_with(inode_suffix)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> index_args(const std::filesystem::path& db, std::size_t batch,
                                    const std::vector<std::filesystem::path>& roots) {
  std::vector<std::string> args = {"index",     "--quiet", "--db",
                                   db.string(), "--batch", std::to_string(batch)};
  for (const auto& r : roots) {
    args.push_back(r.string());
  }
  return args;
}

TEST(R5SingleWriter, SecondIndexerIsRefusedQuicklyAndTheFirstIsUnharmed) {
  TempDir tmp;
  const std::size_t generated = scaled(60, 2000);
  const std::size_t batch = 20;
  const std::vector<std::filesystem::path> roots = {generated_corpus(tmp.path(), generated)};
  const auto db = tmp.path() / "db";

  ChildProcess first(index_args(db, batch, roots), tmp.path() / "first.log");
  ASSERT_TRUE(wait_until([&] { return write_lock_held(db) || first.finished(); },
                         std::chrono::seconds(60)));
  ASSERT_FALSE(first.finished()) << "the first run ended before the second could start: "
                                 << first.log();

  const auto started = std::chrono::steady_clock::now();
  const auto second = index_command(db, roots, batch);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "R5: the second indexer exited " << second.status << " after " << seconds
            << " s: " << second.output;
  EXPECT_NE(second.status, 0);
  EXPECT_LT(seconds, 2.0);
  EXPECT_NE(second.output.find(db.string()), std::string::npos) << second.output;
  EXPECT_NE(second.output.find((db / schema::file::kWriteLock).string()), std::string::npos)
      << second.output;

  EXPECT_EQ(first.wait(), 0) << first.log();
  expect_consistent(db);

  const auto solo_db = tmp.path() / "solo";
  ASSERT_EQ(index_command(solo_db, roots, batch).status, 0);
  EXPECT_TRUE(store_fingerprint(db) == store_fingerprint(solo_db))
      << "the first run's store differs from a solo run's";
}

}  // namespace
}  // namespace foilog::testing
