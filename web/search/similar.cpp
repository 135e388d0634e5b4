#include "search/similar.h"

#include "schema/schema.h"
#include "search/plain_words.h"

namespace foilog::web {

std::vector<SimilarHit> similar_documents(const Xapian::Database& db, std::int64_t id, unsigned k) {
  const std::string id_term = schema::document_id_term(id);
  const auto pl = db.postlist_begin(id_term);
  if (pl == db.postlist_end(id_term)) {
    return {};
  }
  Xapian::RSet rset;
  rset.add_document(*pl);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(id_term));
  PlainWords plain;
  // Exact term frequencies: over several databases Xapian otherwise weights each term by the
  // statistics of the shard the document is in, not the whole index's.
  const Xapian::ESet eset = enquire.get_eset(30, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &plain);
  if (eset.empty()) {
    return {};
  }
  // The 20 best terms of the feedback, ORed. (OP_ELITE_SET would let each shard choose its own
  // 20 by its own statistics.)
  std::vector<Xapian::Query> best;
  for (auto it = eset.begin(); it != eset.end() && best.size() < 20; ++it) {
    best.emplace_back(*it);
  }
  Xapian::Query words(Xapian::Query::OP_OR, best.begin(), best.end());
  Xapian::Query docs_only(std::string(schema::prefix::kDocType) +
                          std::string(schema::doc_type::kDocument));
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                  Xapian::Query(Xapian::Query::OP_FILTER, words, docs_only),
                                  Xapian::Query(id_term)));
  // Ties in document id order, the same from one database and from shards (prior_answers.cpp).
  enquire.set_sort_by_relevance_then_value(schema::slot::kDocId, false);
  std::vector<SimilarHit> out;
  Xapian::MSet mset = enquire.get_mset(0, k);
  mset.fetch();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SimilarHit h;
    h.data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (h.data.is_discarded()) {
      continue;
    }
    h.id = h.data.value("id", std::int64_t{0});
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace foilog::web
