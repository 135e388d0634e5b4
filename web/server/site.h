// Everything a request handler reads: the configuration, the validated templates, and per
// worker thread one Xapian handle, one read-only SQLite connection and one QueryBuilder (Xapian
// and SQLite handles are not shared between threads). The Xapian handle is reopened at the
// start of each request, so a commit by `foilog index` (or a reindex swap) shows at once.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analytics/doc_columns.h"
#include "check/prior_answers.h"
#include "render/templates.h"
#include "search/catalog.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/similar_cache.h"
#include "shards/shard_connections.h"
#include "shards/shard_spec.h"
#include "store/sqlite_db.h"

namespace foilog::web {

struct SiteConfig {
  std::filesystem::path db_dir;  // the store; unused when shards are given
  // Several stores searched as one (docs/SCALING.md); empty: the single store in db_dir.
  std::vector<ShardSpec> shards;
  ShardTimeouts shard_timeouts;
  std::filesystem::path templates_dir;  // web/templates
  std::filesystem::path static_dir;     // static
  std::filesystem::path data_dir;       // data (topics.tsv for labels)
  // Absolute links in feeds (Atom ids must be absolute). Never taken from the Host header,
  // which the client controls.
  std::string base_url = "http://127.0.0.1:8080";
};

// What one revision of the index looks like to the pages: facet columns and labels. Shared by
// all threads; rebuilt when the Xapian revision changes.
struct IndexSnapshot {
  std::shared_ptr<const FacetColumns> columns;
  std::shared_ptr<const DocColumns> numbers;  // working days and months, for the figures
  std::shared_ptr<const Catalog> catalog;
  std::shared_ptr<SimilarCache> similar;  // document pages' similar responses, this revision
};

class Site {
 public:
  // Loads and validates the templates; checks the store opens. Throws DataError naming what is
  // wrong (a missing store, a broken template).
  explicit Site(SiteConfig config);
  ~Site();
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  struct Context {
    Xapian::Database xapian;  // searched: the store's, or every shard's combined
    // QueryParser's database (spelling, synonyms): xapian itself, or the shards' own directories.
    Xapian::Database lexicon;
    std::unique_ptr<SqliteDb> sqlite;          // the store's; null with shards (see stores())
    std::unique_ptr<ShardConnections> shards;  // null for a single store
    std::unique_ptr<QueryBuilder> builder;
    std::unique_ptr<PriorAnswers> prior;  // the pre-filing check's matcher

    // Every SQLite store: the one, or each shard's (a document is in exactly one).
    [[nodiscard]] std::vector<SqliteDb*> stores() const;
    // The store holding document id; the first store when none does (its queries find nothing).
    [[nodiscard]] SqliteDb& store_of(std::int64_t document_id) const;
    // Where the taxonomy tables are read (every store syncs the same data/*.tsv).
    [[nodiscard]] SqliteDb& first_store() const { return *stores().front(); }
  };

  // This thread's handles, reopened to the latest committed revision.
  [[nodiscard]] Context& context();
  [[nodiscard]] IndexSnapshot snapshot(Context& ctx);

  [[nodiscard]] const Templates& templates() const { return templates_; }
  [[nodiscard]] const SiteConfig& config() const { return config_; }
  [[nodiscard]] bool sharded() const { return !config_.shards.empty(); }
  // Some shard is searched over the network: Xapian then takes no MatchDecider (searcher.h).
  [[nodiscard]] bool remote() const;
  // Drops this thread's handles (after a shard stopped answering), so the next request
  // connects afresh.
  void discard_context();
  // Counts a request retried because the index changed under it (server/route_helpers.h);
  // returns the count so far.
  std::uint64_t note_database_modified() { return ++database_modified_; }
  [[nodiscard]] std::uint64_t database_modified_count() const { return database_modified_; }

  // Known only once the port is bound (--port 0); set before serving starts.
  void set_base_url(std::string url) { config_.base_url = std::move(url); }

 private:
  [[nodiscard]] std::unique_ptr<Context> open_context() const;
  [[nodiscard]] std::string revision_key(const Context& ctx) const;

  SiteConfig config_;
  Templates templates_;
  std::mutex snapshot_mutex_;
  std::string snapshot_key_;
  IndexSnapshot snapshot_;
  std::atomic<std::uint64_t> database_modified_ = 0;
};

}  // namespace foilog::web
