// Results Xapian ranks equal (the same sort key and weight) come out in docid order, and docids
// are an accident of storage: one database numbers documents in the order they were written,
// shards interleave (docid in the combination = (docid in its shard - 1) * shards + shard + 1).
// So that a page is the same from one database and from shards, each run of equal results is
// put in foilog document id order (then docid, which keeps one letter's questions, always in one
// shard, in the order they were written).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace foilog::web {

// The foilog document id of a match (DocColumns::sqlite_id, or the kDocId value).
using IdOfMatch = std::function<std::int64_t(const Xapian::MSetIterator&)>;

// positions: indexes into mset in Xapian's order (all of them, or the ones a filter kept).
// Reorders each run of positions Xapian ranks equal by (id, docid); other positions keep their
// place.
void order_ties(const Xapian::MSet& mset, std::vector<Xapian::doccount>& positions,
                const IdOfMatch& id_of);

// fetch(first, maxitems) runs the match. Returns the MSet fetched and the positions in it of
// results [first, first + count) in tie order: the window fetched reaches past both ends of the
// page until the runs of equal results at its edges are whole.
struct OrderedPage {
  Xapian::MSet mset;
  std::vector<Xapian::doccount> positions;
};
[[nodiscard]] OrderedPage fetch_ordered_page(
    const std::function<Xapian::MSet(Xapian::doccount first, Xapian::doccount maxitems)>& fetch,
    Xapian::doccount first, Xapian::doccount count, const IdOfMatch& id_of);

}  // namespace foilog::web
