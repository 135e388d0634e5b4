// /robots.txt and the sitemaps (sitemaps.org protocol): an index, one file of the site's fixed
// pages and authority logs, and the published responses in blocks of kDocsPerSitemap ids (the
// protocol allows 50,000 URLs a file), so a million responses are twenty files, each read by
// one range scan of the primary key. Read from SQLite, where a withdrawal lands first: a
// withdrawn response leaves the sitemap the moment the call withdrawing it returns.
#include <algorithm>

#include "pages/page_common.h"
#include "pages/pages.h"
#include "render/html.h"

namespace foilog::web {
namespace {

constexpr std::int64_t kDocsPerSitemap = 50000;

Reply xml_reply(std::string body) {
  return {200,
          "application/xml; charset=utf-8",
          std::move(body),
          {{"Cache-Control", "public, max-age=600"}}};
}

std::string url_entry(const std::string& loc, const std::string& lastmod = {}) {
  std::string out = "  <url><loc>" + html_escape(loc) + "</loc>";
  if (lastmod.size() >= 10) {
    out += "<lastmod>" + html_escape(lastmod.substr(0, 10)) + "</lastmod>";
  }
  return out + "</url>\n";
}

constexpr const char* kUrlsetOpen =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

}  // namespace

Reply robots_txt(Site& site) {
  // Crawlers may read the public site; the publishing side, exports and the pre-filing check
  // (which runs a search per question) are not for them.
  return {200,
          "text/plain; charset=utf-8",
          "User-agent: *\nDisallow: /publish\nDisallow: /api/publish\nDisallow: /export/\n"
          "Disallow: /check\nDisallow: /api/check\nSitemap: " +
              site.config().base_url + "/sitemap.xml\n",
          {}};
}

Reply sitemap_index(Site& site) {
  auto& ctx = site.context();
  auto st = ctx.sqlite->prepare("SELECT MAX(id) FROM documents WHERE status = 'published'");
  const std::int64_t max_id = st.step() && !st.is_null(0) ? st.int64(0) : 0;
  const std::string& base = site.config().base_url;
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <sitemap><loc>" +
      html_escape(base + "/sitemap-pages.xml") + "</loc></sitemap>\n";
  for (std::int64_t block = 0; block <= max_id / kDocsPerSitemap && max_id > 0; ++block) {
    out += "  <sitemap><loc>" +
           html_escape(base + "/sitemap-docs-" + std::to_string(block) + ".xml") +
           "</loc></sitemap>\n";
  }
  return xml_reply(out + "</sitemapindex>\n");
}

Reply sitemap_pages(Site& site) {
  auto& ctx = site.context();
  const std::string& base = site.config().base_url;
  std::string out = kUrlsetOpen;
  for (const char* path : {"/", "/authorities", "/exemptions", "/patterns"}) {
    out += url_entry(base + path);
  }
  auto st = ctx.sqlite->prepare(
      "SELECT authority_id, MAX(coalesce(date_responded, substr(ingested_at, 1, 10))) "
      "FROM documents WHERE status = 'published' AND authority_id <> '' GROUP BY authority_id "
      "ORDER BY authority_id");
  while (st.step()) {
    out += url_entry(base + "/authority/" + st.text(0), st.is_null(1) ? "" : st.text(1));
  }
  return xml_reply(out + "</urlset>\n");
}

Reply sitemap_docs(Site& site, const std::string& block_text) {
  const std::int64_t block = std::stoll(block_text);  // the route allows digits only
  auto& ctx = site.context();
  const std::string& base = site.config().base_url;
  std::string out = kUrlsetOpen;
  auto st = ctx.sqlite->prepare(
      "SELECT id, coalesce(date_responded, substr(ingested_at, 1, 10)) FROM documents "
      "WHERE status = 'published' AND id >= ?1 AND id < ?2 ORDER BY id");
  st.bind(1, block * kDocsPerSitemap).bind(2, (block + 1) * kDocsPerSitemap);
  std::size_t n = 0;
  while (st.step()) {
    out += url_entry(base + "/doc/" + std::to_string(st.int64(0)), st.is_null(1) ? "" : st.text(1));
    ++n;
  }
  if (n == 0 && block > 0) {
    throw HttpError(404, "There is no such sitemap.");
  }
  return xml_reply(out + "</urlset>\n");
}

}  // namespace foilog::web
