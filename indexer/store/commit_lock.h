// The commit lock: an flock() on DIR/commit.lock held while both stores change together (the
// SQLite COMMIT, the Xapian commit and clearing the pending marks; a reindex or purge swap) and
// while `foilog backup` copies them. Between commits the writer's changes are invisible to
// readers of either store (an open SQLite transaction; Xapian is written only inside commit()),
// so whoever holds this lock sees both stores at the same commit.
//
// Unlike write.lock (held by the one writer for its whole run), this one is held for moments,
// so a backup can be taken while `foilog index` runs. Re-entrant within one object (commit()
// inside reindex()), so it satisfies BasicLockable for std::lock_guard.
#pragma once

#include <chrono>
#include <filesystem>

namespace foilog {

class CommitLock {
 public:
  // Opens (creates) DIR/commit.lock; throws DataError naming it when it cannot.
  explicit CommitLock(const std::filesystem::path& dir);
  ~CommitLock();
  CommitLock(const CommitLock&) = delete;
  CommitLock& operator=(const CommitLock&) = delete;

  void lock();  // waits as long as it takes (holders keep it for moments)
  // Polls until `wait` has passed; false when another process still holds it.
  [[nodiscard]] bool try_lock_for(std::chrono::milliseconds wait);
  void unlock();

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  int fd_ = -1;
  int depth_ = 0;
};

}  // namespace foilog
