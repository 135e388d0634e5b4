#include "search/searcher.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "analytics/doc_columns.h"
#include "schema/schema.h"
#include "search/tie_order.h"

namespace foilog::web {
namespace {

using Mask = std::uint32_t;
static_assert(kFacetCount <= 32);
constexpr Mask kAllPass = (Mask{1} << kFacetCount) - 1;

// Per facet, which codes are selected; an unselected facet passes everything.
struct Selection {
  std::array<std::vector<bool>, kFacetCount> chosen;
  std::array<bool, kFacetCount> active{};
};

Selection make_selection(const FacetColumns& columns, const SearchRequest& req) {
  Selection sel;
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (req.filters[f].empty()) {
      continue;
    }
    const auto& col = columns.column(f);
    sel.active[f] = true;
    sel.chosen[f].assign(col.values.size(), false);
    for (const auto& v : req.filters[f]) {
      // Exemption values are typed in many ways; the others are exact facet values.
      const std::int64_t code = col.code_of(v);
      if (code >= 0) {
        sel.chosen[f][static_cast<std::size_t>(code)] = true;
      }
    }
  }
  return sel;
}

// A bit per facet: does docid pass that facet's filter.
Mask mask_of(const FacetColumns& columns, const Selection& sel, Xapian::docid d) {
  Mask mask = 0;
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (!sel.active[f]) {
      mask |= Mask{1} << f;
      continue;
    }
    const auto [b, e] = columns.column(f).of(d);
    for (const auto* c = b; c != e; ++c) {
      if (sel.chosen[f][*c]) {
        mask |= Mask{1} << f;
        break;
      }
    }
  }
  return mask;
}

class Collector : public Xapian::MatchDecider {
 public:
  Collector(const FacetColumns& columns, const Selection& sel) : columns_(columns), sel_(sel) {}

  bool operator()(const Xapian::Document& doc) const override {
    const Xapian::docid d = doc.get_docid();
    const Mask mask = mask_of(columns_, sel_, d);
    seen_.emplace_back(d, mask);
    return mask == kAllPass;
  }

  [[nodiscard]] const std::vector<std::pair<Xapian::docid, Mask>>& seen() const { return seen_; }
  void reset() { seen_.clear(); }  // before each match it decides for

 private:
  const FacetColumns& columns_;
  const Selection& sel_;
  mutable std::vector<std::pair<Xapian::docid, Mask>> seen_;
};

std::vector<FacetCount> count_facet(const FacetColumns& columns, std::size_t f,
                                    const Selection& sel, const SearchRequest& req,
                                    const std::vector<std::pair<Xapian::docid, Mask>>& seen) {
  const auto& col = columns.column(f);
  std::vector<std::size_t> counts(col.values.size(), 0);
  const Mask need = kAllPass & ~(Mask{1} << f);
  for (const auto& [d, mask] : seen) {
    if ((mask & need) != need) {
      continue;
    }
    const auto [b, e] = col.of(d);
    for (const auto* c = b; c != e; ++c) {
      ++counts[*c];
    }
  }
  std::vector<FacetCount> out;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    const bool selected = sel.active[f] && sel.chosen[f][c];
    if (counts[c] > 0 || selected) {
      out.push_back({col.values[c], counts[c], selected});
    }
  }
  // A chosen value no document has still shows, so it can be removed.
  for (const auto& v : req.filters[f]) {
    if (col.code_of(v) < 0) {
      out.push_back({v, 0, true});
    }
  }
  const bool by_value = kFacets[f].param == "year";
  std::stable_sort(out.begin(), out.end(), [by_value](const FacetCount& a, const FacetCount& b) {
    if (by_value) {
      return a.value > b.value;  // years newest first
    }
    if (a.count != b.count) {
      return a.count > b.count;
    }
    return a.value < b.value;
  });
  return out;
}

