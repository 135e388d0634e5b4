#include "server/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "pages/pages.h"
#include "pages/search_export.h"
#include "publish/publish_routes.h"
#include "search/query_builder.h"
#include "server/client_address.h"
#include "server/elastic_pool.h"
#include "server/route_helpers.h"
#include "util/error.h"

namespace foilog::web {
namespace {

// Browsers send about 15 header fields; httplib adds two of its own (REMOTE_ADDR, REMOTE_PORT).
constexpr std::size_t kMaxHeaderFields = 100;

}  // namespace

void add_security_headers(httplib::Response& res) {
  // Each header once (this runs in send() and again after routing), and never over one a
  // handler chose: the embeddable log sets its own frame-ancestors so other sites may frame it.
  auto once = [&res](const char* name, const char* value) {
    if (!res.has_header(name)) {
      res.set_header(name, value);
    }
  };
  if (!res.has_header("Content-Security-Policy")) {
    once("X-Frame-Options", "DENY");
  }
  once("Content-Security-Policy",
       "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  once("X-Content-Type-Options", "nosniff");
  once("Referrer-Policy", "same-origin");
  once("Cross-Origin-Opener-Policy", "same-origin");
  once("Permissions-Policy", "interest-cohort=()");
}

HttpServer::HttpServer(Site& site, ServerOptions options)
    : site_(site),
      options_(std::move(options)),
      static_files_(StaticFiles::load(site.config().static_dir)),
      limiter_(options_.rate_limit_per_s, options_.rate_limit_burst),
      heavy_gate_(options_.heavy_requests > 0 ? static_cast<std::size_t>(options_.heavy_requests)
                                              : std::max(1U, std::thread::hardware_concurrency())),
      server_(std::make_unique<httplib::Server>()) {
  auto& s = *server_;
  s.set_tcp_nodelay(true);  // without it cpp-httplib manages a few hundred requests a second
  // The largest body any route reads; the pre-routing guard holds each route to its own limit.
  s.set_payload_max_length(std::max(options_.max_body_bytes, options_.publish.max_upload_bytes));
  s.set_read_timeout(options_.read_timeout_s, 0);
  s.set_write_timeout(options_.write_timeout_s, 0);
  s.set_keep_alive_timeout(options_.keep_alive_timeout_s);
  s.set_keep_alive_max_count(static_cast<std::size_t>(options_.keep_alive_max));
  const auto threads = static_cast<std::size_t>(options_.threads);
  const auto max_threads =
      static_cast<std::size_t>(std::max(options_.threads, options_.max_threads));
  // cpp-httplib owns the queue it is given (its API takes a raw pointer and deletes it).
  s.new_task_queue = [threads, max_threads] {
    return new ElasticPool(threads, max_threads);  // NOLINT(cppcoreguidelines-owning-memory)
  };
  install_guards();
  install_routes();
}

HttpServer::~HttpServer() = default;

bool takes_body(const httplib::Request& req) {
  // The only routes that read a body: the pre-filing check (a pasted draft can be 100 KB, too
  // long for a URL). Every other body is refused before it is read.
  return req.method == "POST" && (req.path == "/check" || req.path == "/api/check");
}

std::optional<Refusal> refusal_before_body(const httplib::Request& req,
                                           const ServerOptions& options) {
  const bool body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH" ||
                           req.method == "DELETE";
  // 0.11.4 has no limit of its own on the number of header fields.
  if (req.headers.size() > kMaxHeaderFields) {
    return Refusal{431, "The request has too many header fields."};
  }
  // Refuse framing we never need, so no body is buffered without bound (0.11.4 reads chunked
  // and length-less bodies into memory whatever the route).
  if (req.has_header("Transfer-Encoding")) {
    return Refusal{400,
                   "Chunked or encoded request bodies are not accepted; send a Content-Length."};
  }
  if (req.get_header_value_count("Content-Length") > 1) {
    return Refusal{400, "The request has more than one Content-Length."};
  }
  // Publishing routes (web/publish) read bodies too, each up to its own limit.
  const std::size_t publish_limit = publish_body_limit(req.method, req.path, options.publish);
  if (body_method && !takes_body(req) && publish_limit == 0) {
    return Refusal{405, "This address takes no " + req.method + " requests."};
  }
  if (body_method && !req.has_header("Content-Length")) {
    return Refusal{411, "A request with a body needs a Content-Length."};
  }
  if (!body_method && req.has_header("Content-Length") &&
      req.get_header_value("Content-Length") != "0") {
    return Refusal{400, "A " + req.method + " request takes no body."};
  }
  // The payload limit is the largest any route takes (uploads); each route gets its own.
  if (body_method) {
    const std::string length = req.get_header_value("Content-Length");
    if (length.empty() || length.size() > 19 ||
        length.find_first_not_of("0123456789") != std::string::npos) {
      return Refusal{400, "The Content-Length is not a number."};
    }
    const std::size_t limit = publish_limit > 0 ? publish_limit : options.max_body_bytes;
    if (std::stoull(length) > limit) {
      return Refusal{413, "The request is too large: at most " +
                              std::to_string(std::max<std::size_t>(1, limit >> 20)) + " MB."};
    }
  }
  // One range at most: 0.11.4 applies any number of ranges to every page (amplification).
  if (req.ranges.size() > 1) {
    return Refusal{416, "Only one byte range may be asked for."};
  }
  return std::nullopt;
}

void HttpServer::install_guards() {
  auto& s = *server_;
  // Before any body is read: the client's rate limit, then refusal_before_body().
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    std::chrono::seconds retry_after{0};
    auto refuse = [&](int status, const std::string& message) {
      // A refusal is never cut into byte ranges (0.11.4 applies a request's ranges to error
      // pages too, once per range). The request is ours to change: httplib made it for us.
      const_cast<httplib::Request&>(req)
          .ranges.clear();  // NOLINT(cppcoreguidelines-pro-type-const-cast)
      Reply reply = error_reply(site_, format_of(req.path), status, message);
      if (status == 429) {
        reply.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
      }
      send_and_close(res, std::move(reply));
      return httplib::Server::HandlerResponse::Handled;
    };
    // Everything downstream (limits, sign-in limits, the log) reads remote_addr: make it the
    // client's, which differs from the socket's only behind the trusted proxy.
    if (!options_.trusted_proxy.empty()) {
      const_cast<httplib::Request&>(req)
          .remote_addr =  // NOLINT(cppcoreguidelines-pro-type-const-cast)
          client_address(req.remote_addr, req.get_header_value("X-Real-IP"),
                         options_.trusted_proxy);
    }
    // First, before any work: the client's share of the server.
    if (req.path != "/healthz") {
      if (const auto wait = limiter_.take(req.remote_addr)) {
        retry_after = *wait;
        return refuse(429, "Too many requests from your address; try again in " +
                               std::to_string(wait->count()) + " s.");
      }
    }
    if (const std::optional<Refusal> refusal = refusal_before_body(req, options_)) {
      return refuse(refusal->status, refusal->message);
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_post_routing_handler(
      [](const httplib::Request&, httplib::Response& res) { add_security_headers(res); });
  s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    // 0.11.4 calls this for every status >= 400, including the pages we wrote ourselves; a
    // refusal sent by send_and_close() has its body in a content provider.
    if (res.content_provider_) {
      return;
    }
    if (res.status == 404 && res.body.empty()) {
      send(res, error_reply(site_, format_of(req.path), 404,
                            "If you typed the web address, check it is correct."));
    } else if (res.body.empty()) {
      send(res, error_reply(site_, format_of(req.path), res.status, "The request was refused."));
    }
    add_security_headers(res);
  });
  s.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                 std::exception_ptr ep) {
    try {
      if (ep) {
        std::rethrow_exception(ep);
      }
    } catch (const std::exception& e) {
      std::cerr << "foilog serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
    } catch (...) {
      std::cerr << "foilog serve: " << req.method << " " << req.path << ": unknown exception\n";
    }
    send(res, error_reply(site_, format_of(req.path), 500,
                          "Try again later. If it keeps happening, tell the site's operator."));
    add_security_headers(res);
  });
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // The path only: queries can hold what a person searched for, and later tokens.
    // One string, one write: stderr is unbuffered, so workers' lines never interleave.
    std::clog << (req.remote_addr + " " + req.method + " " + req.path + " " +
                  std::to_string(res.status) + "\n");
  });
}

