// The store: SQLite (DIR/foilog.sqlite) is the source of truth; Xapian (DIR/xapian) is derived
// from it and can always be rebuilt (reindex) or repaired (reconcile).
//
// Crash safety: put() writes SQLite rows marked xapian_pending inside the batch transaction;
// commit() commits SQLite first, then writes and commits Xapian, then clears the marks. A kill
// at any point leaves either uncommitted SQLite (rolled back by SQLite), pending rows (indexed by
// reconcile), or Xapian documents SQLite no longer has (deleted by reconcile). Opening
// read-write always reconciles.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "store/accounts.h"
#include "store/synonyms.h"
#include "taxonomy/bank_holidays.h"

namespace foilog {

class CommitLock;
class WriteLock;
class XapianIndexer;

// documents.status. Only published documents are in Xapian and on public pages; `foilog index`
// publishes, an upload through /publish waits in review until its authority releases it.
enum class DocumentStatus { kPublished, kReview, kWithdrawn };
[[nodiscard]] std::string_view status_name(DocumentStatus status);
[[nodiscard]] std::optional<DocumentStatus> parse_status(std::string_view name);

struct SourceInfo {
  std::string path;    // the document's key in the store (empty: Record::file)
  std::string sha256;  // of the source file's bytes (empty: of Record::text)
  std::uint64_t size = 0;
  std::string format;  // empty: Record::format
};

enum class PutResult { kAdded, kReplaced, kUnchanged };

// A document's publishing state (documents.status and friends).
struct DocumentState {
  std::int64_t id = 0;
  DocumentStatus status = DocumentStatus::kPublished;
  std::string authority_id;
  std::string path;
  std::string withdrawn_at, withdrawn_reason, purged_at;  // empty unless withdrawn / purged
};

struct CorrectionRow {
  std::int64_t id = 0;
  std::string field;
  nlohmann::json value;
  std::string actor, at;
};

struct AuthorityRow {
  std::string id, name, type, country;
  std::vector<std::string> aliases;
};

struct ExemptionRow {
  std::string act, provision, title, parent;
  bool absolute = false, ncnd = false;
};

struct ReconcileReport {
  std::size_t indexed = 0;  // SQLite documents (re)written to Xapian
  std::size_t removed = 0;  // Xapian documents deleted because SQLite no longer has them
};

struct CheckReport {
  bool ok = true;
  std::vector<std::string> problems;  // each names what differs and how to fix it
  std::size_t sqlite_docs = 0, xapian_docs = 0;
};

struct StoreOptions {
  // Synonyms loaded into Xapian. Unset: FOILOG_SOURCE_DIR/data/synonyms.tsv when it exists
  // (installed copies may have none). Set but empty: no synonyms. Set: must be readable.
  std::optional<std::filesystem::path> synonyms_file;
  // Threads generating terms when a commit writes to Xapian (the writer is always one thread).
  // 0: one per core.
  unsigned index_threads = 0;
  // Read-write only: new documents are numbered from this id up (store/first_id.h), recorded in
  // the store so every later writer keeps to it. Unset: whatever the store recorded, else 1.
  std::optional<std::int64_t> first_document_id = std::nullopt;
};

// The moments inside commit() at which the two stores disagree until the next step: after the
// SQLite COMMIT (rows committed, still marked pending, Xapian not yet written) and after the
// Xapian commit (the marks not yet cleared). Observed by the fault injector (ingest/).
enum class CommitStage { kSqliteCommitted, kXapianCommitted };

// Simulated failures, for the crash-safety tests only.
enum class TestFault {
  kNone,
  kSkipXapianCommit,  // commit() stops after the SQLite COMMIT, as if killed there
};

class Store {
  struct Key {};  // open() is the only way to construct

 public:
  enum class Mode { kReadOnly, kReadWrite };

  // DIR holds foilog.sqlite and xapian/ (created on first write). ReadWrite takes an exclusive
  // flock on DIR/write.lock (DataError "another foilog process is writing to DIR (DIR/write.lock
  // is held)"), migrates the schema and runs reconcile(). ReadOnly needs an existing store.
  static std::unique_ptr<Store> open(const std::filesystem::path& dir, Mode mode,
                                     const StoreOptions& options = {});

  Store(Key, std::filesystem::path dir, Mode mode);
  ~Store();  // commits an open batch (each put is complete on its own)
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Replaces the taxonomy tables (authorities, aliases, exemptions) with these rows.
  void sync_taxonomy(const std::vector<AuthorityRow>& authorities,
                     const std::vector<ExemptionRow>& exemptions);

  // Idempotent: same path + same sha256 -> kUnchanged and nothing written; same path with a new
  // hash -> kReplaced (keeps the document id and re-applies the stored corrections, so they
  // survive re-extraction); new path -> kAdded. A withdrawn document is never brought back by
  // its file: kUnchanged, nothing written. Joins the open batch.
  PutResult put(const Record& rec, const SourceInfo& src);
  // The same with a status: unset, a new document is published and a replaced one keeps its
  // status; set, the document gets it (an upload goes to review).
  PutResult put(const Record& rec, const SourceInfo& src, std::optional<DocumentStatus> status);
  // Bank holidays for the working days of a corrected date. Until set: FOILOG_SOURCE_DIR/data/
  // bank-holidays-england-wales.tsv when it exists (else a corrected date clears working days).
  void set_bank_holidays(BankHolidays holidays);
  // Removes the document stored under path (false when there is none). Joins the open batch.
  bool remove(const std::string& path);
  void record_error(const std::string& path, const std::string& reason);  // upsert by path
  void clear_error(const std::string& path);

