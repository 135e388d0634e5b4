// The web layer's own search module (web/search: in-memory facet columns, disjunctive exact
// counts) behind the benchmark's Searcher interface, so that the harness measures what
// `foilog serve` runs. Built only when the web target exists (FOILOG_BENCH_HAVE_WEB).
#pragma once

#include <filesystem>
#include <memory>

#include "search_bench/searcher.h"

namespace foilog::bench {

// Whether this build has the web module.
[[nodiscard]] bool have_web_searcher();

// Opens the store's Xapian index and builds the facet columns (timed in column_build_seconds).
// Throws std::runtime_error when the build has no web module.
[[nodiscard]] std::unique_ptr<Searcher> make_web_searcher(const std::filesystem::path& db_dir);

// The query string of the web layer's URL contract for a recipe ("q=fire+engines&outcome=
// refused"), built with web::to_params and web::query_string. Throws without the web module.
[[nodiscard]] std::string web_query_string(const QueryRecipe& q);

// Seconds and bytes of the last FacetColumns::build (0 without the web module).
[[nodiscard]] double last_column_build_seconds();
[[nodiscard]] std::size_t last_column_bytes();

}  // namespace foilog::bench
