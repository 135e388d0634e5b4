// Atom feeds (RFC 4287) of any search and of each authority's log, newest first, paged with
// RFC 5005 first/previous/next/last links so a reader can walk the whole log, not just the
// latest page.
#include <map>
#include <optional>

#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/search_view.h"
#include "render/url.h"

namespace foilog::web {
namespace {

// A date for Atom's <updated>: RFC 3339. Letters are dated by day.
std::string rfc3339(const std::string& iso) {
  return iso.size() == 10 ? iso + "T00:00:00Z" : "1970-01-01T00:00:00Z";
}

// path: the feed's own path; html_path: the page it mirrors. implicit: a facet the path itself
// carries (the authority of /authority/SLUG/feed.atom), left out of the links.
Reply feed(Site& site, SearchRequest req, const std::string& path, const std::string& html_path,
           const std::string& title, std::optional<std::size_t> implicit = std::nullopt) {
  if (req.sort == SortOrder::kRelevance) {
    req.sort = SortOrder::kNewest;
  }
  auto& ctx = site.context();
  const SearchRun run = run_site_search(site, ctx, req);
  const std::string base = site.config().base_url;
  SearchRequest link_req = req;
  if (implicit) {
    link_req.filters[*implicit].clear();
  }
  auto page_href = [&](int page) {
    SearchRequest r = link_req;
    r.page = page;
    return base + search_href(r, path);
  };
  const std::size_t per = static_cast<std::size_t>(req.per_page);
  const int last = static_cast<int>(std::max<std::size_t>(1, (run.results.total + per - 1) / per));
  nlohmann::json entries = nlohmann::json::array();
  std::string updated;
  for (const auto& hit : run.results.hits) {
    const auto h = hit_view(ctx, *run.snapshot.catalog, run.results, hit, req);
    const std::string date =
        h["date_responded"].is_string() ? h["date_responded"].get<std::string>() : std::string();
    updated = std::max(updated, date);
    std::string summary = h["outcome_label"].get<std::string>();
    for (const auto& e : h["exemptions"]) {
      summary += "; " + e["label"].get<std::string>();
    }
    const std::string entry_title =
        (h["reference"].get<std::string>().empty() ? std::string("Response")
                                                   : h["reference"].get<std::string>()) +
        " — " + h["authority"].get<std::string>();
    entries.push_back(
        {{"id", base + "/doc/" + std::to_string(h["id"].get<std::int64_t>())},
         {"title", entry_title},
         {"link", base + h["url"].get<std::string>()},
         {"updated", rfc3339(date)},
         {"author", h["authority"].get<std::string>().empty() ? "Unknown authority"
                                                              : h["authority"].get<std::string>()},
         {"summary", summary}});
  }
  nlohmann::json v = {{"title", title},
                      {"id", page_href(1)},
                      {"self", page_href(req.page)},
                      {"first", page_href(1)},
                      {"last", page_href(last)},
                      {"html", base + search_href(link_req, html_path)},
                      {"updated", rfc3339(updated)},
                      {"entries", entries}};
  v["prev"] = req.page > 1 ? page_href(req.page - 1) : "";
  v["next"] = req.page < last ? page_href(req.page + 1) : "";
  return {200, "application/atom+xml; charset=utf-8", site.templates().render("feed", v), {}};
}

}  // namespace

Reply search_feed(Site& site, const Params& params, const std::string& self_path) {
  const SearchRequest req = parse_search_request(params);
  return feed(site, req, self_path, "/search",
              req.q.empty() ? "foilog: FOI responses" : "foilog: " + req.q);
}

Reply authority_feed(Site& site, const std::string& slug, const Params& params) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  require_authority(snap, slug);
  const auto f = *facet_index("authority");
  SearchRequest req = parse_search_request(params);
  req.filters[f] = {slug};
  const std::string page = "/authority/" + url_encode(slug);
  return feed(site, req, page + "/feed.atom", page,
              snap.catalog->label("authority", slug) + ": disclosure log", f);
}

Reply error_reply(Site& site, Format format, int status, const std::string& message,
                  const std::string& param) {
  Reply r;
  r.status = status;
  if (format == Format::kJson) {
    nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
    if (!param.empty()) {
      body["error"]["parameter"] = param;
    }
    r.content_type = "application/json";
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
  }
  static const std::map<int, std::string> kTitles = {
      {400, "There is a problem with your search"},
      {401, "Sign in to continue"},
      {403, "You cannot do that"},
      {404, "Page not found"},
      {405, "That method is not allowed here"},
      {410, "This response has been withdrawn"},
      {411, "Length required"},
      {413, "The request is too large"},
      {409, "That cannot be done now"},
      {416, "Range not satisfiable"},
      {429, "Too many requests"},
      {500, "Sorry, there is a problem with the service"},
      {503, "The service is busy"}};
  const auto it = kTitles.find(status);
  nlohmann::json v = base_view(it != kTitles.end() ? it->second : "Error");
  v["heading"] = it != kTitles.end() ? it->second : "Error";
  v["message"] = message;
  v["param"] = param;
  v["has_param"] = !param.empty();
  v["status"] = status;
  r.body = site.templates().render_page("error", v);
  return r;
}

}  // namespace foilog::web
