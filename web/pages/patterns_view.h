// Turns Patterns (analytics/patterns.h) into what the pages, CSV and JSON show: one function
// per table, each row carrying the links to the searches behind its numbers, so the page, the
// exports and the API cannot disagree.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/patterns.h"
#include "search/catalog.h"
#include "search/search_request.h"

namespace foilog::web {

struct Table {
  std::string name;                            // "authorities"
  std::vector<std::string> columns;            // stable, documented column names (docs/PATTERNS.md)
  std::vector<std::vector<std::string>> rows;  // cell text, as in the CSV
};

// Every table of a Patterns, as CSV/JSON would carry it.
[[nodiscard]] std::vector<Table> pattern_tables(const Patterns& p, const Catalog& catalog);

// "42%" and "31–54%".
[[nodiscard]] std::string percent(double share);
[[nodiscard]] std::string interval_text(const Interval& i);

// The view model of the patterns page (tables with links, charts).
[[nodiscard]] nlohmann::json patterns_view(const Patterns& p, const Catalog& catalog,
                                           const SearchRequest& req);

}  // namespace foilog::web