void HttpServer::install_routes() {
  auto& s = *server_;
  Site& site = site_;
  auto page = [&site](auto fn) {
    return [&site, fn](const httplib::Request& req, httplib::Response& res) {
      guarded(site, req, res, [&] { return fn(req); });
    };
  };
  // A page over a whole match set: computed while holding one of the gate's places, which is
  // given back before the reply is written, so a slow reader never holds it.
  WorkGate& gate = heavy_gate_;
  auto heavy_page = [&site, &gate](auto fn) {
    return [&site, &gate, fn](const httplib::Request& req, httplib::Response& res) {
      const WorkGate::Pass pass(gate);
      guarded(site, req, res, [&] { return fn(req); });
    };
  };
  s.Get("/", page([&site](const httplib::Request&) { return home_page(site); }));
  s.Get("/search",
        page([&site](const httplib::Request& r) { return search_page(site, params_of(r)); }));
  s.Get("/feed.atom", page([&site](const httplib::Request& r) {
          return search_feed(site, params_of(r), "/feed.atom");
        }));
  s.Get(R"(/doc/([0-9]{1,18}))",
        page([&site](const httplib::Request& r) { return document_page(site, r.matches[1]); }));
  s.Get(R"(/doc/([0-9]{1,18})/original)",
        page([&site](const httplib::Request& r) { return document_text(site, r.matches[1]); }));
  s.Get("/authorities", page([&site](const httplib::Request&) { return authorities_page(site); }));
  s.Get(R"(/authority/([a-z0-9-]{1,200}))", page([&site](const httplib::Request& r) {
          return authority_page(site, r.matches[1], params_of(r));
        }));
  s.Get(R"(/authority/([a-z0-9-]{1,200})/feed\.atom)", page([&site](const httplib::Request& r) {
          return authority_feed(site, r.matches[1], params_of(r));
        }));
  s.Get("/exemptions", page([&site](const httplib::Request&) { return exemptions_page(site); }));
  s.Get(R"(/exemption/([^/]{1,100}))", page([&site](const httplib::Request& r) {
          return exemption_page(site, canonical_provision(r.matches[1].str()), params_of(r));
        }));
  s.Get("/patterns", heavy_page([&site](const httplib::Request& r) {
          return patterns_page(site, params_of(r));
        }));
  s.Get("/compare", heavy_page([&site](const httplib::Request& r) {
          return compare_page(site, params_of(r));
        }));
  s.Get("/export/search", [&site, &gate](const httplib::Request& req, httplib::Response& res) {
    ExportStream stream;
    try {
      const WorkGate::Pass pass(gate);  // the match set is gathered here, then streamed
      stream = search_export(site, params_of(req));
    } catch (...) {
      // guarded() translates the exception being handled (the lambda rethrows it).
      guarded(site, req, res, []() -> Reply { throw; });
      return;
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + stream.file_name + "\"");
    add_security_headers(res);
    auto next = std::make_shared<std::function<bool(std::string&)>>(std::move(stream.next));
    res.set_chunked_content_provider(
        stream.content_type, [next, path = req.path](std::size_t, httplib::DataSink& sink) {
          // Headers are gone by now: a failure can only end the stream, and is logged.
          try {
            std::string chunk;
            if ((*next)(chunk)) {
              return sink.write(chunk.data(), chunk.size());
            }
            sink.done();
            return true;
          } catch (const std::exception& e) {
            std::cerr << "foilog serve: GET " << path << ": export stopped: " << e.what() << "\n";
            return false;
          }
        });
  });
  s.Get("/check",
        heavy_page([&site](const httplib::Request& r) { return check_page(site, params_of(r)); }));
  s.Post("/check",
         heavy_page([&site](const httplib::Request& r) { return check_page(site, params_of(r)); }));
  s.Post("/api/check",
         heavy_page([&site](const httplib::Request& r) { return api_check(site, r.body); }));
  s.Get("/api/search",
        page([&site](const httplib::Request& r) { return api_search(site, params_of(r)); }));
  s.Get(R"(/api/documents/([^/]{1,40}))",
        page([&site](const httplib::Request& r) { return api_document(site, r.matches[1]); }));
  s.Get("/api/authorities",
        page([&site](const httplib::Request&) { return api_authorities(site); }));
  s.Get("/api/exemptions", page([&site](const httplib::Request&) { return api_exemptions(site); }));
  s.Get("/robots.txt", page([&site](const httplib::Request&) { return robots_txt(site); }));
  s.Get("/sitemap.xml", page([&site](const httplib::Request&) { return sitemap_index(site); }));
  s.Get("/sitemap-pages.xml",
        page([&site](const httplib::Request&) { return sitemap_pages(site); }));
  s.Get(R"(/sitemap-docs-([0-9]{1,9})\.xml)",
        page([&site](const httplib::Request& r) { return sitemap_docs(site, r.matches[1]); }));
  s.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain; charset=utf-8");
  });
  s.Get(R"(/static/(.{1,200}))", [this](const httplib::Request& req, httplib::Response& res) {
    const StaticFile* f = static_files_.find(req.matches[1]);
    if (f == nullptr) {
      send(res, error_reply(site_, Format::kHtml, 404,
                            "If you typed the web address, check it is correct."));
      return;
    }
    res.set_header("ETag", f->etag);
    res.set_header("Cache-Control", "public, max-age=3600");
    if (req.get_header_value("If-None-Match") == f->etag) {
      res.status = 304;
      return;
    }
    res.set_content(f->body, f->content_type);
  });
  install_publish_routes(s, site_, options_.publish);
}

int HttpServer::bind() {
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.bind);
  } else if (!server_->bind_to_port(options_.bind, port)) {
    port = -1;
  }
  if (port <= 0) {
    throw DataError("cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
                    " (in use, or not an address of this machine); choose another --port or "
                    "--bind");
  }
  return port;
}

bool HttpServer::run() {
  return server_->listen_after_bind();
}

void HttpServer::stop() {
  server_->stop();
}

}  // namespace foilog::web