IdOfMatch id_of_match(const DocColumns* numbers) {
  if (numbers != nullptr) {
    return [numbers](const Xapian::MSetIterator& it) { return numbers->sqlite_id(*it); };
  }
  return [](const Xapian::MSetIterator& it) {
    const std::string v = it.get_document().get_value(schema::slot::kDocId);
    std::int64_t id = 0;
    std::from_chars(v.data(), v.data() + v.size(), id);
    return id;
  };
}

// Remote shards: every match of the text query, ranked; filters and paging applied here.
OrderedPage match_everything(Xapian::Enquire& enquire, Xapian::doccount everything,
                             const FacetColumns& columns, const Selection& sel,
                             const SearchRequest& req, const IdOfMatch& id_of,
                             std::vector<std::pair<Xapian::docid, Mask>>& seen) {
  OrderedPage page{enquire.get_mset(0, everything, everything), {}};
  std::vector<Xapian::doccount> passing;
  for (auto it = page.mset.begin(); it != page.mset.end(); ++it) {
    const Mask mask = mask_of(columns, sel, *it);
    seen.emplace_back(*it, mask);
    if (mask == kAllPass) {
      passing.push_back(it.get_rank());
    }
  }
  order_ties(page.mset, passing, id_of);
  const auto first = std::min(passing.size(), req.offset());
  const auto last = std::min(passing.size(), first + static_cast<std::size_t>(req.per_page));
  page.positions.assign(passing.begin() + static_cast<std::ptrdiff_t>(first),
                        passing.begin() + static_cast<std::ptrdiff_t>(last));
  return page;
}

// Whether a search can be answered by browse() below: no words (every document of the type
// matches), a local database, and sort dates that order as Xapian orders them.
bool browsable(const BuiltQuery& built, const SearchOptions& options) {
  if (!built.match_all || options.remote || options.numbers == nullptr ||
      !options.numbers->sort_keys_exact()) {
    return false;
  }
  return (built.sort_from.empty() || sort_key_of(built.sort_from)) &&
         (built.sort_to.empty() || sort_key_of(built.sort_to));
}

// A search without words, answered without Xapian's matcher: one walk of the type term's
// posting list, each document's filters and date read from the in-memory columns, then the page
// taken by date. Through the matcher and its decider, browsing 100k letters took 90 ms at p50;
// this way 8 ms, ~80 ns for each response walked (bench/RESULTS.md, "Fourth round"). It returns
// what the matcher returns: the same total, facet counts, page (date, then the tie order of
// tie_order.h: id, then docid) and match order (docid); FacetCounts tests compare the two.
// Returns the page's docids in order; `seen` gets every document of the type, as the decider's.
std::vector<Xapian::docid> browse(const Xapian::Database& db, const FacetColumns& columns,
                                  const Selection& sel, const BuiltQuery& built,
                                  const SearchRequest& req, const DocColumns& numbers,
                                  std::vector<std::pair<Xapian::docid, Mask>>& seen) {
  const std::uint32_t from = built.sort_from.empty() ? 0 : *sort_key_of(built.sort_from);
  const std::uint32_t to = built.sort_to.empty() ? 0 : *sort_key_of(built.sort_to);
  const bool ranged = from != 0 || to != 0;
  std::vector<Xapian::docid> passing;
  for (auto it = db.postlist_begin(built.type_term); it != db.postlist_end(built.type_term); ++it) {
    const Xapian::docid d = *it;
    if (ranged) {
      // Xapian's value ranges never match a document without the value.
      const std::uint32_t key = numbers.sort_key(d);
      if (key == 0 || (from != 0 && key < from) || (to != 0 && key > to)) {
        continue;
      }
    }
    const Mask mask = mask_of(columns, sel, d);
    seen.emplace_back(d, mask);
    if (mask == kAllPass) {
      passing.push_back(d);
    }
  }
  const bool newest = req.sort != SortOrder::kOldest;
  const auto before = [&](Xapian::docid a, Xapian::docid b) {
    const std::uint32_t ka = numbers.sort_key(a);
    const std::uint32_t kb = numbers.sort_key(b);
    if (ka != kb) {
      return newest ? ka > kb : ka < kb;
    }
    const std::int64_t ia = numbers.sqlite_id(a);
    const std::int64_t ib = numbers.sqlite_id(b);
    return ia != ib ? ia < ib : a < b;
  };
  const std::size_t first = std::min(passing.size(), req.offset());
  const std::size_t last = std::min(passing.size(), first + static_cast<std::size_t>(req.per_page));
  std::partial_sort(passing.begin(), passing.begin() + static_cast<std::ptrdiff_t>(last),
                    passing.end(), before);
  return {passing.begin() + static_cast<std::ptrdiff_t>(first),
          passing.begin() + static_cast<std::ptrdiff_t>(last)};
}

}  // namespace

