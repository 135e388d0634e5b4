#include "search_bench/web_searcher.h"

#include <atomic>
#include <stdexcept>

#ifdef FOILOG_BENCH_HAVE_WEB
#include <xapian.h>

#include "analytics/doc_columns.h"
#include "common/timer.h"
#include "render/url.h"
#include "schema/schema.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/searcher.h"  // web/search: run_search
#include "search_bench/searcher.h"
#endif

namespace foilog::bench {
namespace {

std::atomic<double> g_build_seconds{0};
std::atomic<std::size_t> g_column_bytes{0};

#ifdef FOILOG_BENCH_HAVE_WEB

// The URL-contract request equivalent to a recipe: filter terms become facet selections (the
// web module applies them from its columns), a reference is typed into q as printed.
web::SearchRequest request_of(const QueryRecipe& q) {
  web::SearchRequest req;
  req.q = q.text;
  req.per_page = 10;
  if (q.text.empty()) {
    req.sort = web::SortOrder::kNewest;
  }
  for (const auto& term : q.filters) {
    const std::string ref(schema::prefix::kReference);
    if (term.compare(0, ref.size(), ref) == 0) {
      req.q = term.substr(ref.size());
      continue;
    }
    bool mapped = false;
    for (std::size_t f = 0; f < web::kFacetCount && !mapped; ++f) {
      const auto& pfx = web::kFacets[f].prefix;
      // The longest prefix wins: XAUTH must not read as XA.
      if (term.compare(0, pfx.size(), pfx) == 0 && term.size() > pfx.size() &&
          !(term[pfx.size()] >= 'A' && term[pfx.size()] <= 'Z')) {
        req.filters[f].push_back(term.substr(pfx.size()));
        mapped = true;
      }
    }
    if (!mapped) {
      throw std::runtime_error("web searcher: no facet reads the filter term '" + term + "'");
    }
  }
  return req;
}

class WebSearcher : public Searcher {
 public:
  explicit WebSearcher(const std::filesystem::path& db_dir)
      : db_((db_dir / schema::file::kXapian).string()) {
    const auto start = Clock::now();
    // Both of the server's per-revision columns: facets, and the numbers (sort dates and ids
    // among them) that let a search without words skip the matcher.
    columns_ = web::FacetColumns::build(db_);
    numbers_ = web::DocColumns::build(db_);
    g_build_seconds = seconds_since(start);
    g_column_bytes = columns_->memory_bytes() + numbers_->memory_bytes();
    builder_ = std::make_unique<web::QueryBuilder>(db_);
  }

  SearchResult search(const QueryRecipe& q) override {
    web::SearchOptions options;
    options.numbers = numbers_.get();  // as the server passes them (web/pages/page_common.cpp)
    const web::SearchResults r = web::run_search(db_, *columns_, *builder_, request_of(q), options);
    SearchResult out;
    out.matches = r.total;
    out.timed_out = !r.exact;
    for (const auto& hit : r.hits) {
      out.top.push_back(hit.data.dump());
    }
    for (std::size_t f = 0; f < web::kFacetCount; ++f) {
      auto& counts = out.facets[std::string(web::kFacets[f].param)];
      for (const auto& c : r.facets[f]) {
        counts[c.value] = c.count;
      }
    }
    return out;
  }

 private:
  Xapian::Database db_;
  std::shared_ptr<const web::FacetColumns> columns_;
  std::shared_ptr<const web::DocColumns> numbers_;
  std::unique_ptr<web::QueryBuilder> builder_;
};

#endif

}  // namespace

bool have_web_searcher() {
#ifdef FOILOG_BENCH_HAVE_WEB
  return true;
#else
  return false;
#endif
}

std::unique_ptr<Searcher> make_web_searcher(const std::filesystem::path& db_dir) {
#ifdef FOILOG_BENCH_HAVE_WEB
  return std::make_unique<WebSearcher>(db_dir);
#else
  (void)db_dir;
  throw std::runtime_error("this foilog-bench was built without the web module (web/)");
#endif
}

std::string web_query_string(const QueryRecipe& q) {
#ifdef FOILOG_BENCH_HAVE_WEB
  web::SearchRequest req = request_of(q);
  req.per_page = 20;  // the site's default page
  return web::query_string(web::to_params(req));
#else
  (void)q;
  throw std::runtime_error("this foilog-bench was built without the web module (web/)");
#endif
}

double last_column_build_seconds() {
  return g_build_seconds;
}
std::size_t last_column_bytes() {
  return g_column_bytes;
}

}  // namespace foilog::bench
