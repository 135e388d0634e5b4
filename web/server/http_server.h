// `foilog serve`: cpp-httplib configured defensively (Debian's 0.11.4 has known weak spots; see
// docs/SECURITY.md): explicit limits and timeouts, a pre-routing check on framing before any
// body is read, security headers on every response, our own static-file handler, and one place
// that turns exceptions into pages.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "publish/publish_options.h"
#include "server/request_limiter.h"
#include "server/site.h"
#include "server/static_files.h"
#include "server/work_gate.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foilog::web {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;       // 0: any free port
  int threads = 8;       // started at once
  int max_threads = 64;  // started as connections need them (slow clients each pin one)
  std::size_t max_body_bytes = 1 << 20;  // public routes take no body at all
  PublishOptions publish;                // uploads may be larger (publish_body_limit)
  int read_timeout_s = 5;
  int write_timeout_s = 5;
  int keep_alive_timeout_s = 2;
  int keep_alive_max = 100;
  // Requests per second per client address, and the burst allowed at once; 0 = no limit (behind
  // a reverse proxy, which sees the clients' addresses, limit there instead).
  double rate_limit_per_s = 20;
  double rate_limit_burst = 60;
  // The reverse proxy's address: requests from it are the X-Real-IP it sets (client_address.h).
  std::string trusted_proxy;
  // Requests computed at once by the pages over a whole match set (work_gate.h); 0 = one a core.
  int heavy_requests = 0;
};

class HttpServer {
 public:
  HttpServer(Site& site, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds; returns the port (useful with port 0). Throws DataError naming the address.
  int bind();
  // Serves until stop(). Returns false if the listener failed.
  bool run();
  void stop();

 private:
  void install_routes();
  void install_guards();

  Site& site_;
  ServerOptions options_;
  StaticFiles static_files_;
  RequestLimiter limiter_;
  WorkGate heavy_gate_;
  std::unique_ptr<httplib::Server> server_;
};

// Whether this route reads a request body (all others are refused before the body is read).
[[nodiscard]] bool takes_body(const httplib::Request& req);

// A request refused before its body is read: the status and what the page tells the client.
struct Refusal {
  int status = 400;
  std::string message;
};

// The pre-routing decision, on the request head alone (method, path, headers, parsed ranges):
// too many header fields (431), framing (Transfer-Encoding, repeated or missing
// Content-Length), a body where the route takes none, a body over the route's limit, more than
// one byte range. nullopt lets routing go on. Pure, so the fuzz target
// (tests/fuzz/fuzz_router.cpp) can drive it without a socket; the per-client rate limit, which
// has state, runs before it in the pre-routing handler.
[[nodiscard]] std::optional<Refusal> refusal_before_body(const httplib::Request& req,
                                                         const ServerOptions& options);

// The security headers every response carries.
void add_security_headers(httplib::Response& res);

}  // namespace foilog::web
