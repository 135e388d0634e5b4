// One `foilog serve` with publishing for the HTTP tests, on its own copy of a store holding the
// sample corpus, two authority accounts (West Midlands Police, from the table, and Canary Borough
// Council, which the table lacks), a token for each and an administrator's, all made with the
// real CLI. ctest builds that store once (publish_store_setup, make_store.sh); run alone, a test
// binary builds its own. The server's stderr goes to a file the tests read (to prove no token
// is ever logged).
#pragma once

#include <httplib.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "integration/command.h"
#include "support/serve_process.h"

namespace foilog::publish_testing {

using foilog::testing::foilog_bin;
using foilog::testing::quote;
using foilog::testing::run_command;
using foilog::testing::source_dir;

inline std::string last_line(const std::string& output) {
  std::string s = output;
  while (!s.empty() && s.back() == '\n') {
    s.pop_back();
  }
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class PublishServer {
 public:
  explicit PublishServer(std::vector<std::string> extra_args = {"--max-failed-sign-ins",
                                                                "100000"}) {
    db_ = dir_.path() / "db";
    std::filesystem::path store = dir_.path() / "store";
#ifdef FOILOG_PUBLISH_STORE
    if (std::filesystem::exists(std::filesystem::path(FOILOG_PUBLISH_STORE) / "tokens")) {
      store = FOILOG_PUBLISH_STORE;
    }
#endif
    if (!std::filesystem::exists(store / "tokens")) {
      must("bash " + quote(source_dir() / "tests" / "publish" / "make_store.sh") + " " +
           foilog_bin() + " " + quote(store) + " " + quote(source_dir()));
    }
    must("cp -a " + quote(store / "db") + " " + quote(db_));
    std::istringstream tokens(slurp(store / "tokens"));
    std::getline(tokens, wmp_token_);
    std::getline(tokens, canary_token_);
    std::getline(tokens, admin_token_);
    start(std::move(extra_args));
  }
  ~PublishServer() {
    stop();
  }
  PublishServer(const PublishServer&) = delete;
  PublishServer& operator=(const PublishServer&) = delete;

  static PublishServer& get() {
    static PublishServer instance;
    return instance;
  }

  // `foilog ARGS --db DB` (the store's own CLI), failing the run when it fails.
  [[nodiscard]] std::string cli(const std::string& args) const {
    const auto space = args.find(' ');
    return foilog_bin() + " " + args.substr(0, space) + " --db " + quote(db_) +
           (space == std::string::npos ? "" : args.substr(space));
  }
  static std::string must(const std::string& command) {
    const auto r = run_command(command);
    if (r.status != 0) {
      throw std::runtime_error(command + " failed: " + r.output);
    }
    return r.output;
  }

  [[nodiscard]] int port() const {
    return server_.port();
  }
  [[nodiscard]] const std::filesystem::path& db() const {
    return db_;
  }
  // A fresh directory of this server's own, for files a test indexes into its store.
  [[nodiscard]] std::filesystem::path scratch(const std::string& name) const {
    const auto p = dir_.path() / name;
    std::filesystem::create_directories(p);
    return p;
  }
  [[nodiscard]] const std::string& wmp_token() const {
    return wmp_token_;
  }
  [[nodiscard]] const std::string& canary_token() const {
    return canary_token_;
  }
  [[nodiscard]] const std::string& admin_token() const {
    return admin_token_;
  }
  [[nodiscard]] std::string log() const {
    return slurp(dir_.path() / "serve.log");
  }

  [[nodiscard]] std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    c->set_read_timeout(60, 0);
    c->set_write_timeout(60, 0);
    return c;
  }
  static httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

 private:
  void start(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db",      db_.string(), "--port",       "0",
                                     "--threads", "4",          "--rate-limit", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    server_.start(foilog_bin(), args, dir_.path() / "serve.log");
  }
  void stop() {
    server_.stop();
  }

  foilog::testing::TempDir dir_;
  std::filesystem::path db_;
  std::string wmp_token_, canary_token_, admin_token_;
  foilog::testing::ServeProcess server_;
};

// A signed-in web session, as a browser holds it: the session cookie and the page's CSRF token.
struct WebSession {
  std::string cookie;  // "foilog_session=..."
  std::string csrf;
  [[nodiscard]] httplib::Headers headers() const { return {{"Cookie", cookie}}; }
};

// The value of name="csrf" in a page's first form.
inline std::string csrf_of(const std::string& html) {
  const std::string marker = "name=\"csrf\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) {
    return {};
  }
  const auto end = html.find('"', at + marker.size());
  return html.substr(at + marker.size(), end - at - marker.size());
}

// "name=value" of the Set-Cookie that sets name, or "".
inline std::string set_cookie_of(const httplib::Response& res, const std::string& name) {
  for (std::size_t i = 0; i < res.get_header_value_count("Set-Cookie"); ++i) {
    const std::string c = res.get_header_value("Set-Cookie", i);
    if (c.rfind(name + "=", 0) == 0) {
      return c.substr(0, c.find(';'));
    }
  }
  return {};
}
inline std::string set_cookie_line(const httplib::Response& res, const std::string& name) {
  for (std::size_t i = 0; i < res.get_header_value_count("Set-Cookie"); ++i) {
    const std::string c = res.get_header_value("Set-Cookie", i);
    if (c.rfind(name + "=", 0) == 0) {
      return c;
    }
  }
  return {};
}

inline std::string form_encode(const httplib::Params& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    out += (out.empty() ? "" : "&") + httplib::detail::encode_query_param(k) + "=" +
           httplib::detail::encode_query_param(v);
  }
  return out;
}

// Signs in through the form (GET the page for its CSRF cookie and field, POST the token).
inline WebSession sign_in(const PublishServer& server, const std::string& token) {
  auto c = server.client();
  const auto page = c->Get("/publish/sign-in");
  if (!page || page->status != 200) {
    throw std::runtime_error("GET /publish/sign-in failed");
  }
  const std::string pre = set_cookie_of(*page, "foilog_signin");
  const auto res =
      c->Post("/publish/sign-in", {{"Cookie", pre}},
              form_encode({{"token", token}, {"csrf", csrf_of(page->body)}, {"next", "/publish"}}),
              "application/x-www-form-urlencoded");
  if (!res || res->status != 303) {
    throw std::runtime_error("sign-in did not redirect: " +
                             (res ? std::to_string(res->status) + res->body : std::string("none")));
  }
  WebSession s;
  s.cookie = set_cookie_of(*res, "foilog_session");
  const auto home = c->Get("/publish", s.headers());
  if (!home || home->status != 200) {
    throw std::runtime_error("the session does not open /publish");
  }
  s.csrf = csrf_of(home->body);
  return s;
}

}  // namespace foilog::publish_testing
