#include "pages/search_export.h"

#include <algorithm>

#include "analytics/csv.h"
#include "analytics/export_rows.h"
#include "pages/page_common.h"
#include "util/error.h"

namespace foilog::web {
namespace {

constexpr std::size_t kBatch = 500;

}  // namespace

ExportStream search_export(Site& site, const Params& params) {
  SearchRequest req = parse_search_request(params);
  req.mode = SearchMode::kDocuments;
  if (req.q.empty() && req.sort == SortOrder::kRelevance) {
    req.sort = SortOrder::kNewest;
  }
  std::string format = "csv";
  if (const auto it = params.find("format"); it != params.end()) {
    format = it->second;
  }
  if (format != "csv" && format != "json") {
    throw UsageError("format", "must be csv or json");
  }
  req.page = 1;
  req.per_page = 1;
  auto& ctx = site.context();
  const SearchRun run = run_site_search(site, ctx, req, true);

  struct State {
    std::vector<std::int64_t> ids;
    std::size_t pos = 0;
    bool started = false;
    bool json = false;
    bool closed = false;    // JSON: the closing bracket was written
    bool first_row = true;  // JSON: no comma before the first object
  };
  auto state = std::make_shared<State>();
  state->json = format == "json";
  state->ids.reserve(run.results.matching.size());
  for (const auto d : run.results.matching) {
    state->ids.push_back(run.snapshot.numbers->sqlite_id(d));
  }
  // In id order: the order Xapian visits matches is its docid order, which differs between one
  // database and shards.
  std::sort(state->ids.begin(), state->ids.end());

  ExportStream out;
  out.content_type = state->json ? "application/json" : "text/csv; charset=utf-8";
  SearchRequest named = req;
  named.per_page = 20;
  named.sort = SortOrder::kRelevance;
  out.file_name = export_file_name("search", to_params(named), format);
  out.next = [state, &site](std::string& chunk) {
    if (!state->started) {
      state->started = true;
      chunk += state->json ? "[\n" : csv_row(export_columns());
      return true;
    }
    if (state->pos >= state->ids.size()) {
      if (state->json && !state->closed) {
        state->closed = true;
        chunk += "]\n";
        return true;
      }
      return false;
    }
    const std::size_t end = std::min(state->ids.size(), state->pos + kBatch);
    const std::vector<std::int64_t> batch(
        state->ids.begin() + static_cast<std::ptrdiff_t>(state->pos),
        state->ids.begin() + static_cast<std::ptrdiff_t>(end));
    for (const auto& row : export_rows(site.context().stores(), batch)) {
      if (state->json) {
        chunk += state->first_row ? "" : ",\n";
        state->first_row = false;
        chunk +=
            export_row_json(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      } else {
        chunk += csv_row(row);
      }
    }
    state->pos = end;
    return true;
  };
  return out;
}

}  // namespace foilog::web
