// /search, /api/search: the same request, the same figures, as a page or as JSON.
#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/search_view.h"
#include "render/url.h"

namespace foilog::web {
namespace {

// Hidden inputs that carry the rest of the request through a form that changes one part.
nlohmann::json hidden_inputs(const SearchRequest& req, bool keep_q, bool keep_dates) {
  SearchRequest r = req;
  r.page = 1;
  if (!keep_q) {
    r.q.clear();
  }
  if (!keep_dates) {
    r.from.clear();
    r.to.clear();
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, v] : to_params(r)) {
    out.push_back({{"name", k}, {"value", v}});
  }
  return out;
}

nlohmann::json option_links(const SearchRequest& req) {
  nlohmann::json sorts = nlohmann::json::array();
  for (const SortOrder s : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    SearchRequest r = req;
    r.sort = s;
    r.page = 1;
    static constexpr const char* kLabels[] = {"Most relevant", "Newest", "Oldest"};
    sorts.push_back({{"label", kLabels[static_cast<int>(s)]},
                     {"href", search_href(r)},
                     {"current", s == req.sort}});
  }
  nlohmann::json modes = nlohmann::json::array();
  for (const SearchMode m : {SearchMode::kDocuments, SearchMode::kQuestions}) {
    SearchRequest r = req;
    r.mode = m;
    r.page = 1;
    modes.push_back(
        {{"label", m == SearchMode::kDocuments ? "Whole responses" : "Single questions"},
         {"href", search_href(r)},
         {"current", m == req.mode}});
  }
  return {{"sort_options", sorts}, {"mode_options", modes}};
}

}  // namespace

Reply search_page(Site& site, const Params& params) {
  const SearchRequest req = parse_search_request(params);
  auto& ctx = site.context();
  const SearchRun run = run_site_search(site, ctx, req);
  const Catalog& catalog = *run.snapshot.catalog;
  const bool questions = req.mode == SearchMode::kQuestions;

  nlohmann::json v = base_view(req.q.empty() ? "Search responses" : "Search: " + req.q, "search");
  v["q"] = req.q;
  v["hidden_for_query"] = hidden_inputs(req, false, true);
  v["hidden_for_dates"] = hidden_inputs(req, true, false);
  v["from"] = req.from;
  v["to"] = req.to;
  v["total"] = run.results.total;
  v["total_display"] = thousands(run.results.total);
  v["exact"] = run.results.exact;
  v["result_noun"] = questions ? (run.results.total == 1 ? "question" : "questions")
                               : (run.results.total == 1 ? "response" : "responses");
  v["questions_mode"] = questions;
  nlohmann::json results = nlohmann::json::array();
  std::size_t rank = req.offset();
  for (const auto& hit : run.results.hits) {
    auto h = hit_view(ctx, catalog, run.results, hit, req);
    h["rank"] = ++rank;
    results.push_back(std::move(h));
  }
  v["results"] = results;
  v["has_results"] = !results.empty();
  v["first_rank"] = req.offset() + 1;
  if (!run.results.suggestion.empty()) {
    SearchRequest r = req;
    r.q = run.results.suggestion;
    r.page = 1;
    v["suggestion"] = run.results.suggestion;
    v["suggestion_href"] = search_href(r);
  }
  v["facets"] = facets_view(catalog, req, run.results);
  v["tags"] = tags_view(catalog, req);
  v["has_tags"] = !v["tags"].empty();
  SearchRequest cleared;
  cleared.q = req.q;
  cleared.mode = req.mode;
  cleared.sort = req.sort;
  v["clear_href"] = search_href(cleared);
  v.update(option_links(req));
  v["pagination"] = pagination_view(req, run.results.total, "/search");
  v["feed_href"] = search_href(req, "/feed.atom");
  v["json_href"] = search_href(req, "/api/search");
  SearchRequest whole = req;
  whole.page = 1;
  whole.per_page = 20;
  v["patterns_href"] = search_href(whole, "/patterns");
  auto csv = to_params(whole);
  csv.emplace_back("format", "csv");
  v["export_csv_href"] = with_query("/export/search", csv);
  return {200, "text/html; charset=utf-8", site.templates().render_page("search", v), {}};
}

Reply api_search(Site& site, const Params& params) {
  const SearchRequest req = parse_search_request(params);
  auto& ctx = site.context();
  const SearchRun run = run_site_search(site, ctx, req);
  const Catalog& catalog = *run.snapshot.catalog;
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : run.results.hits) {
    auto h = hit_view(ctx, catalog, run.results, hit, req);
    nlohmann::json r = {{"id", h["id"]},
                        {"url", h["url"]},
                        {"reference", h["reference"]},
                        {"authority", h["authority"]},
                        {"authority_id", h["authority_id"]},
                        {"date_responded", h["date_responded"]},
                        {"date_received", h["date_received"]},
                        {"outcome", h["outcome"]},
                        {"title", h["title"]},
                        {"kind", h["kind"]},
                        {"snippet", h["snippet_html"]}};
    nlohmann::json exemptions = nlohmann::json::array();
    for (const auto& e : h["exemptions"]) {
      exemptions.push_back(e["provision"]);
    }
    r["exemptions"] = exemptions;
    nlohmann::json topics = nlohmann::json::array();
    for (const auto& t : h["topics"]) {
      topics.push_back(t["id"]);
    }
    r["topics"] = topics;
    if (req.mode == SearchMode::kQuestions) {
      r["n"] = h["n"];
      r["question"] = h["question"];
      r["answer"] = h["answer"];
    }
    results.push_back(std::move(r));
  }
  nlohmann::json facets = nlohmann::json::object();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& fc : run.results.facets[f]) {
      values.push_back({{"value", fc.value},
                        {"label", catalog.label(kFacets[f].param, fc.value)},
                        {"count", fc.count},
                        {"selected", fc.selected}});
    }
    facets[std::string(kFacets[f].param)] = values;
  }
  nlohmann::json body = {{"total", run.results.total},
                         {"exact", run.results.exact},
                         {"page", req.page},
                         {"per_page", req.per_page},
                         {"sort", sort_name(req.sort)},
                         {"mode", mode_name(req.mode)},
                         {"results", results},
                         {"facets", facets}};
  body["suggestion"] = run.results.suggestion.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(run.results.suggestion);
  return {200,
          "application/json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

}  // namespace foilog::web
