// `foilog backup`: a consistent copy of a store while the server and even `foilog index` run.
// Both stores are copied under DIR/commit.lock (store/commit_lock.h), so they are at the same
// commit: SQLite with VACUUM INTO (a transactional snapshot, free pages dropped), Xapian with
// Database::compact of the latest revision (docids kept), the uploaded originals file by file.
// The copy is built beside DEST and renamed into place, so DEST is either complete or absent.
// Restoring is pointing --db at the copy (or moving it to where the old store was).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

namespace foilog {

struct BackupReport {
  std::size_t documents = 0;    // published documents in the copy (= its Xapian docs)
  std::string xapian_revision;  // of the live index that was copied
  std::size_t reconciled = 0;   // repairs the copy needed (a writer killed mid-commit)
  double seconds_locked = 0;    // how long writers' commits were held up
  double seconds = 0;
};

// Throws UsageError when DEST exists, DataError naming the file when a copy fails or the
// commit lock stays held longer than `wait`. The copy is verified (Store::check) before the
// rename; on any failure nothing is left at DEST.
BackupReport backup_store(const std::filesystem::path& dir, const std::filesystem::path& dest,
                          std::chrono::milliseconds wait);

}  // namespace foilog
