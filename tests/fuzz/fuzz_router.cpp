// The request router's decisions on a request head, without a socket: the pre-routing guard
// (refusal_before_body: framing, lengths, methods, ranges), the publishing body limits, the
// reply format by path, the static-file allowlist and the provision typed in /exemption/X.
// The input is a request head as a client sends it ("METHOD PATH\r\nName: value\r\n..."),
// decoded with cpp-httplib's own path decoder and Range parser, as the server does.
// Expected: nothing throws. Contract: the README's promises ("Requests with
// Transfer-Encoding, several Content-Lengths, a body on a GET, a body without a length or more
// than one byte range are refused before any body is read"; a body on a route that reads none
// is refused; a body over its route's limit is refused; more than 100 header fields are refused),
// refusals use only 400/405/411/413/416/431, and /static/ serves nothing outside its allowlist.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "publish/publish_routes.h"
#include "search/query_builder.h"
#include "server/http_server.h"
#include "server/route_helpers.h"
#include "server/static_files.h"
#include "util/text.h"

namespace {

using foilog::fuzz::require;

std::string_view next_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  return line;
}

httplib::Request request_from(std::string_view head) {
  httplib::Request req;
  const std::string_view request_line = next_line(head);
  const std::size_t space = request_line.find(' ');
  req.method = std::string(request_line.substr(0, space));
  std::string target(space == std::string_view::npos ? "" : request_line.substr(space + 1));
  target = target.substr(0, target.find(' '));  // drop " HTTP/1.1"
  const std::size_t query = target.find('?');
  req.path = httplib::detail::decode_url(target.substr(0, query), false);
  if (query != std::string::npos) {
    httplib::detail::parse_query_text(target.substr(query + 1), req.params);
  }
  while (!head.empty()) {
    const std::string_view line = next_line(head);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    req.headers.emplace(std::string(line.substr(0, colon)), std::string(value));
  }
  if (req.has_header("Range")) {
    // The server answers 416 itself when the header does not parse; the guard sees the rest.
    if (!httplib::detail::parse_range_header(req.get_header_value("Range"), req.ranges)) {
      req.ranges.clear();
    }
  }
  return req;
}

// cpp-httplib 0.11.4 answers 400 itself, before any handler, to a method outside this set
// (parse_request_line), so the guard only ever sees these.
bool httplib_accepts(const std::string& m) {
  static const std::set<std::string> kMethods = {"GET",     "HEAD",    "POST",  "PUT",   "DELETE",
                                                 "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
  return kMethods.count(m) != 0;
}

bool is_body_method(const std::string& m) {
  return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog::web;
  static const ServerOptions options;
  static const StaticFiles static_files =
      StaticFiles::load(std::string(FOILOG_SOURCE_DIR) + "/static");
  const httplib::Request req = request_from(foilog::fuzz::as_view(data, size));
  if (!httplib_accepts(req.method)) {
    return 0;
  }

  const auto refusal = refusal_before_body(req, options);
  if (refusal) {
    const int s = refusal->status;
    require(s == 400 || s == 405 || s == 411 || s == 413 || s == 416 || s == 431,
            "a refusal is 400, 405, 411, 413, 416 or 431");
    require(!refusal->message.empty() && foilog::is_valid_utf8(refusal->message),
            "a refusal says why");
  } else {
    require(req.headers.size() <= 100, "more than 100 header fields are refused");
    require(!req.has_header("Transfer-Encoding"), "Transfer-Encoding is refused");
    require(req.get_header_value_count("Content-Length") <= 1,
            "several Content-Lengths are refused");
    require(req.ranges.size() <= 1, "more than one range is refused");
    const std::size_t publish_limit = publish_body_limit(req.method, req.path, options.publish);
    if (is_body_method(req.method)) {
      require(takes_body(req) || publish_limit > 0, "a body on a route that reads none is refused");
      require(req.has_header("Content-Length"), "a body without a length is refused");
      const std::size_t limit = publish_limit > 0 ? publish_limit : options.max_body_bytes;
      require(std::stoull(req.get_header_value("Content-Length")) <= limit,
              "a body over its route's limit is refused");
    } else {
      require(!req.has_header("Content-Length") || req.get_header_value("Content-Length") == "0",
              "a body on a GET is refused");
    }
  }

  (void)format_of(req.path);
  if (req.path.rfind("/static/", 0) == 0) {
    const std::string rel = req.path.substr(8);
    if (static_files.find(rel) != nullptr) {
      require(rel.find("..") == std::string::npos && rel.find('\\') == std::string::npos &&
                  rel.find('\0') == std::string::npos && !rel.empty() && rel.front() != '/',
              "/static/ serves only allowlisted names");
    }
  }
  if (req.path.rfind("/exemption/", 0) == 0) {
    (void)canonical_provision(req.path.substr(11));
  }
  return 0;
}
