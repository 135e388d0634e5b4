#include "search/wildcards.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace foilog::web {
namespace {

bool has_wildcard(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_WILDCARD) {
    return true;
  }
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (has_wildcard(q.get_subquery(i))) {
      return true;
    }
  }
  return false;
}

// Xapian 1.4 offers no accessor for a wildcard's pattern; its description is
// "Query(WILDCARD SYNONYM pattern)".
std::string pattern_of(const Xapian::Query& wildcard) {
  const std::string d = wildcard.get_description();
  const std::string head = "Query(WILDCARD ";
  const auto space = d.find(' ', head.size());
  if (d.rfind(head, 0) != 0 || space == std::string::npos || d.back() != ')') {
    return {};
  }
  return d.substr(space + 1, d.size() - space - 2);
}

Xapian::Query expand(const Xapian::Query& wildcard, const Xapian::Database& db) {
  const std::string pattern = pattern_of(wildcard);
  if (pattern.empty()) {
    return wildcard;  // not a form we know: let Xapian expand it
  }
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t) {
    terms.emplace_back(t.get_termfreq(), *t);
  }
  if (terms.empty()) {
    return Xapian::Query::MatchNothing;
  }
  if (terms.size() > kMaxWildcardTerms) {
    // The most frequent, ties in term order (so every server picks the same).
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    terms.resize(kMaxWildcardTerms);
    std::sort(terms.begin(), terms.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
  }
  std::vector<Xapian::Query> leaves;
  for (const auto& [freq, term] : terms) {
    leaves.emplace_back(term);
  }
  return Xapian::Query(Xapian::Query::OP_SYNONYM, leaves.begin(), leaves.end());
}

}  // namespace

Xapian::Query expand_wildcards(const Xapian::Query& query, const Xapian::Database& db) {
  if (!has_wildcard(query)) {
    return query;
  }
  const auto op = query.get_type();
  if (op == Xapian::Query::OP_WILDCARD) {
    return expand(query, db);
  }
  switch (op) {
    // The operators that take no parameter beyond their subqueries can be rebuilt as they were.
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> subs;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        subs.push_back(expand_wildcards(query.get_subquery(i), db));
      }
      return Xapian::Query(op, subs.begin(), subs.end());
    }
    default:
      return query;  // e.g. a window or a scale: left for Xapian to expand
  }
}

}  // namespace foilog::web
