// The home page, the authority index and each authority's disclosure log, the exemption index
// and each exemption's page, and their JSON lists.
#include <algorithm>
#include <map>

#include "analytics/authority_figures.h"
#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/search_view.h"
#include "render/url.h"
#include "schema/schema.h"

namespace foilog::web {
namespace {

std::string format_days(double d) {
  const auto whole = static_cast<long long>(d);
  return static_cast<double>(whole) == d ? std::to_string(whole) : std::to_string(whole) + ".5";
}

nlohmann::json results_view(Site::Context& ctx, const Catalog& catalog, const SearchRun& run,
                            const SearchRequest& req) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : run.results.hits) {
    results.push_back(hit_view(ctx, catalog, run.results, hit, req));
  }
  return results;
}

// A facet's values as a breakdown table: [{label, count, share, href}].
nlohmann::json breakdown(const Catalog& catalog, const SearchRequest& base, const SearchRun& run,
                         std::string_view facet, std::size_t limit) {
  const auto f = *facet_index(facet);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& fc : run.results.facets[f]) {
    if (facet == "exemption" && schema::provision_parent(fc.value) != fc.value) {
      continue;  // sections only; the exemption page has the subsections
    }
    if (rows.size() >= limit) {
      break;
    }
    SearchRequest r = base;
    r.filters[f] = {fc.value};
    r.page = 1;
    const double share = run.results.total == 0 ? 0
                                                : 100.0 * static_cast<double>(fc.count) /
                                                      static_cast<double>(run.results.total);
    rows.push_back({{"value", fc.value},
                    {"label", catalog.label(facet, fc.value)},
                    {"count", fc.count},
                    {"share", std::to_string(static_cast<int>(share + 0.5)) + "%"},
                    {"href", search_href(r)}});
  }
  return rows;
}

SearchRequest newest_first(SearchRequest req) {
  if (req.q.empty() && req.sort == SortOrder::kRelevance) {
    req.sort = SortOrder::kNewest;
  }
  return req;
}

}  // namespace

Reply home_page(Site& site) {
  auto& ctx = site.context();
  SearchRequest req;
  req.sort = SortOrder::kNewest;
  req.per_page = 5;
  const SearchRun run = run_site_search(site, ctx, req);
  nlohmann::json v = base_view("foilog: search FOI responses", "search");
  v["total_display"] = thousands(run.results.total);
  v["authority_count"] = thousands(authority_counts(ctx.stores()).size());
  v["recent"] = results_view(ctx, *run.snapshot.catalog, run, req);
  v["outcomes"] = breakdown(*run.snapshot.catalog, SearchRequest{}, run, "outcome", 10);
  v["exemptions"] = breakdown(*run.snapshot.catalog, SearchRequest{}, run, "exemption", 8);
  return {200, "text/html; charset=utf-8", site.templates().render_page("home", v), {}};
}

Reply authorities_page(Site& site) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  auto counts = authority_counts(ctx.stores());
  std::sort(counts.begin(), counts.end(), [&](const AuthorityCount& a, const AuthorityCount& b) {
    return snap.catalog->label("authority", a.id) < snap.catalog->label("authority", b.id);
  });
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& c : counts) {
    const auto* info = snap.catalog->authority(c.id);
    rows.push_back({{"id", c.id},
                    {"name", snap.catalog->label("authority", c.id)},
                    {"type", Catalog::authority_type_label(info != nullptr ? info->type : "other")},
                    {"count", c.responses},
                    {"url", "/authority/" + url_encode(c.id)}});
  }
  nlohmann::json v = base_view("Authorities", "authorities");
  v["authorities"] = rows;
  v["count"] = rows.size();
  return {200, "text/html; charset=utf-8", site.templates().render_page("authorities", v), {}};
}

Reply authority_page(Site& site, const std::string& slug, const Params& params) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  const auto* info = snap.catalog->authority(slug);
  require_authority(snap, slug);
  const auto f = *facet_index("authority");
  SearchRequest req = newest_first(parse_search_request(params));
  req.filters[f] = {slug};
  const SearchRun run = run_site_search(site, ctx, req);
  // The overall figures ignore the search box: they describe the whole log.
  SearchRequest all;
  all.filters[f] = {slug};
  all.per_page = 1;
  const SearchRun overall = run_site_search(site, ctx, all);

  const std::string name = snap.catalog->label("authority", slug);
  nlohmann::json v = base_view(name + ": disclosure log", "authorities");
  v["name"] = name;
  v["slug"] = slug;
  v["type"] = Catalog::authority_type_label(info != nullptr ? info->type : "other");
  v["q"] = req.q;
  v["action"] = "/authority/" + url_encode(slug);
  v["total_display"] = thousands(overall.results.total);
  v["matching_display"] = thousands(run.results.total);
  v["searching"] = !req.q.empty();
  v["results"] = results_view(ctx, *snap.catalog, run, req);
  v["has_results"] = !run.results.hits.empty();
  v["outcomes"] = breakdown(*snap.catalog, all, overall, "outcome", 10);
  v["exemptions"] = breakdown(*snap.catalog, all, overall, "exemption", 10);
  v["has_exemptions"] = !v["exemptions"].empty();
  const auto median = median_working_days(ctx.stores(), slug);
  v["median_days"] = median ? format_days(*median) : "";
  v["has_median"] = median.has_value();
  SearchRequest paging = req;
  paging.filters[f].clear();
  v["pagination"] = pagination_view(paging, run.results.total, "/authority/" + url_encode(slug));
  v["feed_href"] = "/authority/" + url_encode(slug) + "/feed.atom";
  v["search_href"] = search_href(all);
  return {200, "text/html; charset=utf-8", site.templates().render_page("authority", v), {}};
}

