// "Similar responses": Xapian relevance feedback. The response's own document is the relevant
// set; the 20 most discriminating plain words of it (no prefixed or boolean terms) become an OR
// query over the other responses.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace foilog::web {

struct SimilarHit {
  std::int64_t id = 0;
  nlohmann::json data;  // the indexed summary
};

// Up to k other responses like document id (SQLite id); empty when it is not indexed.
[[nodiscard]] std::vector<SimilarHit> similar_documents(const Xapian::Database& db, std::int64_t id,
                                                        unsigned k);

}  // namespace foilog::web
