// /export/search?…&format=csv|json: every response a search matches, streamed in batches (the
// match set is a list of docids; rows are read from SQLite a few hundred at a time), so
// exporting a million-document index runs in bounded memory.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "search/search_request.h"
#include "server/site.h"

namespace foilog::web {

struct ExportStream {
  std::string content_type;
  std::string file_name;  // carries the filters used, e.g. foilog-search-outcome-refused.csv
  // Appends the next piece to chunk and returns true, or returns false when done. Runs on the
  // thread that created the stream (cpp-httplib writes a response on its worker thread).
  std::function<bool(std::string& chunk)> next;
};

// Throws UsageError naming a bad parameter (format must be csv or json).
[[nodiscard]] ExportStream search_export(Site& site, const Params& params);

}  // namespace foilog::web
