#include "server/site.h"

#include <map>

#include "schema/schema.h"
#include "util/error.h"

namespace foilog::web {
namespace {

// Per-thread contexts, keyed by the Site (tests may run more than one in a process).
thread_local std::map<const Site*, std::unique_ptr<Site::Context>> t_contexts;

}  // namespace

Site::Site(SiteConfig config)
    : config_(std::move(config)), templates_(Templates::load(config_.templates_dir)) {
  std::error_code ec;
  if (!std::filesystem::exists(config_.db_dir / schema::file::kSqlite, ec)) {
    throw DataError(config_.db_dir.string() + ": no foilog store here; run `foilog index --db " +
                    config_.db_dir.string() + " PATH` first");
  }
  (void)open_context();  // fail at start-up, not on the first request
}

Site::~Site() {
  t_contexts.erase(this);
}

std::unique_ptr<Site::Context> Site::open_context() const {
  auto ctx = std::make_unique<Context>();
  const auto xapian_dir = config_.db_dir / schema::file::kXapian;
  try {
    ctx->xapian = Xapian::Database(xapian_dir.string());
  } catch (const Xapian::Error& e) {
    throw DataError(xapian_dir.string() + ": cannot open the Xapian index: " + e.get_description() +
                    " (run `foilog reindex --db " + config_.db_dir.string() + "`)");
  }
  ctx->sqlite = std::make_unique<SqliteDb>(config_.db_dir / schema::file::kSqlite, true);
  // Pages read whole records (the letter's text, for snippets and the document page): map the
  // file instead of copying each overflow page through pread, and keep more pages cached. The
  // mapping is shared by every thread's connection through the page cache.
  ctx->sqlite->exec("PRAGMA mmap_size = 1073741824");
  ctx->sqlite->exec("PRAGMA cache_size = -16384");
  ctx->builder = std::make_unique<QueryBuilder>(ctx->xapian);
  ctx->prior = std::make_unique<PriorAnswers>(ctx->xapian,
                                              (config_.data_dir / "check-stopwords.txt").string());
  return ctx;
}

Site::Context& Site::context() {
  auto& slot = t_contexts[this];
  if (slot == nullptr) {
    slot = open_context();
  } else {
    try {
      slot->xapian.reopen();
    } catch (const Xapian::Error&) {
      // A reindex swapped the directory under us: start again from the path.
      slot = open_context();
    }
  }
  return *slot;
}

IndexSnapshot Site::snapshot(Context& ctx) {
  const std::string key = ctx.xapian.get_uuid() + "@" + std::to_string(ctx.xapian.get_revision());
  std::lock_guard lock(snapshot_mutex_);
  if (snapshot_.columns == nullptr || key != snapshot_key_) {
    snapshot_.columns = FacetColumns::build(ctx.xapian);
    snapshot_.numbers = DocColumns::build(ctx.xapian);
    snapshot_.catalog = std::make_shared<const Catalog>(
        Catalog::load(*ctx.sqlite, (config_.data_dir / "topics.tsv").string()));
    // About 2 KB an entry (five summaries): a few MB, whatever the index size.
    constexpr std::size_t kSimilarEntries = 2000;
    snapshot_.similar = std::make_shared<SimilarCache>(kSimilarEntries);
    snapshot_key_ = key;
  }
  return snapshot_;
}

}  // namespace foilog::web