Reply exemptions_page(Site& site) {
  auto& ctx = site.context();
  SearchRequest req;
  req.per_page = 1;
  const SearchRun run = run_site_search(site, ctx, req);
  const Catalog& catalog = *run.snapshot.catalog;
  const auto f = *facet_index("exemption");
  nlohmann::json rows = nlohmann::json::array();
  std::vector<FacetCount> cited = run.results.facets[f];
  std::sort(cited.begin(), cited.end(),
            [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  for (const auto& fc : cited) {
    const auto infos = catalog.exemption(fc.value);
    std::string acts;
    for (const auto* e : infos) {
      acts += (acts.empty() ? "" : ", ") + e->act;
    }
    rows.push_back({{"provision", fc.value},
                    {"title", infos.empty() ? "" : infos.front()->title},
                    {"acts", acts},
                    {"section", schema::provision_parent(fc.value) == fc.value},
                    {"count", fc.count},
                    {"url", "/exemption/" + url_encode(fc.value)}});
  }
  nlohmann::json v = base_view("Exemptions cited", "exemptions");
  v["exemptions"] = rows;
  v["total_display"] = thousands(run.results.total);
  return {200, "text/html; charset=utf-8", site.templates().render_page("exemptions", v), {}};
}

Reply exemption_page(Site& site, const std::string& provision, const Params& params) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  const auto f = *facet_index("exemption");
  const auto infos = snap.catalog->exemption(provision);
  if (infos.empty() && snap.columns->column(f).code_of(provision) < 0) {
    throw HttpError(404, "foilog knows no provision called that. See the list of exemptions.");
  }
  SearchRequest req = newest_first(parse_search_request(params));
  req.filters[f] = {provision};
  const SearchRun run = run_site_search(site, ctx, req);

  nlohmann::json v =
      base_view(provision + (infos.empty() ? "" : " " + infos.front()->title), "exemptions");
  v["provision"] = provision;
  nlohmann::json acts = nlohmann::json::array();
  for (const auto* e : infos) {
    acts.push_back({{"act", e->act},
                    {"title", e->title},
                    {"kind", e->absolute ? "Absolute (no public interest test)"
                                         : "Qualified (subject to the public interest test)"},
                    {"ncnd", e->ncnd},
                    {"parent", e->parent},
                    {"parent_url", "/exemption/" + url_encode(e->parent)},
                    {"has_parent", e->parent != e->provision}});
  }
  v["acts"] = acts;
  v["title"] = infos.empty() ? "" : infos.front()->title;
  v["count"] = run.results.total;
  v["count_display"] = thousands(run.results.total);
  SearchRequest base;
  base.filters[f] = {provision};
  v["by_authority"] = breakdown(*snap.catalog, base, run, "authority", 10);
  v["by_outcome"] = breakdown(*snap.catalog, base, run, "outcome", 10);
  v["results"] = results_view(ctx, *snap.catalog, run, req);
  v["has_results"] = !run.results.hits.empty();
  SearchRequest paging = req;
  paging.filters[f].clear();
  v["pagination"] =
      pagination_view(paging, run.results.total, "/exemption/" + url_encode(provision));
  v["search_href"] = search_href(base);
  return {200, "text/html; charset=utf-8", site.templates().render_page("exemption", v), {}};
}

Reply api_authorities(Site& site) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : authority_counts(ctx.stores())) {
    const auto* info = snap.catalog->authority(c.id);
    const auto median = median_working_days(ctx.stores(), c.id);
    out.push_back({{"id", c.id},
                   {"name", snap.catalog->label("authority", c.id)},
                   {"type", info != nullptr ? info->type : "other"},
                   {"country", info != nullptr ? info->country : ""},
                   {"responses", c.responses},
                   {"median_working_days", median ? nlohmann::json(*median) : nullptr},
                   {"url", "/authority/" + url_encode(c.id)}});
  }
  return {200, "application/json", nlohmann::json{{"authorities", out}}.dump(), {}};
}

Reply api_exemptions(Site& site) {
  auto& ctx = site.context();
  SearchRequest req;
  req.per_page = 1;
  const SearchRun run = run_site_search(site, ctx, req);
  const auto f = *facet_index("exemption");
  std::map<std::string, std::size_t> counts;
  for (const auto& fc : run.results.facets[f]) {
    counts[fc.value] = fc.count;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [prov, e] : run.snapshot.catalog->exemptions()) {
    const auto it = counts.find(prov);
    out.push_back({{"provision", prov},
                   {"act", e.act},
                   {"title", e.title},
                   {"parent", e.parent},
                   {"absolute", e.absolute},
                   {"ncnd", e.ncnd},
                   {"responses", it == counts.end() ? 0 : it->second},
                   {"url", "/exemption/" + url_encode(prov)}});
  }
  return {200, "application/json", nlohmann::json{{"exemptions", out}}.dump(), {}};
}

}  // namespace foilog::web
