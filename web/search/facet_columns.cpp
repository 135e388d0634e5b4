#include "search/facet_columns.h"

#include <algorithm>

namespace foilog::web {

std::int64_t FacetColumns::Column::code_of(const std::string& value) const {
  const auto it = std::lower_bound(values.begin(), values.end(), value);
  if (it == values.end() || *it != value) {
    return -1;
  }
  return it - values.begin();
}

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& db) {
  auto out = std::make_shared<FacetColumns>();
  const Xapian::docid max_docid = db.get_lastdocid();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    Column& col = out->columns_[f];
    const std::string prefix(kFacets[f].prefix);
    std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string term = *t;
      // Skip terms of another facet whose prefix merely starts with this one's.
      bool other = false;
      for (std::size_t g = 0; g < kFacetCount; ++g) {
        const auto& p = kFacets[g].prefix;
        if (g != f && p.size() > prefix.size() && term.compare(0, p.size(), p) == 0) {
          other = true;
        }
      }
      if (other) {
        continue;
      }
      const auto code = static_cast<std::uint32_t>(col.values.size());
      col.values.push_back(term.substr(prefix.size()));
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        pairs.emplace_back(*p, code);
      }
    }
    // values arrive in term order, which is byte order of the whole term, so they are sorted.
    col.offsets.assign(static_cast<std::size_t>(max_docid) + 2, 0);
    for (const auto& [d, c] : pairs) {
      ++col.offsets[d + 1];
    }
    for (std::size_t i = 1; i < col.offsets.size(); ++i) {
      col.offsets[i] += col.offsets[i - 1];
    }
    col.codes.resize(pairs.size());
    std::vector<std::uint32_t> fill(col.offsets.begin(), col.offsets.end() - 1);
    for (const auto& [d, c] : pairs) {
      col.codes[fill[d]++] = c;
    }
  }
  return out;
}

std::size_t FacetColumns::memory_bytes() const {
  std::size_t n = 0;
  for (const auto& c : columns_) {
    n += c.offsets.size() * sizeof(std::uint32_t) + c.codes.size() * sizeof(std::uint32_t);
    for (const auto& v : c.values) {
      n += v.size() + sizeof(std::string);
    }
  }
  return n;
}

}  // namespace foilog::web
