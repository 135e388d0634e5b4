// The pieces of a search the pages, feeds and the JSON API all show: a hit, the facets (with
// links that add or remove a value), chosen-filter tags, pagination. Built once here so /search,
// the authority log and the exemption page agree.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "search/catalog.h"
#include "search/searcher.h"
#include "server/site.h"

namespace foilog::web {

// "2020-10-15" -> "15 October 2020"; "" for an empty or malformed date.
[[nodiscard]] std::string display_date(const std::string& iso);

// "12 working days (within the 20-day limit)", or why it is not known.
[[nodiscard]] std::string working_days_text(const Record& r);

// A hit's snippet as HTML: the text escaped once, the query's words in <mark>. With no query, the
// start of the text. Xapian 1.4.22 escapes the text only when its markers are not empty, so the
// markers here never are (R10).
[[nodiscard]] std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                                       bool has_query);

// The text a hit's snippet is cut from: the letter (SQLite) or the question and its answer.
[[nodiscard]] std::string hit_text(Site::Context& ctx, const SearchHit& hit, SearchMode mode);

// A hit for pages and the API: id, url, reference, authority, authority_id, authority_url,
// date_responded (+ _display), date_received, outcome (+ _label), exemptions [{provision, url,
// title}], topics [{id, label, url}], title, snippet_html; in question mode also n, question,
// answer.
[[nodiscard]] nlohmann::json hit_view(Site::Context& ctx, const Catalog& catalog,
                                      const SearchResults& results, const SearchHit& hit,
                                      const SearchRequest& req);

// [{name, label, values:[{value, label, count, selected, href, children:[...]}]}]; exemption
// values are grouped under their section.
[[nodiscard]] nlohmann::json facets_view(const Catalog& catalog, const SearchRequest& req,
                                         const SearchResults& results);
// [{facet, facet_label, value, label, href}] for each chosen filter and the date range.
[[nodiscard]] nlohmann::json tags_view(const Catalog& catalog, const SearchRequest& req,
                                       const std::string& path = "/search");
// {pages:[{number, href, current, ellipsis}], prev_href, next_href, page, last_page}
[[nodiscard]] nlohmann::json pagination_view(const SearchRequest& req, std::size_t total,
                                             const std::string& path);

// The same request at another page / with a value added or removed.
[[nodiscard]] std::string search_href(const SearchRequest& req,
                                      const std::string& path = "/search");

}  // namespace foilog::web
