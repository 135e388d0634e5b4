// Wildcards expanded once, over the whole index. Xapian 1.4 expands an OP_WILDCARD in each
// database it searches, so over shards each shard weights `data*` by its own statistics (and,
// past the expansion limit, picks its own terms): the ranking would differ from one database's.
// Expanding the pattern here, against the database searched (all shards' terms), into an
// OP_SYNONYM of the same terms gives the same query, and so the same answer, either way.
#pragma once

#include <xapian.h>

namespace foilog::web {

// The most frequent terms a wildcard may stand for (QueryParser::set_max_expansion's limit).
inline constexpr Xapian::termcount kMaxWildcardTerms = 200;

// query with every OP_WILDCARD replaced by the OP_SYNONYM of the (at most kMaxWildcardTerms most
// frequent) terms of db it matches. Parts without a wildcard are kept as they are.
[[nodiscard]] Xapian::Query expand_wildcards(const Xapian::Query& query,
                                             const Xapian::Database& db);

}  // namespace foilog::web
