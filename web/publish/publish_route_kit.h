// What the publishing route files share: each installs its own routes (publish_routes.cpp calls
// them), replies are never cached, and redirects follow a POST.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "pages/reply.h"

namespace foilog::web {

class Publisher;
class Site;

void install_api_routes(httplib::Server& server, const std::shared_ptr<Publisher>& publisher);
void install_page_routes(httplib::Server& server, const std::shared_ptr<Publisher>& publisher);
void install_embed_route(httplib::Server& server, Site& site);

// Publishing replies hold one authority's private drafts: no cache may keep them.
inline void no_store(httplib::Response& res) {
  if (!res.has_header("Cache-Control")) {
    res.set_header("Cache-Control", "no-store");
  }
}

// 303 See Other: after a form's POST the browser GETs the next page (no resubmission).
inline Reply see_other(const std::string& location) {
  return {303, "text/html; charset=utf-8", "", {{"Location", location}}};
}

}  // namespace foilog::web
