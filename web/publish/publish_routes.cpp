#include "publish/publish_routes.h"

#include <httplib.h>

#include "publish/publish_route_kit.h"
#include "publish/publisher.h"
#include "schema/schema.h"
#include "server/route_helpers.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/write_lock.h"
#include "util/error.h"

namespace foilog::web {
namespace {

// The publishing tables arrived with schema 2: an older store is migrated now, while nothing
// else writes to it, rather than failing on the first request.
void ensure_schema(const std::filesystem::path& db_dir) {
  const auto file = db_dir / schema::file::kSqlite;
  int version = 0;
  {
    SqliteDb db(file, true);
    version = schema_version(db);
  }
  if (version == schema::kSchemaVersion) {
    return;
  }
  if (version > schema::kSchemaVersion) {
    throw DataError(file.string() + ": written by a newer foilog (schema " +
                    std::to_string(version) + "); upgrade foilog");
  }
  try {
    (void)Store::open(db_dir, Store::Mode::kReadWrite);  // migrates, then closes
  } catch (const WriteLockHeld&) {
    throw DataError(file.string() + ": schema " + std::to_string(version) + " is older than " +
                    std::to_string(schema::kSchemaVersion) +
                    " and another foilog process is writing to it; when it has finished, start "
                    "the server again (it migrates the store)");
  }
}

// A sharded server reads its shards' stores and writes none of them: each shard has one writer,
// and an authority publishes through a server on its own shard's store (docs/SCALING.md).
void refuse_publishing(httplib::Server& server, Site& site) {
  const auto refuse = [&site](const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, []() -> Reply {
      throw HttpError(404,
                      "Publishing is not offered here: this server searches several shards and "
                      "writes to none. Publish through the server of your authority's own shard.");
    });
  };
  for (const char* pattern : {R"(/publish(/.*)?)", R"(/api/publish(/.*)?)"}) {
    server.Get(pattern, refuse);
    server.Post(pattern, refuse);
    server.Patch(pattern, refuse);
    server.Delete(pattern, refuse);
  }
}

bool starts(const std::string& path, const std::string& prefix) {
  return path == prefix || path.rfind(prefix + "/", 0) == 0;
}

}  // namespace

void install_publish_routes(httplib::Server& server, Site& site, const PublishOptions& options) {
  if (site.sharded()) {
    refuse_publishing(server, site);
    install_embed_route(server, site);
    return;
  }
  ensure_schema(site.config().db_dir);
  const auto publisher = std::make_shared<Publisher>(site, options);
  install_api_routes(server, publisher);
  install_page_routes(server, publisher);
  install_embed_route(server, site);
}

std::size_t publish_body_limit(const std::string& method, const std::string& path,
                               const PublishOptions& options) {
  if (!starts(path, "/api/publish") && !starts(path, "/publish")) {
    return 0;
  }
  if (method == "POST" && (path == "/api/publish" || path == "/publish/upload")) {
    return options.max_upload_bytes;
  }
  return options.max_form_bytes;
}

}  // namespace foilog::web