SearchResults run_search(const Xapian::Database& db, const FacetColumns& columns,
                         QueryBuilder& builder, const SearchRequest& req, bool collect_matches) {
  SearchOptions options;
  options.collect_matches = collect_matches;
  return run_search(db, columns, builder, req, options);
}

SearchResults run_search(const Xapian::Database& db, const FacetColumns& columns,
                         QueryBuilder& builder, const SearchRequest& req,
                         const SearchOptions& options) {
  SearchResults out;
  const BuiltQuery built = builder.build(req);

  Xapian::Enquire enquire(db);
  enquire.set_query(built.query);
  const bool relevance = req.sort == SortOrder::kRelevance && !built.match_all;
  if (!relevance) {
    const bool newest = req.sort != SortOrder::kOldest;
    enquire.set_sort_by_value_then_relevance(schema::slot::kSortDate, newest);
  }
  enquire.set_time_limit(kSearchTimeLimit);

  const Selection sel = make_selection(columns, req);
  const IdOfMatch id_of = id_of_match(options.numbers);
  const Xapian::doccount everything = std::max<Xapian::doccount>(db.get_doccount(), 1);
  std::vector<std::pair<Xapian::docid, Mask>> seen;
  OrderedPage page;
  std::vector<Xapian::docid> browsed_page;  // browse(): the page's docids, in order
  const bool browsing = browsable(built, options);
  if (browsing) {
    browsed_page = browse(db, columns, sel, built, req, *options.numbers, seen);
  } else if (options.remote) {
    page = match_everything(enquire, everything, columns, sel, req, id_of, seen);
  } else {
    Collector collector(columns, sel);
    page = fetch_ordered_page(
        [&](Xapian::doccount first, Xapian::doccount maxitems) {
          collector.reset();
          return enquire.get_mset(first, maxitems, everything, nullptr, &collector);
        },
        static_cast<Xapian::doccount>(req.offset()), static_cast<Xapian::doccount>(req.per_page),
        id_of);
    seen = collector.seen();
  }
  out.mset = page.mset;
  out.exact = browsing || out.mset.get_matches_lower_bound() == out.mset.get_matches_upper_bound();
  std::size_t passing = 0;
  for (const auto& [d, mask] : seen) {
    if (mask == kAllPass) {
      ++passing;
      if (options.collect_matches) {
        out.matching.push_back(d);
      }
    }
  }
  out.total = out.exact ? passing : out.mset.get_matches_estimated();
  // "Did you mean": asked only when the words found little, where a correction helps.
  if (!req.q.empty() && out.total < kSuggestBelow) {
    out.suggestion = builder.suggest(req.q);
  }
  const auto add_hit = [&](Xapian::docid docid, double weight, const Xapian::Document& doc) {
    SearchHit hit;
    hit.docid = docid;
    hit.weight = weight;
    hit.data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (hit.data.is_discarded()) {
      hit.data = nlohmann::json::object();
    }
    out.hits.push_back(std::move(hit));
  };
  for (const Xapian::docid docid : browsed_page) {
    add_hit(docid, 0.0, db.get_document(docid));  // no words: the matcher's weight is 0 too
  }
  for (const Xapian::doccount position : page.positions) {
    const Xapian::MSetIterator it = out.mset[position];
    add_hit(*it, it.get_weight(), it.get_document());
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    out.facets[f] = count_facet(columns, f, sel, req, seen);
  }
  return out;
}

}  // namespace foilog::web
