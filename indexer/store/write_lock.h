// The single-writer guard: an exclusive flock() on DIR/write.lock held for the Store's lifetime.
// The kernel drops it when the process dies, so a killed writer never leaves a stale lock.
#pragma once

#include <filesystem>

#include "util/error.h"

namespace foilog {

// The lock is held by another writer (a running `foilog index`, or another Store): the store is
// fine, try again later. A DataError, so callers that do not care need not know it.
class WriteLockHeld : public DataError {
 public:
  using DataError::DataError;
};

class WriteLock {
 public:
  // Throws WriteLockHeld("another foilog process is writing to DIR (DIR/write.lock is held)") when
  // another open file holds the lock (including another Store in this process).
  explicit WriteLock(const std::filesystem::path& dir);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace foilog
