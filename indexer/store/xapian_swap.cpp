#include "store/xapian_swap.h"

#include <fcntl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "util/error.h"

namespace foilog {
namespace fs = std::filesystem;

void swap_in_directory(const fs::path& fresh, const fs::path& live, const fs::path& old) {
  if (!fs::exists(live)) {
    fs::rename(fresh, live);
    return;
  }
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(fresh);  // now holds the old database
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    throw DataError(live.string() + ": cannot swap in the rebuilt index from " + fresh.string() +
                    ": " + std::strerror(errno));
  }
  fs::remove_all(old);
  fs::rename(live, old);
  fs::rename(fresh, live);
  fs::remove_all(old);
}

void recover_swap(const fs::path& fresh, const fs::path& live, const fs::path& old) {
  if (!fs::exists(live) && fs::exists(old)) {
    // Killed between the two fallback renames: the old database is complete, put it back.
    fs::rename(old, live);
  }
  // Either an abandoned build or the old copy after a swap; neither is live.
  fs::remove_all(fresh);
  fs::remove_all(old);
}

}  // namespace foilog
