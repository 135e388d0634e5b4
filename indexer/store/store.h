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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "store/synonyms.h"

namespace foilog {

class SqliteDb;
class WriteLock;
class XapianIndexer;

struct SourceInfo {
  std::string path;    // the document's key in the store (empty: Record::file)
  std::string sha256;  // of the source file's bytes (empty: of Record::text)
  std::uint64_t size = 0;
  std::string format;  // empty: Record::format
};

enum class PutResult { kAdded, kReplaced, kUnchanged };

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
};

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
  // hash -> kReplaced (keeps the document id); new path -> kAdded. Joins the open batch.
  PutResult put(const Record& rec, const SourceInfo& src);
  // Removes the document stored under path (false when there is none). Joins the open batch.
  bool remove(const std::string& path);
  void record_error(const std::string& path, const std::string& reason);  // upsert by path
  void clear_error(const std::string& path);

  // Commits the batch: SQLite COMMIT, then Xapian, then clears the pending marks.
  void commit();
  // Indexes pending rows and SQLite documents missing from Xapian; deletes Xapian documents
  // whose id SQLite does not have. ReadWrite only.
  ReconcileReport reconcile();
  // Rebuilds Xapian from SQLite into DIR/xapian.new, then swaps it in atomically.
  void reindex();

  [[nodiscard]] CheckReport check() const;
  [[nodiscard]] nlohmann::json stats() const;
  // {"id", "record": record JSON with text, "source": {path, sha256, size, format, ingested_at}}
  [[nodiscard]] std::optional<nlohmann::json> get_document(std::int64_t id) const;
  [[nodiscard]] std::optional<std::int64_t> find_document(const std::string& path) const;
  [[nodiscard]] std::vector<std::int64_t> document_ids() const;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::filesystem::path xapian_path() const;
  [[nodiscard]] std::filesystem::path sqlite_path() const;
  [[nodiscard]] Mode mode() const { return mode_; }
  // Rows SQLite changed through this Store since open (sqlite3_total_changes64).
  [[nodiscard]] std::int64_t sqlite_changes() const;

  void set_test_fault(TestFault fault) { fault_ = fault; }

 private:
  void open_read_write(const StoreOptions& options);
  void open_read_only();
  void open_xapian();
  void recover_xapian_swap();
  void sync_synonyms(const StoreOptions& options);
  void begin_batch();
  void require_writable(const char* operation) const;
  // Writes removed ids and pending rows to Xapian, commits it, clears the marks.
  std::size_t flush_to_xapian();

  std::filesystem::path dir_;
  Mode mode_;
  std::unique_ptr<WriteLock> lock_;
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<Xapian::WritableDatabase> xapian_;
  std::unique_ptr<XapianIndexer> indexer_;
  std::vector<SynonymPair> synonyms_;
  std::string synonyms_sha256_;
  std::vector<std::int64_t> removed_ids_;
  TestFault fault_ = TestFault::kNone;
};

}  // namespace foilog
