#include "server/site.h"

#include <map>

#include "schema/schema.h"
#include "util/error.h"

namespace foilog::web {
namespace {

// Per-thread contexts, keyed by the Site (tests may run more than one in a process).
thread_local std::map<const Site*, std::unique_ptr<Site::Context>> t_contexts;

// Every worker thread has its own read connection, so whatever one connection keeps is kept once
// a thread. No memory map: each connection maps the file separately and the process's resident
// set counts the same page-cache pages once per mapping (at 10,000 documents, 19 threads served
// /search with 2.4 GB resident of which 85 MB was the process's own; bench/RESULTS.md). A small
// page cache per connection: the operating system's page cache already holds the file once for
// all of them, and a page is one pread away.
void tune_read_connection(SqliteDb& db) {
  db.exec("PRAGMA mmap_size = 0");
  db.exec("PRAGMA cache_size = -2048");
}

std::unique_ptr<SqliteDb> open_sqlite(const std::filesystem::path& file) {
  auto db = std::make_unique<SqliteDb>(file, true);
  tune_read_connection(*db);
  return db;
}

}  // namespace

std::vector<SqliteDb*> Site::Context::stores() const {
  if (shards == nullptr) {
    return {sqlite.get()};
  }
  std::vector<SqliteDb*> out;
  for (const auto& db : shards->sqlite) {
    out.push_back(db.get());
  }
  return out;
}

SqliteDb& Site::Context::store_of(std::int64_t document_id) const {
  const auto all = stores();
  if (all.size() > 1) {
    for (auto* db : all) {
      auto st = db->prepare("SELECT 1 FROM documents WHERE id = ?1");
      st.bind(1, document_id);
      if (st.step()) {
        return *db;
      }
    }
  }
  return *all.front();
}

Site::Site(SiteConfig config)
    : config_(std::move(config)), templates_(Templates::load(config_.templates_dir)) {
  std::error_code ec;
  if (!sharded() && !std::filesystem::exists(config_.db_dir / schema::file::kSqlite, ec)) {
    throw DataError(config_.db_dir.string() + ": no foilog store here; run `foilog index --db " +
                    config_.db_dir.string() + " PATH` first");
  }
  const auto ctx = open_context();  // fail at start-up, not on the first request
  if (ctx->shards != nullptr) {
    check_id_ranges(config_.shards, *ctx->shards);
  }
}

Site::~Site() {
  t_contexts.erase(this);
}

bool Site::remote() const {
  for (const auto& s : config_.shards) {
    if (s.remote) {
      return true;
    }
  }
  return false;
}

void Site::discard_context() {
  t_contexts.erase(this);
}

std::unique_ptr<Site::Context> Site::open_context() const {
  auto ctx = std::make_unique<Context>();
  if (sharded()) {
    ctx->shards =
        std::make_unique<ShardConnections>(connect_shards(config_.shards, config_.shard_timeouts));
    ctx->xapian = ctx->shards->combined;
    ctx->lexicon = ctx->shards->lexicon;
    for (auto& db : ctx->shards->sqlite) {
      tune_read_connection(*db);
    }
  } else {
    const auto xapian_dir = config_.db_dir / schema::file::kXapian;
    try {
      ctx->xapian = Xapian::Database(xapian_dir.string());
    } catch (const Xapian::Error& e) {
      throw DataError(xapian_dir.string() +
                      ": cannot open the Xapian index: " + e.get_description() +
                      " (run `foilog reindex --db " + config_.db_dir.string() + "`)");
    }
    ctx->lexicon = ctx->xapian;
    ctx->sqlite = open_sqlite(config_.db_dir / schema::file::kSqlite);
  }
  ctx->builder = std::make_unique<QueryBuilder>(ctx->xapian, ctx->lexicon);
  ctx->prior = std::make_unique<PriorAnswers>(ctx->xapian, ctx->lexicon,
                                              (config_.data_dir / "check-stopwords.txt").string());
  return ctx;
}

Site::Context& Site::context() {
  auto& slot = t_contexts[this];
  if (slot == nullptr) {
    slot = open_context();
  } else {
    try {
      if (slot->shards != nullptr) {
        reopen_shards(*slot->shards);
      } else {
        slot->xapian.reopen();
      }
    } catch (const Xapian::Error&) {
      // A reindex swapped the directory under us, or a shard's connection broke: start again.
      slot.reset();
      slot = open_context();
    }
  }
  return *slot;
}

std::string Site::revision_key(const Context& ctx) const {
  if (ctx.shards != nullptr) {
    return shards_revision(*ctx.shards);
  }
  return ctx.xapian.get_uuid() + "@" + std::to_string(ctx.xapian.get_revision());
}

IndexSnapshot Site::snapshot(Context& ctx) {
  const std::string key = revision_key(ctx);
  std::lock_guard lock(snapshot_mutex_);
  if (snapshot_.columns == nullptr || key != snapshot_key_) {
    snapshot_.columns = FacetColumns::build(ctx.xapian);
    snapshot_.numbers = DocColumns::build(ctx.xapian, remote());
    snapshot_.catalog = std::make_shared<const Catalog>(
        Catalog::load(ctx.stores(), (config_.data_dir / "topics.tsv").string()));
    // Five summaries an entry: the cache stays small whatever the index size.
    constexpr std::size_t kSimilarEntries = 2000;
    snapshot_.similar = std::make_shared<SimilarCache>(kSimilarEntries);
    snapshot_key_ = key;
  }
  return snapshot_;
}

}  // namespace foilog::web
