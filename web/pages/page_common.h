// Helpers the page functions share: the base view every page has, loading a stored record,
// and running a search with this thread's handles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "search/searcher.h"
#include "server/site.h"

namespace foilog::web {

// {page_title, nav_*} for layout.mustache.
[[nodiscard]] nlohmann::json base_view(const std::string& title, const std::string& nav = {});

struct StoredDocument {
  std::int64_t id = 0;
  Record record;
  nlohmann::json source;  // {path, sha256, size, format, ingested_at}
};

// The document with this id (decimal text from the URL), or HttpError 404.
[[nodiscard]] StoredDocument load_document(Site::Context& ctx, const std::string& id_text);

struct SearchRun {
  SearchResults results;
  IndexSnapshot snapshot;
};
[[nodiscard]] SearchRun run_site_search(Site& site, Site::Context& ctx, const SearchRequest& req,
                                        bool collect_matches = false);

// HttpError 404 unless the slug names an authority the catalog knows or a document carries.
void require_authority(const IndexSnapshot& snap, const std::string& slug);

// "12,345"
[[nodiscard]] std::string thousands(std::size_t n);

}  // namespace foilog::web
