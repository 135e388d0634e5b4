// The publishing side of the site: authorities upload, review, release, correct, withdraw and
// purge their responses, as web pages under /publish (signed in with a token: session cookie,
// CSRF tokens) and as JSON under /api/publish (Authorization: Bearer TOKEN on every call); the
// audit log; and each authority's embeddable log, /authority/SLUG/embed.
#pragma once

#include <cstddef>
#include <string>

#include "publish/publish_options.h"
#include "server/site.h"

namespace httplib {
class Server;
}

namespace foilog::web {

// Registers every route above. Checks the store's schema first (migrating an older store when
// no other writer holds it); throws DataError when it cannot be used.
void install_publish_routes(httplib::Server& server, Site& site, const PublishOptions& options);

// The most a request body may hold for this method and path: 0 wherever no body is read (every
// public route), uploads up to max_upload_bytes, other publishing requests max_form_bytes. The
// server's pre-routing guard refuses anything larger before reading it.
[[nodiscard]] std::size_t publish_body_limit(const std::string& method, const std::string& path,
                                             const PublishOptions& options);

}  // namespace foilog::web
