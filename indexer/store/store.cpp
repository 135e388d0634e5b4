#include "store/store.h"

#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

#include "extract/record_json.h"
#include "schema/schema.h"
#include "store/commit_lock.h"
#include "store/corrections.h"
#include "store/document_rows.h"
#include "store/first_id.h"
#include "store/migrations.h"
#include "store/sha256.h"
#include "store/sqlite_db.h"
#include "store/write_lock.h"
#include "store/xapian_batch.h"
#include "store/xapian_indexer.h"
#include "store/xapian_spelling.h"
#include "store/xapian_swap.h"
#include "util/error.h"
#include "util/parallel.h"

namespace foilog {
namespace fs = std::filesystem;

namespace {

// Rows of (id, record, ingested_at) in chunks of 256, so that a reconcile after a crash (every
// row pending) or a reindex needs no more memory than the commit of a normal batch. Remembers
// the end: stepping a finished SQLite statement would start it again.
class RecordChunks {
 public:
  explicit RecordChunks(SqliteStatement& rows) : rows_(rows) {}
  // The next chunk into `chunk`; false when there are no more rows.
  bool next(std::vector<StoredRecord>& chunk) {
    constexpr std::size_t kChunk = 256;
    chunk.clear();
    while (!done_ && chunk.size() < kChunk) {
      if (!rows_.step()) {
        done_ = true;
        break;
      }
      chunk.push_back({rows_.int64(0), rows_.text(1), rows_.text(2)});
    }
    return !chunk.empty();
  }

 private:
  SqliteStatement& rows_;
  bool done_ = false;
};

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    throw DataError(p.string() + ": cannot read the synonyms file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "Q42" -> 42, "Q42#3" -> 42; nullopt for anything else.
std::optional<std::int64_t> id_of_term(const std::string& term) {
  const std::size_t start = schema::prefix::kId.size();
  std::size_t end = start;
  while (end < term.size() && term[end] >= '0' && term[end] <= '9') {
    ++end;
  }
  if (end == start || (end != term.size() && term[end] != '#') || end - start > 18) {
    return std::nullopt;
  }
  return std::stoll(term.substr(start, end - start));
}

}  // namespace

std::string_view status_name(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kPublished:
      return schema::document_status::kPublished;
    case DocumentStatus::kReview:
      return schema::document_status::kReview;
    case DocumentStatus::kWithdrawn:
      return schema::document_status::kWithdrawn;
  }
  return schema::document_status::kPublished;
}

std::optional<DocumentStatus> parse_status(std::string_view name) {
  for (const auto s :
       {DocumentStatus::kPublished, DocumentStatus::kReview, DocumentStatus::kWithdrawn}) {
    if (status_name(s) == name) {
      return s;
    }
  }
  return std::nullopt;
}

Store::Store(Key, fs::path dir, Mode mode) : dir_(std::move(dir)), mode_(mode) {}

Store::~Store() {
  if (mode_ != Mode::kReadWrite || !db_) {
    return;
  }
  try {
    if (db_->in_transaction() || !removed_ids_.empty()) {
      commit();
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the rows stay
                   // pending and the next read-write open reconciles them.
  }
}

std::unique_ptr<Store> Store::open(const fs::path& dir, Mode mode, const StoreOptions& options) {
  auto store = std::make_unique<Store>(Key{}, dir, mode);
  if (mode == Mode::kReadWrite) {
    store->open_read_write(options);
  } else {
    store->open_read_only();
  }
  return store;
}

fs::path Store::xapian_path() const {
  return dir_ / schema::file::kXapian;
}
fs::path Store::sqlite_path() const {
  return dir_ / schema::file::kSqlite;
}
std::int64_t Store::sqlite_changes() const {
  return db_->total_changes();
}

void Store::open_read_only() {
  if (!fs::exists(sqlite_path())) {
    throw DataError(dir_.string() + ": no foilog store here (" + sqlite_path().string() +
                    " is missing); run `foilog index --db " + dir_.string() + " PATH` first");
  }
  db_ = std::make_unique<SqliteDb>(sqlite_path(), true);
  const int version = schema_version(*db_);
  if (version != schema::kSchemaVersion) {
    throw DataError(sqlite_path().string() + ": schema version " + std::to_string(version) +
                    ", this foilog needs " + std::to_string(schema::kSchemaVersion) +
                    "; open it read-write once (e.g. `foilog index`) to migrate");
  }
}

void Store::open_read_write(const StoreOptions& options) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) {
    throw DataError(dir_.string() + ": cannot create the store directory: " + ec.message());
  }
  lock_ = std::make_unique<WriteLock>(dir_);
  commit_lock_ = std::make_unique<CommitLock>(dir_);
  index_threads_ = options.index_threads > 0 ? options.index_threads : default_thread_count();
  db_ = std::make_unique<SqliteDb>(sqlite_path(), false);
  migrate(*db_);
  if (options.first_document_id) {
    record_first_id(*db_, dir_, *options.first_document_id);
  }
  first_id_ = stored_first_id(*db_);
  const std::lock_guard commit_guard(*commit_lock_);  // a backup must not copy a half-swap
  recover_swap(dir_ / schema::file::kXapianNew, xapian_path(), dir_ / schema::file::kXapianOld);
  open_xapian();
  sync_synonyms(options);
  opening_reconcile_ = reconcile();
}

