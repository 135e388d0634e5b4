// /robots.txt and the sitemaps (sitemaps.org protocol): an index, one file of the site's fixed
// pages and authority logs, and the published responses in blocks of kDocsPerSitemap ids (the
// protocol allows 50,000 URLs a file), so a million responses are twenty files, each read by
// one range scan of the primary key. Read from SQLite, where a withdrawal lands first: a
// withdrawn response leaves the sitemap the moment the call withdrawing it returns. With shards
// every store is read and merged; the index lists only blocks that hold a response, since shards
// number their documents in ranges far apart (foilog index --first-id).
#include <algorithm>
#include <map>
#include <set>

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

// The blocks of kDocsPerSitemap ids holding a published response, in every store: one index
// seek per block.
std::set<std::int64_t> document_blocks(Site::Context& ctx) {
  std::set<std::int64_t> blocks;
  for (SqliteDb* db : ctx.stores()) {
    auto st = db->prepare("SELECT MIN(id) FROM documents WHERE status = 'published' AND id >= ?1");
    std::int64_t from = 0;
    for (;;) {
      st.reset();
      st.bind(1, from);
      if (!st.step() || st.is_null(0)) {
        break;
      }
      const std::int64_t block = st.int64(0) / kDocsPerSitemap;
      blocks.insert(block);
      from = (block + 1) * kDocsPerSitemap;
    }
  }
  return blocks;
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
  const std::set<std::int64_t> blocks = document_blocks(ctx);
  const std::string& base = site.config().base_url;
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <sitemap><loc>" +
      html_escape(base + "/sitemap-pages.xml") + "</loc></sitemap>\n";
  for (const std::int64_t block : blocks) {
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
  std::map<std::string, std::string> lastmod;  // authority -> latest date, over every store
  for (SqliteDb* db : ctx.stores()) {
    auto st = db->prepare(
        "SELECT authority_id, MAX(coalesce(date_responded, substr(ingested_at, 1, 10))) "
        "FROM documents WHERE status = 'published' AND authority_id <> '' GROUP BY authority_id");
    while (st.step()) {
      std::string& date = lastmod[st.text(0)];
      date = std::max(date, st.is_null(1) ? std::string() : st.text(1));
    }
  }
  for (const auto& [authority, date] : lastmod) {
    out += url_entry(base + "/authority/" + authority, date);
  }
  return xml_reply(out + "</urlset>\n");
}

Reply sitemap_docs(Site& site, const std::string& block_text) {
  const std::int64_t block = std::stoll(block_text);  // the route allows digits only
  auto& ctx = site.context();
  const std::string& base = site.config().base_url;
  std::string out = kUrlsetOpen;
  std::map<std::int64_t, std::string> docs;  // id -> lastmod, merged from every store
  for (SqliteDb* db : ctx.stores()) {
    auto st = db->prepare(
        "SELECT id, coalesce(date_responded, substr(ingested_at, 1, 10)) FROM documents "
        "WHERE status = 'published' AND id >= ?1 AND id < ?2 ORDER BY id");
    st.bind(1, block * kDocsPerSitemap).bind(2, (block + 1) * kDocsPerSitemap);
    while (st.step()) {
      docs.emplace(st.int64(0), st.is_null(1) ? std::string() : st.text(1));
    }
  }
  for (const auto& [id, date] : docs) {
    out += url_entry(base + "/doc/" + std::to_string(id), date);
  }
  if (docs.empty() && block > 0) {
    throw HttpError(404, "There is no such sitemap.");
  }
  return xml_reply(out + "</urlset>\n");
}

}  // namespace foilog::web
