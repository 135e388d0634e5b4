// /authority/SLUG/embed: an authority's disclosure log as a plain page other sites may frame
// (its own Content-Security-Policy says frame-ancestors *; every other page says 'none'). No
// site header or footer, links open the full record in a new tab.
#include <httplib.h>

#include "pages/page_common.h"
#include "pages/search_view.h"
#include "publish/publish_route_kit.h"
#include "render/url.h"
#include "search/search_request.h"
#include "server/route_helpers.h"

namespace foilog::web {
namespace {

Reply embed_page(Site& site, const std::string& slug, const Params& params) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  require_authority(snap, slug);
  const auto f = *facet_index("authority");
  SearchRequest req = parse_search_request(params);
  req.filters[f] = {slug};
  if (req.sort == SortOrder::kRelevance && req.q.empty()) {
    req.sort = SortOrder::kNewest;
  }
  const SearchRun run = run_site_search(site, ctx, req);
  const std::string base = site.config().base_url;
  const std::string page = "/authority/" + url_encode(slug);
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& hit : run.results.hits) {
    const auto h = hit_view(ctx, *snap.catalog, run.results, hit, req);
    const std::string reference = h["reference"].get<std::string>();
    entries.push_back({{"href", base + h["url"].get<std::string>()},
                       {"label", !reference.empty() ? reference
                                 : !h["title"].get<std::string>().empty()
                                     ? h["title"].get<std::string>()
                                     : "Response " + std::to_string(h["id"].get<std::int64_t>())},
                       {"date", h["date_responded_display"]},
                       {"outcome", h["outcome_label"]}});
  }
  const std::size_t per = static_cast<std::size_t>(req.per_page);
  SearchRequest paging = req;
  paging.filters[f].clear();
  auto at = [&](int p) {
    SearchRequest r = paging;
    r.page = p;
    return search_href(r, page + "/embed");
  };
  const std::string name = snap.catalog->label("authority", slug);
  const nlohmann::json v = {
      {"name", name},
      {"total", thousands(run.results.total)},
      {"entries", entries},
      {"has_entries", !entries.empty()},
      {"full_href", base + page},
      {"feed_href", base + page + "/feed.atom"},
      {"prev_href", req.page > 1 ? at(req.page - 1) : ""},
      {"next_href",
       static_cast<std::size_t>(req.page) * per < run.results.total ? at(req.page + 1) : ""}};
  return {200,
          "text/html; charset=utf-8",
          site.templates().render("publish_embed", v),
          {{"Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors *"}}};
}

}  // namespace

void install_embed_route(httplib::Server& s, Site& site) {
  s.Get(R"(/authority/([a-z0-9-]{1,200})/embed)",
        [&site](const httplib::Request& req, httplib::Response& res) {
          guarded(site, req, res, [&] { return embed_page(site, req.matches[1], params_of(req)); });
        });
}

}  // namespace foilog::web
