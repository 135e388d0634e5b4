// The single-writer guard: an exclusive flock() on DIR/write.lock held for the Store's lifetime.
// The kernel drops it when the process dies, so a killed writer never leaves a stale lock.
#pragma once

#include <filesystem>

namespace foilog {

class WriteLock {
 public:
  // Throws DataError("another foilog process is writing to DIR (DIR/write.lock is held)") when
  // another open file holds the lock (including another Store in this process).
  explicit WriteLock(const std::filesystem::path& dir);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace foilog
