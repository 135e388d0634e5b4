// One function per page, feed and API route. Each reads the request's parameters, asks the
// search layer and SQLite, and returns a Reply; user errors are thrown as UsageError (400,
// naming the parameter) or HttpError (404, 410), turned into pages in one place
// (server/http_server.cpp).
#pragma once

#include <string>

#include "pages/reply.h"
#include "search/search_request.h"
#include "server/site.h"

namespace foilog::web {

// The request's format: a page (HTML) or the JSON API; errors answer in the same format.
enum class Format { kHtml, kJson };

Reply home_page(Site& site);
Reply search_page(Site& site, const Params& params);
Reply document_page(Site& site, const std::string& id);
Reply document_text(Site& site, const std::string& id);
Reply authorities_page(Site& site);
Reply authority_page(Site& site, const std::string& slug, const Params& params);
Reply exemptions_page(Site& site);
Reply exemption_page(Site& site, const std::string& provision, const Params& params);
Reply search_feed(Site& site, const Params& params, const std::string& self_path);
Reply authority_feed(Site& site, const std::string& slug, const Params& params);

Reply patterns_page(Site& site, const Params& params);  // also format=csv|json
Reply compare_page(Site& site, const Params& params);
// GET shows the form; a `draft` parameter (GET, or a POSTed form) checks it.
Reply check_page(Site& site, const Params& params);
// POST /api/check with {"draft": "...", "authority": [...], "authority_type": [...]}.
Reply api_check(Site& site, const std::string& body);

Reply api_search(Site& site, const Params& params);
Reply api_document(Site& site, const std::string& id);
Reply api_authorities(Site& site);
Reply api_exemptions(Site& site);
// /robots.txt, /sitemap.xml (the index), /sitemap-pages.xml, /sitemap-docs-N.xml.
Reply robots_txt(Site& site);
Reply sitemap_index(Site& site);
Reply sitemap_pages(Site& site);
Reply sitemap_docs(Site& site, const std::string& block);

// The error page or JSON error for status, naming the parameter when there is one.
Reply error_reply(Site& site, Format format, int status, const std::string& message,
                  const std::string& param = {});

}  // namespace foilog::web
