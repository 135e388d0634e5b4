// The search URL contract and query building, as /search, /api/search and the feeds run them:
// the query string parsed by cpp-httplib's own parser, parse_search_request(), the round trip
// through to_params(), QueryBuilder (QueryParser with field prefixes, wildcards, synonyms,
// spelling) and run_search() with facet filters over a small Xapian database built once.
// Expected: UsageError naming the parameter (the server's 400). Contract: a request that parses
// reproduces itself through to_params(); any other exception (a Xapian::Error would be a 500)
// is a finding.
#include <httplib.h>
#include <unistd.h>
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "schema/schema.h"
#include "search/facet_columns.h"
#include "search/query_builder.h"
#include "search/search_request.h"
#include "search/searcher.h"

namespace {

namespace prefix = foilog::schema::prefix;
namespace slot = foilog::schema::slot;

// A glass database in a temporary directory, removed when the process ends: a few documents
// and questions with the terms, values and data the indexer writes, spelling and a synonym,
// enough for every query feature to have something to match.
class SmallIndex {
 public:
  SmallIndex() {
    std::string dir = (std::filesystem::temp_directory_path() / "foilog-fuzz-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory");
    }
    dir_ = dir;
    {
      Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("en"));
      tg.set_database(db);
      tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
      const char* const texts[] = {
          "Police overtime costs refused under section 31(1)(a) law enforcement",
          "Council parking fines granted in full FOI 003477-20",
          "NHS waiting times information not held SIEM contract",
          "Fire service vehicles cost limit section 12 exceeded"};
      const char* const authorities[] = {"west-midlands-police", "leeds-city-council",
                                         "nhs-england", "london-fire-brigade"};
      const char* const outcomes[] = {"refused", "granted", "not_held", "cost_limit"};
      for (int i = 0; i < 4; ++i) {
        for (const char* type : {"doc", "question"}) {
          Xapian::Document d;
          tg.set_document(d);
          tg.index_text(texts[i]);
          tg.index_text(authorities[i], 1, std::string(prefix::kAuthorityText));
          d.add_boolean_term(std::string(prefix::kDocType) + type);
          d.add_boolean_term(std::string(prefix::kId) + std::to_string(i + 1) +
                             (type[0] == 'q' ? "#1" : ""));
          d.add_boolean_term(std::string(prefix::kAuthority) + authorities[i]);
          d.add_boolean_term(std::string(prefix::kOutcome) + outcomes[i]);
          d.add_boolean_term(std::string(prefix::kExemption) + "s31(1)(a)");
          d.add_boolean_term(std::string(prefix::kExemption) + "s31");
          d.add_boolean_term(std::string(prefix::kYear) + std::to_string(2019 + i));
          d.add_boolean_term(std::string(prefix::kRegime) + "FOIA");
          d.add_boolean_term(std::string(prefix::kReference) + "foi003477-20");
          const std::string date = std::to_string(2019 + i) + "0315";
          d.add_value(slot::kDateResponded, date);
          d.add_value(slot::kSortDate, date);
          d.add_value(slot::kAuthorityId, authorities[i]);
          d.add_value(slot::kOutcome, outcomes[i]);
          d.add_value(slot::kDocId, std::to_string(i + 1));
          d.set_data(R"({"id":)" + std::to_string(i + 1) + R"(,"title":"t"})");
          db.add_document(d);
        }
      }
      db.add_synonym("siem", "seim");
      db.commit();
    }
    db_ = Xapian::Database(dir_.string());
    columns_ = foilog::web::FacetColumns::build(db_);
  }
  ~SmallIndex() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SmallIndex(const SmallIndex&) = delete;
  SmallIndex& operator=(const SmallIndex&) = delete;

  const Xapian::Database& db() const { return db_; }
  const foilog::web::FacetColumns& columns() const { return *columns_; }

 private:
  std::filesystem::path dir_;
  Xapian::Database db_;
  std::shared_ptr<const foilog::web::FacetColumns> columns_;
};

bool same_request(const foilog::web::SearchRequest& a, const foilog::web::SearchRequest& b) {
  return a.q == b.q && a.filters == b.filters && a.from == b.from && a.to == b.to &&
         a.sort == b.sort && a.page == b.page && a.per_page == b.per_page && a.mode == b.mode;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  using namespace foilog::web;
  static const SmallIndex index;
  // The query string as the server receives it: cpp-httplib splits and percent-decodes it.
  httplib::Params params;
  httplib::detail::parse_query_text(std::string(fuzz::as_view(data, size)), params);
  fuzz::usage_errors_expected([&] {
    const SearchRequest req = parse_search_request(Params(params.begin(), params.end()));
    const auto again = to_params(req);
    const SearchRequest reparsed = parse_search_request(Params(again.begin(), again.end()));
    fuzz::require(same_request(req, reparsed), "to_params() reproduces the request");

    QueryBuilder builder(index.db());
    const SearchResults results = run_search(index.db(), index.columns(), builder, req);
    fuzz::require(results.hits.size() <= static_cast<std::size_t>(req.per_page),
                  "a page holds at most per_page hits");
    (void)builder.suggest(req.q);
  });
  return 0;
}
