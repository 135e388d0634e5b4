#include <xapian.h>

#include "schema/schema.h"
#include "search_bench/searcher.h"

namespace foilog::bench {
namespace {

namespace prefix = schema::prefix;
namespace slot = schema::slot;

// Counts the values of several boolean-term prefixes per matching document by walking the
// document's termlist from each prefix (multi-valued facets have no value slot).
class TermPrefixSpy : public Xapian::MatchSpy {
 public:
  explicit TermPrefixSpy(std::vector<std::pair<std::string, std::string>> facets)
      : facets_(std::move(facets)), counts_(facets_.size()) {}

  void operator()(const Xapian::Document& doc, double /*wt*/) override {
    Xapian::TermIterator it = doc.termlist_begin();
    const Xapian::TermIterator end = doc.termlist_end();
    for (std::size_t f = 0; f < facets_.size(); ++f) {  // prefixes in sorted order
      const std::string& pfx = facets_[f].second;
      it.skip_to(pfx);
      for (; it != end; ++it) {
        const std::string term = *it;
        if (term.compare(0, pfx.size(), pfx) != 0) {
          break;
        }
        ++counts_[f][term.substr(pfx.size())];
      }
    }
  }

  void collect(SearchResult& out) const {
    for (std::size_t f = 0; f < facets_.size(); ++f) {
      out.facets[facets_[f].first].insert(counts_[f].begin(), counts_[f].end());
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> facets_;  // name, prefix
  std::vector<std::map<std::string, std::uint64_t>> counts_;
};

class MatchSpySearcher : public Searcher {
 public:
  MatchSpySearcher(const std::filesystem::path& db_dir, FacetMode mode)
      : db_((db_dir / schema::file::kXapian).string()), mode_(mode) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("en"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", std::string(prefix::kTitle));
    parser_.add_prefix("from", std::string(prefix::kAuthorityText));
  }

  SearchResult search(const QueryRecipe& q) override {
    Xapian::Query query =
        q.text.empty()
            ? Xapian::Query(std::string())  // MatchAll, not shared: Xapian refcounts are not atomic
            : parser_.parse_query(
                  q.text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_SYNONYM);
    std::vector<Xapian::Query> filters;
    filters.emplace_back(std::string(prefix::kDocType) + std::string(schema::doc_type::kDocument));
    for (const auto& f : q.filters) {
      filters.emplace_back(f);
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    if (q.text.empty()) {
      enquire.set_sort_by_value(slot::kSortDate, true);  // browsing: newest first
    }
    enquire.set_time_limit(1.0);
    Xapian::ValueCountMatchSpy authority(slot::kAuthorityId), outcome(slot::kOutcome),
        year(slot::kYear);
    TermPrefixSpy terms({{"authority_type", std::string(prefix::kAuthorityType)},
                         {"exemption", std::string(prefix::kExemption)},
                         {"kind", std::string(prefix::kKind)},
                         {"regime", std::string(prefix::kRegime)},
                         {"topic", std::string(prefix::kTopic)}});
    if (mode_ != FacetMode::kNone) {
      enquire.add_matchspy(&authority);
      enquire.add_matchspy(&outcome);
      enquire.add_matchspy(&year);
    }
    if (mode_ == FacetMode::kAll) {
      enquire.add_matchspy(&terms);
    }
    const Xapian::MSet mset = enquire.get_mset(0, 10, db_.get_doccount());
    SearchResult r;
    r.matches = mset.get_matches_estimated();
    r.timed_out = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      r.top.push_back(it.get_document().get_data());
    }
    const auto values = [&](const char* name, const Xapian::ValueCountMatchSpy& spy) {
      auto& counts = r.facets[name];
      for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
        counts[*v] = v.get_termfreq();
      }
    };
    values("authority", authority);
    values("outcome", outcome);
    values("year", year);
    terms.collect(r);
    return r;
  }

 private:
  Xapian::Database db_;
  FacetMode mode_;
  Xapian::QueryParser parser_;
};

}  // namespace

std::string QueryRecipe::describe() const {
  std::string s = text.empty() ? "(everything)" : text;
  for (const auto& f : filters) {
    s += " +" + f;
  }
  return s;
}

std::unique_ptr<Searcher> make_match_spy_searcher(const std::filesystem::path& db_dir,
                                                  FacetMode mode) {
  return std::make_unique<MatchSpySearcher>(db_dir, mode);
}

}  // namespace foilog::bench
