#include "store/write_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "schema/schema.h"
#include "util/error.h"

namespace foilog {

WriteLock::WriteLock(const std::filesystem::path& dir) {
  const std::filesystem::path lock_file = dir / schema::file::kWriteLock;
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw DataError(lock_file.string() + ": cannot open the write lock: " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw WriteLockHeld("another foilog process is writing to " + dir.string() + " (" +
                          lock_file.string() + " is held)");
    }
    throw DataError(lock_file.string() + ": cannot lock: " + std::strerror(err));
  }
}

WriteLock::~WriteLock() {
  if (fd_ >= 0) {
    ::close(fd_);  // closing the descriptor releases the flock
  }
}

}  // namespace foilog
