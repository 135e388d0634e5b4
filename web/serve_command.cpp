// `foilog serve`: wires the Site and the HttpServer from the command line, prints the address
// once bound (tests read it) and stops cleanly on SIGINT/SIGTERM.
#include "serve_command.h"

#include <csignal>
#include <iostream>
#include <thread>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "server/http_server.h"
#include "server/malloc_arenas.h"
#include "server/site.h"
#include "store/store.h"
#include "store/write_lock.h"
#include "util/error.h"

namespace foilog::web {
namespace {

constexpr const char* kHelp =
    R"(usage: foilog serve [--db DIR] [--port 8080] [--bind 127.0.0.1] [OPTIONS]

Serves the public site (search, documents, authorities, exemptions, feeds, JSON API) over the
store in DIR. --port 0 picks a free port. Once listening it prints
"listening on http://ADDRESS:PORT".

  --db DIR          the store (default ./foilog-data)
  --port N          TCP port (default 8080; 0 = any free port)
  --bind ADDRESS    address to listen on (default 127.0.0.1; put a reverse proxy in front
                    for public use, see docs/SECURITY.md)
  --threads N       worker threads started at once (default 8)
  --max-threads N   more are started while every thread is busy, up to N (default 64)
  --heavy-requests N  pages over a whole match set (patterns, compare, check, export) computed
                    at once; more wait their turn (default: one per core)
  --rate-limit N    requests a second per client address, past a burst (default 20; 0 = off)
  --rate-burst N    requests a client address may send at once (default 60)
  --trust-proxy ADDRESS
                    the reverse proxy in front (e.g. 127.0.0.1): its requests are counted
                    and logged as the X-Real-IP address it sets; nobody else's header is read
  --base-url URL    absolute address used in feeds (default http://ADDRESS:PORT)
  --templates DIR   page templates (default: the source tree's web/templates)
  --static DIR      static files (default: the source tree's static)
  --data DIR        taxonomies for labels (default: the source tree's data)

Shards (docs/SCALING.md): several stores, each holding a group of authorities, searched as one
instead of --db, with the same results, counts and paging:
  --shard SPEC      repeatable: tcp://HOST:PORT (a shard's Xapian served by xapian-tcpsrv), a
                    shard's store directory, or a Xapian stub database file listing shards
                    ("remote :HOST:PORT" and "auto PATH" lines)
  --shard-store DIR repeatable: the store of each remote shard, in the same order, read-only
                    (its SQLite for the pages showing records; its spelling and synonyms)
  --shard-timeout MS  how long a remote shard may take to answer (default 10000)
A sharded server offers no publishing: authorities publish on their own shard's server.

Publishing (/publish, /api/publish):
  --secure-cookies          mark cookies Secure (on by itself when --base-url is https://)
  --max-upload-mb N         largest upload request (default 32)
  --max-failed-sign-ins N   failed sign-ins per client address per 15 minutes (default 10)
  --session-minutes N       how long a web sign-in lasts (default 480)
)";

// An earlier writer killed between its SQLite and Xapian commits leaves the two disagreeing
// until the next read-write open reconciles them: do that before the first request is
// accepted, so no page shows a document the other store lacks. A running indexer holds the
// write lock and has reconciled on its own open.
void reconcile_before_serving(const std::filesystem::path& db) {
  try {
    const auto store = Store::open(db, Store::Mode::kReadWrite);
    const ReconcileReport& r = store->opening_reconcile();
    std::cerr << "foilog serve: reconciled " << db.string() << ": " << r.indexed
              << " documents indexed into Xapian, " << r.removed << " removed from it\n";
  } catch (const WriteLockHeld&) {
    std::cerr << "foilog serve: " << db.string()
              << " is being written by another foilog process, which reconciled it when it "
                 "opened; serving what it has committed\n";
  }
}

}  // namespace

int cmd_serve(int argc, char** argv) {
  const cli::Args args(
      argc, argv,
      {"db", "port", "bind", "threads", "base-url", "templates", "static", "data", "max-upload-mb",
       "max-failed-sign-ins", "session-minutes", "rate-limit", "rate-burst", "max-threads",
       "heavy-requests", "trust-proxy", "shard", "shard-store", "shard-timeout"},
      {"help", "secure-cookies"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  limit_malloc_arenas();  // before any thread starts
  const std::filesystem::path source(FOILOG_SOURCE_DIR);
  SiteConfig config;
  config.db_dir = args.get("db", cli::kDefaultDb);
  config.templates_dir = args.get("templates", (source / "web" / "templates").string());
  config.static_dir = args.get("static", (source / "static").string());
  config.data_dir = args.get("data", (source / "data").string());
  if (args.has("shard")) {
    if (args.has("db")) {
      throw UsageError("db", "give either --db (one store) or --shard (several), not both");
    }
    config.shards = parse_shards(args.all("shard"), args.all("shard-store"));
    config.shard_timeouts.answer_ms =
        static_cast<unsigned>(args.get_int("shard-timeout", 10000, 100, 600000));
  } else if (args.has("shard-store")) {
    throw UsageError("shard-store", "pairs with --shard: give the shards too");
  }
  ServerOptions options;
  options.bind = args.get("bind", "127.0.0.1");
  options.port = static_cast<int>(args.get_int("port", 8080, 0, 65535));
  options.threads = static_cast<int>(args.get_int("threads", 8, 1, 256));
  options.trusted_proxy = args.get("trust-proxy");
  options.max_threads = static_cast<int>(args.get_int("max-threads", 64, 1, 4096));
  options.heavy_requests = static_cast<int>(args.get_int("heavy-requests", 0, 0, 4096));
  options.rate_limit_per_s = static_cast<double>(args.get_int("rate-limit", 20, 0, 1000000));
  options.rate_limit_burst = static_cast<double>(args.get_int("rate-burst", 60, 1, 1000000));
  options.publish.secure_cookies =
      args.has("secure-cookies") || args.get("base-url").rfind("https://", 0) == 0;
  options.publish.max_upload_bytes =
      static_cast<std::size_t>(args.get_int("max-upload-mb", 32, 1, 1024)) << 20;
  options.publish.max_failed_sign_ins =
      static_cast<int>(args.get_int("max-failed-sign-ins", 10, 1, 1000000));
  options.publish.session_lifetime =
      std::chrono::minutes(args.get_int("session-minutes", 480, 1, 60 * 24 * 30));

  // Signals are taken by a thread of our own, so stopping is ordinary code, not a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Site site(config);  // checks the store exists (a read-write open would create one)
  if (config.shards.empty()) {
    reconcile_before_serving(config.db_dir);
  } else {
    // A remote shard's store is its host's to write: its indexer reconciles when it opens.
    for (const auto& shard : config.shards) {
      if (!shard.remote) {
        reconcile_before_serving(shard.store);
      }
    }
  }
  HttpServer server(site, options);
  const int port = server.bind();
  const std::string address = "http://" + options.bind + ":" + std::to_string(port);
  config.base_url = args.get("base-url", address);
  site.set_base_url(config.base_url);
  std::cout << "listening on " << address << std::endl;

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  const bool ok = server.run();
  if (waiter.joinable()) {
    // run() also returns when the listener fails: wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  return ok ? 0 : 1;
}

}  // namespace foilog::web
