// What every route handler shares: request parameters, the reply format (HTML or JSON by path),
// sending a Reply with the security headers, and guarded(): the one place a failure becomes a
// status and a page (UsageError -> 400 naming the parameter, HttpError -> its status, anything
// else -> a logged 500 with a generic page).
#pragma once

#include <httplib.h>
#include <xapian.h>

#include <iostream>
#include <memory>
#include <string>

#include "pages/pages.h"
#include "pages/reply.h"
#include "server/http_server.h"
#include "shards/shard_connections.h"
#include "util/error.h"

namespace foilog::web {

inline Params params_of(const httplib::Request& req) {
  return Params(req.params.begin(), req.params.end());
}

inline Format format_of(const std::string& path) {
  return path.rfind("/api/", 0) == 0 ? Format::kJson : Format::kHtml;
}

inline void send(httplib::Response& res, Reply reply) {
  res.status = reply.status;
  for (const auto& [k, v] : reply.headers) {
    res.set_header(k, v);
  }
  res.set_content(reply.body, reply.content_type);  // 0.11.4 takes a const reference
  add_security_headers(res);
}

// Sends the reply and then closes the connection. For refusals made before the request's body
// was read: 0.11.4 keeps a connection alive whatever Connection header a handler sets, and would
// parse the unread body as the next request (a desync an attacker can smuggle a request
// through). The body goes out through a content provider that reports failure once it has
// written everything, which is the one signal that makes 0.11.4 end its keep-alive loop.
inline void send_and_close(httplib::Response& res, Reply reply) {
  res.status = reply.status;
  for (const auto& [k, v] : reply.headers) {
    res.set_header(k, v);
  }
  res.set_header("Connection", "close");
  auto body = std::make_shared<const std::string>(std::move(reply.body));
  res.set_content_provider(body->size(), reply.content_type,
                           [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             sink.write(body->data() + offset, length);
                             return false;  // written in full; now close the connection
                           });
  add_security_headers(res);
}

// Runs a page function; the one place a failure becomes a status and a page. Internal errors
// are logged with detail and shown generically: no paths, SQL or exception text leak out.
//
// A shard that stops answering (Xapian::NetworkError, or ShardUnavailable when reconnecting) is
// a 503 naming the shard by its number, with Retry-After; the log names its address. The
// thread's handles are dropped, so the next request connects afresh.
//
// Xapian readers see one revision; when `foilog index` commits twice during one request the
// blocks of that revision may be reused and Xapian throws DatabaseModifiedError. That is not a
// failure: the page function runs again (site.context() reopens at the latest revision), and
// each such retry is counted and logged.
template <typename Fn>
void guarded(Site& site, const httplib::Request& req, httplib::Response& res, Fn&& fn) {
  constexpr int kAttempts = 5;
  const Format format = format_of(req.path);
  for (int attempt = 1;; ++attempt) {
    try {
      send(res, fn());
      return;
    } catch (const Xapian::DatabaseModifiedError& e) {
      const auto absorbed = site.note_database_modified();
      std::cerr << "foilog serve: " << req.method << " " << req.path
                << ": the index changed during the request (" << e.get_msg() << "); "
                << (attempt < kAttempts ? "reopened and retried" : "gave up") << " (" << absorbed
                << " DatabaseModifiedError absorbed so far)\n";
      if (attempt < kAttempts) {
        continue;
      }
      Reply reply = error_reply(site, format, 503, "The index is being updated; try again.");
      reply.headers.emplace_back("Retry-After", "1");
      send(res, std::move(reply));
    } catch (const ShardUnavailable& e) {
      std::cerr << "foilog serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
      site.discard_context();
      Reply reply = error_reply(site, format, 503, e.public_message());
      reply.headers.emplace_back("Retry-After", "30");
      send(res, std::move(reply));
    } catch (const Xapian::NetworkError& e) {
      const auto& shards = site.config().shards;
      const std::size_t i = shard_of_error(shards, e);
      const std::string which = i < shards.size() ? shard_label(shards, i) : "a shard";
      std::cerr << "foilog serve: " << req.method << " " << req.path << ": " << which
                << " stopped answering: " << e.get_description() << "\n";
      site.discard_context();
      Reply reply = error_reply(
          site, format, 503,
          "Part of the index (" +
              (i < shards.size()
                   ? "shard " + std::to_string(i + 1) + " of " + std::to_string(shards.size())
                   : std::string("a shard")) +
              ") is not answering, so no complete answer can be given. Try again in a minute.");
      reply.headers.emplace_back("Retry-After", "30");
      send(res, std::move(reply));
    } catch (const UsageError& e) {
      std::string msg = e.what();
      const std::string prefix = e.param() + ": ";
      if (msg.rfind(prefix, 0) == 0) {
        msg = "The ‘" + e.param() + "’ parameter " + msg.substr(prefix.size()) + ".";
      }
      send(res, error_reply(site, format, 400, msg, e.param()));
    } catch (const HttpError& e) {
      Reply reply = error_reply(site, format, e.status(), e.what());
      reply.headers.insert(reply.headers.end(), e.headers().begin(), e.headers().end());
      send(res, std::move(reply));
    } catch (const std::exception& e) {
      std::cerr << "foilog serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
      send(res, error_reply(site, format, 500,
                            "Try again later. If it keeps happening, tell the site's operator."));
    }
    return;
  }
}

}  // namespace foilog::web
