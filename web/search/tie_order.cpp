#include "search/tie_order.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace foilog::web {
namespace {

bool ranked_equal(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
  return a.get_weight() == b.get_weight() && a.get_sort_key() == b.get_sort_key();
}

}  // namespace

void order_ties(const Xapian::MSet& mset, std::vector<Xapian::doccount>& positions,
                const IdOfMatch& id_of) {
  std::size_t begin = 0;
  while (begin < positions.size()) {
    std::size_t end = begin + 1;
    while (end < positions.size() && ranked_equal(mset[positions[begin]], mset[positions[end]])) {
      ++end;
    }
    if (end - begin > 1) {
      std::vector<std::pair<std::pair<std::int64_t, Xapian::docid>, Xapian::doccount>> run;
      for (std::size_t i = begin; i < end; ++i) {
        const auto it = mset[positions[i]];
        run.push_back({{id_of(it), *it}, positions[i]});
      }
      std::sort(run.begin(), run.end());
      for (std::size_t i = begin; i < end; ++i) {
        positions[i] = run[i - begin].second;
      }
    }
    begin = end;
  }
}

OrderedPage fetch_ordered_page(
    const std::function<Xapian::MSet(Xapian::doccount first, Xapian::doccount maxitems)>& fetch,
    Xapian::doccount first, Xapian::doccount count, const IdOfMatch& id_of) {
  Xapian::doccount margin = std::max<Xapian::doccount>(count, 8);
  for (;;) {
    const Xapian::doccount window_first = first > margin ? first - margin : 0;
    const Xapian::doccount window_count = (first - window_first) + count + margin;
    OrderedPage page{fetch(window_first, window_count), {}};
    const Xapian::MSet& m = page.mset;
    const Xapian::doccount lo = first - window_first;
    if (count == 0 || lo >= m.size()) {
      return page;
    }
    const Xapian::doccount hi = std::min<Xapian::doccount>(m.size(), lo + count);
    const bool left_whole = window_first == 0 || !ranked_equal(m[0], m[lo]);
    const bool right_whole = m.size() < window_count || !ranked_equal(m[m.size() - 1], m[hi - 1]);
    if (!left_whole || !right_whole) {
      margin *= 4;  // a run of equal results longer than the window: look further
      continue;
    }
    std::vector<Xapian::doccount> all(m.size());
    std::iota(all.begin(), all.end(), Xapian::doccount{0});
    order_ties(m, all, id_of);
    page.positions.assign(all.begin() + lo, all.begin() + hi);
    return page;
  }
}

}  // namespace foilog::web
