// Store::purge(): a withdrawn response's text must leave the data files themselves, not only
// the pages: SQLite keeps deleted rows in free pages and in its WAL, Xapian keeps them in old
// revisions and freed blocks, and an upload keeps its original file.
#include <chrono>
#include <mutex>
#include <thread>

#include "extract/record_json.h"
#include "schema/schema.h"
#include "store/commit_lock.h"
#include "store/document_rows.h"
#include "store/store.h"
#include "store/xapian_swap.h"
#include "util/error.h"

namespace foilog {
namespace fs = std::filesystem;
namespace {

// Checkpoints the WAL into the database file and truncates it to nothing. TRUNCATE waits (busy
// handler) for readers to leave the log; a reader that stays past the timeout makes it report
// busy, which is retried before giving up.
void truncate_wal(SqliteDb& db) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto st = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (st.step() && st.int64(0) == 0) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  throw DataError(db.name() +
                  ": readers kept the write-ahead log busy, so the purged text may still be in "
                  "it; run `foilog purge` again");
}

bool inside(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(file, ec);
  const fs::path d = fs::weakly_canonical(dir, ec);
  if (ec) {
    return false;
  }
  auto fi = f.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++fi) {
    if (fi == f.end() || *fi != *di) {
      return false;
    }
  }
  return fi != f.end();
}

}  // namespace

std::vector<std::int64_t> Store::purge(const std::vector<std::int64_t>& ids) {
  require_writable("purge");
  const std::lock_guard commit_guard(*commit_lock_);  // held across the compaction and swap
  commit();  // a pending withdrawal reaches Xapian before it is compacted
  std::vector<std::int64_t> targets;
  if (ids.empty()) {
    auto st = db_->prepare(
        "SELECT id FROM documents WHERE status = 'withdrawn' AND purged_at IS NULL ORDER BY id");
    while (st.step()) {
      targets.push_back(st.int64(0));
    }
  } else {
    for (const std::int64_t id : ids) {
      const auto state = document_state(id);
      if (!state || state->status != DocumentStatus::kWithdrawn) {
        throw DataError("document " + std::to_string(id) +
                        " is not withdrawn; only a withdrawn response can be purged");
      }
      targets.push_back(id);
    }
  }

  std::vector<fs::path> originals;
  // secure_delete: SQLite overwrites what it frees with zeros instead of leaving it in the page.
  db_->exec("PRAGMA secure_delete = ON");
  db_->exec("BEGIN IMMEDIATE");
  try {
    for (const std::int64_t id : targets) {
      const auto state = document_state(id);
      Record stub;  // what remains: who it belonged to, nothing it said
      stub.file = state->path;
      stub.authority_id = state->authority_id;
      db_->prepare(
             "UPDATE documents SET record = ?1, reference = NULL, authority_type = NULL, "
             "date_received = NULL, date_responded = NULL, working_days = NULL, "
             "within_limit = NULL, outcome = NULL, kind = NULL, xapian_pending = 0, "
             "purged_at = coalesce(purged_at, ?2) WHERE id = ?3")
          .bind(1, record_to_json(stub, true).dump())
          .bind(2, utc_timestamp_now())
          .bind(3, id)
          .run();
      for (const char* sql : {"DELETE FROM document_exemptions WHERE document_id = ?1",
                              "DELETE FROM questions WHERE document_id = ?1",
                              "DELETE FROM document_topics WHERE document_id = ?1",
                              "DELETE FROM document_regimes WHERE document_id = ?1",
                              "DELETE FROM corrections WHERE document_id = ?1"}) {
        db_->prepare(sql).bind(1, id).run();
      }
      if (inside(state->path, dir_ / schema::file::kUploads)) {
        originals.emplace_back(state->path);
      }
    }
    db_->exec("COMMIT");
  } catch (...) {
    db_->exec("ROLLBACK");
    throw;
  }
  // The old pages went to the WAL's earlier frames and free pages: checkpoint, then VACUUM
  // rewrites the file without free pages or slack, then the WAL that carried the rewrite goes.
  truncate_wal(*db_);
  db_->exec("VACUUM");
  truncate_wal(*db_);
  for (const auto& file : originals) {
    std::error_code ec;
    fs::remove(file, ec);
    if (ec) {
      throw DataError(file.string() + ": cannot delete the withdrawn original: " + ec.message());
    }
  }
  compact_xapian();
  return targets;
}

void Store::compact() {
  require_writable("compact");
  const std::lock_guard commit_guard(*commit_lock_);  // held across the compaction and swap
  commit();
  compact_xapian();
}

void Store::compact_xapian() {
  xapian_->commit();
  const fs::path fresh = dir_ / schema::file::kXapianNew;
  fs::remove_all(fresh);
  try {
    // Compaction copies only what the latest revision uses: deleted documents' postings,
    // positions and data stay behind in the old copy, which the swap deletes.
    Xapian::Database live(xapian_path().string());
    live.compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    fs::remove_all(fresh);
    throw DataError(xapian_path().string() + ": cannot compact the index: " + e.get_description());
  }
  xapian_->close();
  xapian_.reset();
  swap_in_directory(fresh, xapian_path(), dir_ / schema::file::kXapianOld);
  open_xapian();
}

}  // namespace foilog
