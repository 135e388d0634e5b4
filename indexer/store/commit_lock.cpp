#include "store/commit_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

#include "schema/schema.h"
#include "util/error.h"

namespace foilog {

CommitLock::CommitLock(const std::filesystem::path& dir) : file_(dir / schema::file::kCommitLock) {
  fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw DataError(file_.string() + ": cannot open the commit lock: " + std::strerror(errno));
  }
}

CommitLock::~CommitLock() {
  ::close(fd_);  // closing the descriptor releases the flock
}

void CommitLock::lock() {
  if (depth_ == 0) {
    int rc = 0;
    do {
      rc = ::flock(fd_, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
      throw DataError(file_.string() + ": cannot lock: " + std::strerror(errno));
    }
  }
  ++depth_;
}

bool CommitLock::try_lock_for(std::chrono::milliseconds wait) {
  if (depth_ > 0) {
    ++depth_;
    return true;
  }
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
      depth_ = 1;
      return true;
    }
    if (errno != EWOULDBLOCK && errno != EINTR) {
      throw DataError(file_.string() + ": cannot lock: " + std::strerror(errno));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling with a deadline
  }
}

void CommitLock::unlock() {
  if (depth_ > 0 && --depth_ == 0) {
    ::flock(fd_, LOCK_UN);
  }
}

}  // namespace foilog