void Store::open_xapian() {
  // A writer killed while Xapian was first creating the index leaves a directory without its
  // version file, which Xapian refuses to open. It can hold nothing committed (iamglass is
  // written before any revision), and the index is derived: start it afresh and let reconcile
  // fill it from SQLite.
  std::error_code ec;
  if (fs::is_directory(xapian_path(), ec) && !fs::exists(xapian_path() / "iamglass", ec)) {
    fs::remove_all(xapian_path(), ec);
  }
  try {
    xapian_ = std::make_unique<Xapian::WritableDatabase>(
        xapian_path().string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error& e) {
    throw DataError(xapian_path().string() + ": cannot open the Xapian index: " +
                    e.get_description() + " (run `foilog reindex` to rebuild it from SQLite)");
  }
}

void Store::sync_synonyms(const StoreOptions& options) {
  fs::path file;
  if (options.synonyms_file) {
    file = *options.synonyms_file;
  } else {
    const fs::path fallback = fs::path(FOILOG_SOURCE_DIR) / "data" / "synonyms.tsv";
    if (fs::exists(fallback)) {
      file = fallback;
    }
  }
  std::string bytes;
  if (!file.empty()) {
    bytes = read_bytes(file);
    synonyms_ = parse_synonyms(bytes, file.string());
  }
  synonyms_sha256_ = sha256_hex(bytes);
  indexer_ = std::make_unique<XapianIndexer>(synonyms_);
  const std::string key(schema::xapian_meta::kSynonymsSha256);
  if (xapian_->get_metadata(key) != synonyms_sha256_) {
    write_synonyms(*xapian_, synonyms_);
    xapian_->set_metadata(key, synonyms_sha256_);
    xapian_->commit();
  }
}

void Store::require_writable(const char* operation) const {
  if (mode_ != Mode::kReadWrite) {
    throw UsageError(operation, "the store at " + dir_.string() +
                                    " was opened read-only; open it read-write to change it");
  }
}

void Store::begin_batch() {
  if (!db_->in_transaction()) {
    // IMMEDIATE: take the write lock now rather than failing half-way through a batch.
    db_->exec("BEGIN IMMEDIATE");
  }
}

void Store::abandon_batch() noexcept {
  removed_ids_.clear();  // their SQLite deletes are rolled back too
  if (db_->in_transaction()) {
    try {
      db_->exec("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): SQLite rolls back an unfinished
                     // transaction itself when the connection closes or the next one opens.
    }
  }
}

void Store::sync_taxonomy(const std::vector<AuthorityRow>& authorities,
                          const std::vector<ExemptionRow>& exemptions) {
  require_writable("sync_taxonomy");
  // Every `foilog index` run syncs the taxonomies; rewriting identical rows would change the
  // SQLite file and break "re-ingesting the same input changes nothing". A fingerprint of the
  // rows, kept in meta, lets an unchanged taxonomy skip the write entirely.
  std::string rows;
  for (const auto& a : authorities) {
    rows += a.id + '\x1f' + a.name + '\x1f' + a.type + '\x1f' + a.country;
    for (const auto& name : a.aliases) {
      rows += '\x1f' + name;
    }
    rows += '\x1e';
  }
  for (const auto& e : exemptions) {
    rows += e.act + '\x1f' + e.provision + '\x1f' + e.title + '\x1f' + e.parent + '\x1f' +
            (e.absolute ? "1" : "0") + (e.ncnd ? "1" : "0") + '\x1e';
  }
  const std::string fingerprint = sha256_hex(rows);
  {
    auto stored = db_->prepare("SELECT value FROM meta WHERE key = ?1");
    stored.bind(1, std::string(schema::meta_key::kTaxonomyFingerprint));
    if (stored.step() && stored.text(0) == fingerprint) {
      return;
    }
  }
  begin_batch();
  {
    auto remember = db_->prepare(
        "INSERT INTO meta(key, value) VALUES (?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    remember.bind(1, std::string(schema::meta_key::kTaxonomyFingerprint))
        .bind(2, fingerprint)
        .run();
  }
  db_->exec("DELETE FROM authorities");  // cascades to authority_aliases
  db_->exec("DELETE FROM exemptions");
  auto authority = db_->prepare(
      "INSERT OR REPLACE INTO authorities(id, name, type, country) VALUES (?1, ?2, ?3, ?4)");
  auto alias =
      db_->prepare("INSERT OR IGNORE INTO authority_aliases(authority_id, alias) VALUES (?1, ?2)");
  for (const auto& a : authorities) {
    authority.bind(1, a.id).bind(2, a.name).bind(3, a.type).bind(4, a.country).run();
    authority.reset();
    for (const auto& name : a.aliases) {
      alias.bind(1, a.id).bind(2, name).run();
      alias.reset();
    }
  }
  auto exemption = db_->prepare(
      "INSERT OR REPLACE INTO exemptions(act, provision, title, parent, absolute, ncnd) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& e : exemptions) {
    const std::string parent = e.parent.empty() ? schema::provision_parent(e.provision) : e.parent;
    exemption.bind(1, e.act)
        .bind(2, e.provision)
        .bind(3, e.title)
        .bind(4, parent)
        .bind(5, e.absolute)
        .bind(6, e.ncnd)
        .run();
    exemption.reset();
  }
}

std::optional<std::int64_t> Store::find_document(const std::string& path) const {
  auto stmt = db_->prepare("SELECT id FROM documents WHERE path = ?1");
  stmt.bind(1, path);
  if (!stmt.step()) {
    return std::nullopt;
  }
  return stmt.int64(0);
}

std::optional<std::string> Store::stored_sha256(const std::string& path) const {
  auto stmt = db_->prepare("SELECT sha256 FROM documents WHERE path = ?1");
  stmt.bind(1, path);
  if (!stmt.step()) {
    return std::nullopt;
  }
  return stmt.text(0);
}

PutResult Store::put(const Record& rec, const SourceInfo& src) {
  return put(rec, src, std::nullopt);
}

PutResult Store::put(const Record& rec, const SourceInfo& src,
                     std::optional<DocumentStatus> new_status) {
  require_writable("put");
  DocumentSource source{src.path.empty() ? rec.file : src.path,
                        src.sha256.empty() ? sha256_hex(rec.text) : src.sha256, src.size,
                        src.format.empty() ? rec.format : src.format, utc_timestamp_now()};
  if (source.path.empty()) {
    throw UsageError("SourceInfo.path", "a document needs a path (or Record::file) to be stored");
  }
  std::optional<std::int64_t> existing;
  std::string old_status;
  {
    auto find = db_->prepare("SELECT id, sha256, status FROM documents WHERE path = ?1");
    find.bind(1, source.path);
    if (find.step()) {
      old_status = find.text(2);
      // A withdrawn response stays withdrawn: re-crawling its file must not republish it.
      if (find.text(1) == source.sha256 || old_status == schema::document_status::kWithdrawn) {
        return PutResult::kUnchanged;  // nothing written: not even a transaction is opened
      }
      existing = find.int64(0);
    }
  }
  const std::string_view status =
      new_status ? status_name(*new_status)
                 : (existing ? std::string_view(old_status) : schema::document_status::kPublished);
  Record corrected = rec;
  if (existing) {
    // Re-extraction must not undo what the authority corrected.
    for (const auto& c : corrections(*existing)) {
      apply_correction(corrected, c.field, c.value, holidays());
    }
  }
  begin_batch();
  try {
    write_document_rows(*db_, existing, corrected, source, status,
                        existing ? std::nullopt : id_for_new_document(*db_, first_id_));
    db_->prepare("DELETE FROM ingest_errors WHERE path = ?1").bind(1, source.path).run();
  } catch (...) {
    // A write failed half-way through the document's rows (disk full, I/O error). Committing
    // the batch now (the destructor would) could store a document without its questions: roll
    // the whole uncommitted batch back instead, so SQLite holds only complete documents.
    abandon_batch();
    throw;
  }
  if (existing && old_status == schema::document_status::kPublished &&
      status != schema::document_status::kPublished) {
    removed_ids_.push_back(*existing);
  }
  return existing ? PutResult::kReplaced : PutResult::kAdded;
}

void Store::set_bank_holidays(BankHolidays holidays) {
  holidays_ = std::move(holidays);
  holidays_loaded_ = true;
}

const BankHolidays* Store::holidays() {
  if (!holidays_loaded_) {
    holidays_loaded_ = true;
    const fs::path file = fs::path(FOILOG_SOURCE_DIR) / "data" / "bank-holidays-england-wales.tsv";
    if (fs::exists(file)) {
      holidays_ = BankHolidays::load(file);
    }
  }
  return holidays_ ? &*holidays_ : nullptr;
}

bool Store::remove(const std::string& path) {
  require_writable("remove");
  const auto id = find_document(path);
  if (!id) {
    return false;
  }
  begin_batch();
  db_->prepare("DELETE FROM documents WHERE id = ?1").bind(1, *id).run();
  removed_ids_.push_back(*id);
  return true;
}

void Store::record_error(const std::string& path, const std::string& reason) {
  require_writable("record_error");
  begin_batch();
  // The same failure again changes nothing (a re-run must change no row): `at` stays the time
  // the file first failed for this reason.
  db_->prepare(
         "INSERT INTO ingest_errors(path, reason, at) VALUES (?1, ?2, ?3) "
         "ON CONFLICT(path) DO UPDATE SET reason = excluded.reason, at = excluded.at "
         "WHERE ingest_errors.reason IS NOT excluded.reason")
      .bind(1, path)
      .bind(2, reason)
      .bind(3, utc_timestamp_now())
      .run();
}

void Store::clear_error(const std::string& path) {
  require_writable("clear_error");
  begin_batch();
  db_->prepare("DELETE FROM ingest_errors WHERE path = ?1").bind(1, path).run();
}

void Store::commit() {
  require_writable("commit");
  const std::lock_guard commit_guard(*commit_lock_);
  if (db_->in_transaction()) {
    db_->exec("COMMIT");
  }
  if (commit_observer_) {
    commit_observer_(CommitStage::kSqliteCommitted);
  }
  if (fault_ == TestFault::kSkipXapianCommit) {
    removed_ids_.clear();  // as if the process died here: only SQLite knows
    return;
  }
  flush_to_xapian();
}

std::size_t Store::flush_to_xapian() {
  try {
    return write_pending_to_xapian();
  } catch (const Xapian::Error& e) {
    // Xapian errors are not std::exceptions: say which index failed, and that nothing is lost.
    throw DataError(xapian_path().string() +
                    ": cannot write the Xapian index: " + e.get_description() +
                    " (SQLite keeps these documents marked pending; the next `foilog index` "
                    "re-indexes them once the cause is fixed)");
  }
}

std::size_t Store::write_pending_to_xapian() {
  bool touched = !removed_ids_.empty();
  std::vector<SpellingShare> forgotten;
  for (const std::int64_t id : removed_ids_) {
    // What only this response gave the spelling table goes with it (read before deleting).
    auto share = spelling_share(*xapian_, id);
    forgotten.insert(forgotten.end(), share.begin(), share.end());
    XapianIndexer::remove(*xapian_, id);
  }
  forget_spelling(*xapian_, forgotten);
  std::size_t indexed = 0;
  auto pending = db_->prepare(
      "SELECT id, record, ingested_at FROM documents WHERE xapian_pending = 1 AND "
      "status = 'published' ORDER BY id");
  RecordChunks chunks(pending);
  std::vector<StoredRecord> chunk;
  while (chunks.next(chunk)) {
    // Spelling changes are summed over the chunk and applied once per word: most words recur
    // from letter to letter, and each add_spelling() call is a lookup in Xapian's table. Old
    // shares are taken back after every replacement, so "does any document still contain the
    // word" is asked of the chunk's final state, then the new shares are added: the same table
    // as taking back and adding document by document.
    SpellingTally forgotten;
    SpellingTally added;
    build_and_write_documents(*indexer_, chunk, index_threads_, sqlite_path(),
                              [&](std::size_t i, std::vector<IndexedDocument>& documents) {
                                const std::int64_t id = chunk[i].id;
                                // The version being replaced gave spelling entries of its own (read
                                // before replacing).
                                forgotten.add(spelling_share(*xapian_, id));
                                for (const auto& d : documents) {
                                  if (d.spelled) {
                                    added.add(spelling_of(d.document));
                                  }
                                }
                                XapianIndexer::replace_built(*xapian_, id, documents,
                                                             /*add_spelling=*/false);
                                ++indexed;
                                touched = true;
                              });
    forget_spelling(*xapian_, forgotten.shares());
    add_spelling(*xapian_, added.shares());
  }
  if (touched) {
    xapian_->commit();
    if (commit_observer_) {
      commit_observer_(CommitStage::kXapianCommitted);
    }
  }
  removed_ids_.clear();
  if (indexed > 0) {
    // Only after Xapian has committed: a kill before this line just re-indexes these rows.
    db_->exec("UPDATE documents SET xapian_pending = 0 WHERE xapian_pending = 1");
  }
  return indexed;
}

std::vector<std::int64_t> Store::document_ids() const {
  std::vector<std::int64_t> ids;
  auto stmt = db_->prepare("SELECT id FROM documents ORDER BY id");
  while (stmt.step()) {
    ids.push_back(stmt.int64(0));
  }
  return ids;
}

std::vector<std::int64_t> Store::published_ids() const {
  std::vector<std::int64_t> ids;
  auto stmt = db_->prepare("SELECT id FROM documents WHERE status = 'published' ORDER BY id");
  while (stmt.step()) {
    ids.push_back(stmt.int64(0));
  }
  return ids;
}

ReconcileReport Store::reconcile() {
  require_writable("reconcile");
  const std::lock_guard commit_guard(*commit_lock_);
  if (db_->in_transaction()) {
    db_->exec("COMMIT");
  }
  ReconcileReport report;
  // Xapian holds exactly the published documents: review and withdrawn ones are stale there.
  const std::vector<std::int64_t> ids = published_ids();
  const std::set<std::int64_t> id_set(ids.begin(), ids.end());

  // SQLite documents Xapian lacks (e.g. pending marks lost with a restored backup).
  std::vector<std::int64_t> missing;
  for (const std::int64_t id : ids) {
    if (!xapian_->term_exists(schema::document_id_term(id))) {
      missing.push_back(id);
    }
  }
  if (!missing.empty()) {
    db_->exec("BEGIN IMMEDIATE");
    auto mark = db_->prepare("UPDATE documents SET xapian_pending = 1 WHERE id = ?1");
    for (const std::int64_t id : missing) {
      mark.bind(1, id).run();
      mark.reset();
    }
    db_->exec("COMMIT");
  }

  // Xapian documents whose id SQLite no longer has, or no longer publishes (a put rolled back
  // after an auto-flush, a remove or withdrawal whose Xapian half never committed).
  std::set<std::int64_t> stale;
  const std::string id_prefix(schema::prefix::kId);
  for (auto it = xapian_->allterms_begin(id_prefix); it != xapian_->allterms_end(id_prefix); ++it) {
    const auto id = id_of_term(*it);
    if (id && id_set.count(*id) == 0) {
      stale.insert(*id);
    }
  }
  for (const std::int64_t id : stale) {
    removed_ids_.push_back(id);
  }
  report.removed = stale.size();
  report.indexed = flush_to_xapian();
  return report;
}

void Store::reindex() {
  require_writable("reindex");
  const std::lock_guard commit_guard(*commit_lock_);  // held across the swap
  commit();
  const fs::path fresh_path = dir_ / schema::file::kXapianNew;
  fs::remove_all(fresh_path);
  {
    Xapian::WritableDatabase fresh(fresh_path.string(),
                                   Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    write_synonyms(fresh, synonyms_);
    fresh.set_metadata(std::string(schema::xapian_meta::kSynonymsSha256), synonyms_sha256_);
    auto all = db_->prepare(
        "SELECT id, record, ingested_at FROM documents WHERE status = 'published' ORDER BY id");
    RecordChunks chunks(all);
    std::vector<StoredRecord> chunk;
    while (chunks.next(chunk)) {
      build_and_write_documents(*indexer_, chunk, index_threads_, sqlite_path(),
                                [&](std::size_t i, std::vector<IndexedDocument>& documents) {
                                  XapianIndexer::replace_built(fresh, chunk[i].id, documents);
                                });
    }
    fresh.commit();
    fresh.close();
  }
  xapian_->close();
  xapian_.reset();
  swap_in_directory(fresh_path, xapian_path(), dir_ / schema::file::kXapianOld);
  open_xapian();
  db_->exec("UPDATE documents SET xapian_pending = 0 WHERE xapian_pending = 1");
}

}  // namespace foilog
