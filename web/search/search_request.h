// A search as the URL contract states it (pages, API and feeds take the same parameters):
// q, the repeatable facet filters (see facets.h), from, to, sort, page, per_page, mode.
// Parsing is a pure function that validates everything and throws UsageError naming the
// parameter and the fix, which the server turns into a 400 page or JSON error.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "search/facets.h"

namespace foilog::web {

enum class SortOrder { kRelevance, kNewest, kOldest };
enum class SearchMode { kDocuments, kQuestions };

struct SearchRequest {
  std::string q;
  std::array<std::vector<std::string>, kFacetCount> filters;  // by kFacets index; OR within
  std::string from, to;                                       // ISO dates or empty
  SortOrder sort = SortOrder::kRelevance;
  int page = 1;  // 1-based
  int per_page = 20;
  SearchMode mode = SearchMode::kDocuments;

  [[nodiscard]] bool has_filters() const;
  [[nodiscard]] std::size_t offset() const {
    return static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(per_page);
  }
};

using Params = std::multimap<std::string, std::string>;

inline constexpr std::size_t kMaxQueryBytes = 2048;
inline constexpr std::size_t kMaxFilterValueBytes = 200;
inline constexpr std::size_t kMaxFilterValues = 50;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxPage = 1000000;

// The one value of a parameter that must not repeat (nullptr when absent); UsageError naming it
// when it is given twice. For pages that take parameters beyond the search contract.
[[nodiscard]] const std::string* single_param(const Params& params, const std::string& name);

// Throws UsageError(param, fix). Unknown parameters are ignored (links from elsewhere carry
// tracking parameters); known ones must be well formed.
[[nodiscard]] SearchRequest parse_search_request(const Params& params);

// The parameters that reproduce req, in a stable order (q, facets, from, to, sort, mode,
// per_page, page), omitting defaults. Values are raw (not yet URL-encoded).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> to_params(const SearchRequest& req);

[[nodiscard]] std::string_view sort_name(SortOrder s);
[[nodiscard]] std::string_view mode_name(SearchMode m);

}  // namespace foilog::web