  // Commits the batch: SQLite COMMIT, then Xapian, then clears the pending marks, holding
  // DIR/commit.lock throughout (store/commit_lock.h).
  void commit();
  // Indexes pending rows and SQLite documents missing from Xapian; deletes Xapian documents
  // whose id SQLite does not have. ReadWrite only.
  ReconcileReport reconcile();
  // What the reconcile run by open() found to repair (all zero after a clean shutdown).
  [[nodiscard]] const ReconcileReport& opening_reconcile() const { return opening_reconcile_; }
  // Rebuilds Xapian from SQLite into DIR/xapian.new, then swaps it in atomically.
  void reindex();
  // Commits, then copies the live Xapian index into DIR/xapian.new by Xapian's compaction
  // (B-tree blocks filled, what deleted and replaced documents left behind dropped) and swaps
  // the copy in atomically. Searches give the same answers; the files shrink (by about a third
  // after a bulk `foilog index`: bench/RESULTS.md). Readers reopen as after a reindex.
  void compact();

  [[nodiscard]] CheckReport check() const;
  [[nodiscard]] nlohmann::json stats() const;
  // {"id", "record": record JSON with text, "source": {path, sha256, size, format, ingested_at}}
  [[nodiscard]] std::optional<nlohmann::json> get_document(std::int64_t id) const;
  [[nodiscard]] std::optional<std::int64_t> find_document(const std::string& path) const;
  // The SHA-256 of the file stored under path, if any (what put() compares to skip it).
  [[nodiscard]] std::optional<std::string> stored_sha256(const std::string& path) const;
  // Every document in SQLite, whatever its status.
  [[nodiscard]] std::vector<std::int64_t> document_ids() const;
  // The published ones: exactly what Xapian holds once committed.
  [[nodiscard]] std::vector<std::int64_t> published_ids() const;

  // ---- publishing (store_publish.cpp, store_purge.cpp) ----
  [[nodiscard]] std::optional<DocumentState> document_state(std::int64_t id) const;
  // Review -> published: indexed at the next commit(). False unless it was in review.
  bool release(std::int64_t id);
  // Review or published -> withdrawn: at the next commit() it is deleted from Xapian, with the
  // spelling entries only it gave ("did you mean" must not suggest its words). The record stays
  // in SQLite until purge(). False when it was already withdrawn.
  bool withdraw(std::int64_t id, const std::string& reason);
  // Applies one correction (store/corrections.h) to the stored record and records it; a
  // published document is re-indexed at the next commit(). Throws UsageError for a field or
  // value that cannot be applied, DataError for an unknown or withdrawn document.
  Record correct(std::int64_t id, const std::string& field, const nlohmann::json& value,
                 const Actor& who);
  // Oldest first: the order they are applied in.
  [[nodiscard]] std::vector<CorrectionRow> corrections(std::int64_t id) const;
  // Removes the text of withdrawn documents from the data files: their record, questions,
  // child rows and corrections are deleted under SQLite secure_delete, the database is vacuumed
  // and its WAL checkpointed and truncated, their uploaded originals deleted, and Xapian is
  // compacted into a fresh copy that is swapped in. ids empty: every withdrawn document not yet
  // purged. Returns the ids purged. Commits first. Throws DataError for an id that is not
  // withdrawn, or when readers keep the WAL from being truncated.
  std::vector<std::int64_t> purge(const std::vector<std::int64_t>& ids = {});

  // The connection, for the tables with no Xapian side (store/accounts.h): accounts, tokens,
  // sessions, audit log. Statements run in the open batch when there is one.
  [[nodiscard]] SqliteDb& database() { return *db_; }

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::filesystem::path xapian_path() const;
  [[nodiscard]] std::filesystem::path sqlite_path() const;
  [[nodiscard]] Mode mode() const { return mode_; }
  // Rows SQLite changed through this Store since open (sqlite3_total_changes64).
  [[nodiscard]] std::int64_t sqlite_changes() const;

  void set_test_fault(TestFault fault) { fault_ = fault; }
  // Called at each CommitStage of commit() (not of the reconcile inside open()).
  void set_commit_observer(std::function<void(CommitStage)> observer) {
    commit_observer_ = std::move(observer);
  }

 private:
  void open_read_write(const StoreOptions& options);
  void open_read_only();
  void open_xapian();
  void recover_xapian_swap();
  void sync_synonyms(const StoreOptions& options);
  void begin_batch();
  void abandon_batch() noexcept;  // rolls back the open batch after a failed write
  void require_writable(const char* operation) const;
  [[nodiscard]] const BankHolidays* holidays();
  void compact_xapian();
  // Writes removed ids and pending rows to Xapian, commits it, clears the marks.
  std::size_t flush_to_xapian();
  std::size_t write_pending_to_xapian();  // flush_to_xapian() without its error translation

  std::filesystem::path dir_;
  Mode mode_;
  std::unique_ptr<WriteLock> lock_;
  std::unique_ptr<CommitLock> commit_lock_;
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<Xapian::WritableDatabase> xapian_;
  std::unique_ptr<XapianIndexer> indexer_;
  std::vector<SynonymPair> synonyms_;
  std::optional<BankHolidays> holidays_;
  bool holidays_loaded_ = false;
  std::string synonyms_sha256_;
  std::vector<std::int64_t> removed_ids_;
  TestFault fault_ = TestFault::kNone;
  std::function<void(CommitStage)> commit_observer_;
  ReconcileReport opening_reconcile_;
  unsigned index_threads_ = 1;
  std::int64_t first_id_ = 0;  // meta.first_document_id; 0: number from 1
};

}  // namespace foilog
