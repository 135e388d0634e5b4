// SearchRequest -> Xapian::Query. Free text goes through Xapian's QueryParser (phrases,
// AND/OR/NOT, wildcards, stemming, synonyms, spelling correction) with field prefixes
// (authority:, exemption:, topic:, outcome:, ref:, year:, type:, regime:, title:); the mode,
// and the date range become filters. Facet filters are not part of the query: the searcher
// applies them from the in-memory facet columns so that every facet can be counted with the
// other facets' filters only (see searcher.h).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "search/search_request.h"

namespace foilog::web {

struct BuiltQuery {
  Xapian::Query query;
  std::string corrected;   // QueryParser's spelling correction of q, or empty
  std::string reference;   // the XREF term q names exactly, or empty
  bool match_all = false;  // q was empty
  // What query's filter part holds, for searches that match without Xapian's matcher
  // (searcher.cpp's browse): the document-type term and the sort-date bounds (YYYYMMDD, or
  // empty when open).
  std::string type_term;
  std::string sort_from;
  std::string sort_to;
};

// Canonical provision from how a person types it: "S31(1)(a)" / "section 31" / "31" -> "s31...",
// "Regulation 12(4)(b)" / "reg 12" -> "reg12(4)(b)". Unrecognised input is lower-cased.
[[nodiscard]] std::string canonical_provision(std::string_view typed);

class QueryBuilder {
 public:
  explicit QueryBuilder(const Xapian::Database& db);
  // lexicon: the database QueryParser reads spelling and synonyms from, when db (remote shards)
  // cannot give them; both must outlive the builder.
  QueryBuilder(const Xapian::Database& db, const Xapian::Database& lexicon);
  ~QueryBuilder();
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Throws UsageError("q", ...) when QueryParser cannot make sense of q.
  [[nodiscard]] BuiltQuery build(const SearchRequest& req);

  // QueryParser's spelling correction of q ("polise" -> "police"), or empty when it has none.
  [[nodiscard]] std::string suggest(const std::string& q);

  // The text part alone (for the snippet highlighter and relevance feedback).
  [[nodiscard]] Xapian::Query parse_text(const std::string& q, std::string* corrected = nullptr);

 private:
  struct Processors;
  const Xapian::Database& db_;
  std::unique_ptr<Processors> processors_;
  Xapian::QueryParser qp_;
};

}  // namespace foilog::web
