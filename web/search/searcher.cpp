#include "search/searcher.h"

#include <algorithm>
#include <cstdint>

#include "schema/schema.h"

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

class Collector : public Xapian::MatchDecider {
 public:
  Collector(const FacetColumns& columns, const Selection& sel) : columns_(columns), sel_(sel) {}

  bool operator()(const Xapian::Document& doc) const override {
    const Xapian::docid d = doc.get_docid();
    Mask mask = 0;
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      if (!sel_.active[f]) {
        mask |= Mask{1} << f;
        continue;
      }
      const auto [b, e] = columns_.column(f).of(d);
      for (const auto* c = b; c != e; ++c) {
        if (sel_.chosen[f][*c]) {
          mask |= Mask{1} << f;
          break;
        }
      }
    }
    seen_.emplace_back(d, mask);
    return mask == kAllPass;
  }

  [[nodiscard]] const std::vector<std::pair<Xapian::docid, Mask>>& seen() const { return seen_; }

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

}  // namespace

SearchResults run_search(const Xapian::Database& db, const FacetColumns& columns,
                         QueryBuilder& builder, const SearchRequest& req, bool collect_matches) {
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
  Collector collector(columns, sel);
  const Xapian::doccount everything = std::max<Xapian::doccount>(db.get_doccount(), 1);
  out.mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset()),
                              static_cast<Xapian::doccount>(req.per_page), everything, nullptr,
                              &collector);
  out.exact = out.mset.get_matches_lower_bound() == out.mset.get_matches_upper_bound();
  std::size_t passing = 0;
  for (const auto& [d, mask] : collector.seen()) {
    if (mask == kAllPass) {
      ++passing;
      if (collect_matches) {
        out.matching.push_back(d);
      }
    }
  }
  out.total = out.exact ? passing : out.mset.get_matches_estimated();
  // "Did you mean": asked only when the words found little, where a correction helps.
  if (!req.q.empty() && out.total < kSuggestBelow) {
    out.suggestion = builder.suggest(req.q);
  }
  for (auto it = out.mset.begin(); it != out.mset.end(); ++it) {
    SearchHit hit;
    hit.docid = *it;
    hit.weight = it.get_weight();
    hit.data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (hit.data.is_discarded()) {
      hit.data = nlohmann::json::object();
    }
    out.hits.push_back(std::move(hit));
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    out.facets[f] = count_facet(columns, f, sel, req, collector.seen());
  }
  return out;
}

}  // namespace foilog::web
