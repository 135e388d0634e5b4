#include "store/backup.h"

#include <unistd.h>
#include <xapian.h>

#include <mutex>

#include "schema/schema.h"
#include "store/commit_lock.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "util/error.h"

namespace foilog {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Removes a half-built copy unless released: a failed backup leaves nothing behind.
class PartialCopy {
 public:
  explicit PartialCopy(fs::path dir) : dir_(std::move(dir)) {}
  ~PartialCopy() {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }
  PartialCopy(const PartialCopy&) = delete;
  PartialCopy& operator=(const PartialCopy&) = delete;
  [[nodiscard]] const fs::path& path() const { return dir_; }
  void release() { dir_.clear(); }

 private:
  fs::path dir_;
};

void copy_sqlite(const fs::path& from, const fs::path& to) {
  SqliteDb source(from, true);
  // VACUUM INTO reads one snapshot (a read transaction), so a writer's open batch is not in it.
  source.prepare("VACUUM INTO ?1").bind(1, to.string()).run();
}

std::string copy_xapian(const fs::path& from, const fs::path& to) {
  try {
    Xapian::Database live(from.string());
    const std::string revision = std::to_string(live.get_revision());
    live.compact(to.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    return revision;
  } catch (const Xapian::Error& e) {
    throw DataError(from.string() + ": cannot copy the Xapian index to " + to.string() + ": " +
                    e.get_description());
  }
}

void copy_uploads(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from)) {
    return;
  }
  std::error_code ec;
  fs::copy(from, to, fs::copy_options::recursive, ec);
  if (ec) {
    throw DataError(from.string() + ": cannot copy the uploaded originals to " + to.string() +
                    ": " + ec.message());
  }
}

}  // namespace

BackupReport backup_store(const fs::path& dir, const fs::path& dest,
                          std::chrono::milliseconds wait) {
  const auto started = Clock::now();
  if (!fs::exists(dir / schema::file::kSqlite) || !fs::exists(dir / schema::file::kXapian)) {
    throw UsageError("--db", dir.string() + " holds no foilog store (no " +
                                 std::string(schema::file::kSqlite) + " and " +
                                 std::string(schema::file::kXapian) + "/)");
  }
  if (fs::exists(dest)) {
    throw UsageError("DEST", dest.string() + " already exists; give a new directory");
  }
  const fs::path parent = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  PartialCopy partial(parent /
                      ("." + dest.filename().string() + ".partial-" + std::to_string(::getpid())));
  fs::create_directories(partial.path());

  BackupReport report;
  {
    CommitLock lock(dir);
    if (!lock.try_lock_for(wait)) {
      throw DataError(lock.file().string() + " stayed held for " +
                      std::to_string(wait.count() / 1000) +
                      " s (a long commit, reindex or purge); try again, or raise --wait");
    }
    const std::lock_guard held(lock, std::adopt_lock);
    const auto locked_at = Clock::now();
    copy_sqlite(dir / schema::file::kSqlite, partial.path() / schema::file::kSqlite);
    report.xapian_revision =
        copy_xapian(dir / schema::file::kXapian, partial.path() / schema::file::kXapian);
    copy_uploads(dir / schema::file::kUploads, partial.path() / schema::file::kUploads);
    report.seconds_locked = seconds_since(locked_at);
  }

  {
    // Read-write, so the copy is reconciled like any store after a crash (only a writer killed
    // mid-commit leaves anything to repair), then checked.
    const auto copy = Store::open(partial.path(), Store::Mode::kReadWrite);
    report.reconciled = copy->opening_reconcile().indexed + copy->opening_reconcile().removed;
    const CheckReport check = copy->check();
    if (!check.ok) {
      std::string problems;
      for (const auto& p : check.problems) {
        problems += "; " + p;
      }
      throw DataError(dest.string() + ": the copy failed its check" + problems);
    }
    report.documents = check.sqlite_docs;
  }
  std::error_code ec;
  fs::rename(partial.path(), dest, ec);
  if (ec) {
    throw DataError(dest.string() + ": cannot move the finished copy into place from " +
                    partial.path().string() + ": " + ec.message());
  }
  partial.release();
  report.seconds = seconds_since(started);
  return report;
}

}  // namespace foilog
