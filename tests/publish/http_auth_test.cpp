// Who may do what, against a real `foilog serve`: every publishing route without a token or
// session, with a wrong one, with another authority's; tokens in the query string; CSRF on every
// form; cookie attributes, sign-out and expiry; rate limiting; 503 while another process
// writes; body limits per route; which pages may be framed.
#include <sqlite3.h>
#include <sys/file.h>

#include <gtest/gtest.h>

#include "publish/http_helpers.h"
#include "support/serve_process.h"

namespace foilog::publish_testing {
namespace {

struct Route {
  std::string method, path;
};

// A published West Midlands Police document (from the corpus) and one in review.
struct Docs {
  std::int64_t published = 0, review = 0;
};

const Docs& docs() {
  static const Docs d = [] {
    auto& s = PublishServer::get();
    Docs out;
    out.published = listed_ids(s, s.wmp_token(), "?status=published").front();
    const auto up = json_of(api_upload(s, s.wmp_token(), "review.txt", letter("quokka")));
    out.review = up["id"].get<std::int64_t>();
    return out;
  }();
  return d;
}

std::vector<Route> api_routes(std::int64_t id) {
  const std::string d = "/api/publish/" + std::to_string(id);
  return {{"GET", "/api/publish"},
          {"POST", "/api/publish"},
          {"GET", "/api/publish/audit"},
          {"GET", d},
          {"GET", d + "/label"},
          {"PATCH", d},
          {"DELETE", d},
          {"POST", d + "/release"},
          {"POST", d + "/purge"}};
}

httplib::Result send(const PublishServer& s, const Route& r, const httplib::Headers& headers,
                     const std::string& body = "{\"reason\": \"test\", \"reference\": \"X\"}",
                     const std::string& type = "application/json") {
  auto c = s.client();
  if (r.method == "GET") {
    return c->Get(r.path, headers);
  }
  if (r.method == "PATCH") {
    return c->Patch(r.path, headers, body, type);
  }
  if (r.method == "DELETE") {
    return c->Delete(r.path, headers, body, type);
  }
  return c->Post(r.path, headers, body, type);
}

TEST(PublishAuth, EveryApiRouteNeedsAValidBearerToken) {
  auto& s = PublishServer::get();
  for (const auto& r : api_routes(docs().published)) {
    for (const httplib::Headers& h :
         std::vector<httplib::Headers>{{},
                                       {{"Authorization", "Bearer foilog_notarealtoken0000000000"}},
                                       {{"Authorization", "Bearer"}},
                                       {{"Authorization", "Basic " + s.wmp_token()}},
                                       {{"Cookie", "foilog_session=whatever"}}}) {
      const auto res = send(s, r, h);
      ASSERT_TRUE(res) << r.method << " " << r.path;
      EXPECT_EQ(res->status, 401) << r.method << " " << r.path;
      EXPECT_NE(res->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
      EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
    }
  }
  // The published document is untouched.
  const auto doc = json_of(
      api_json(s, "GET", "/api/publish/" + std::to_string(docs().published), s.wmp_token()));
  EXPECT_EQ(doc["status"], "published");
  EXPECT_TRUE(doc["corrections"].empty());
}

TEST(PublishAuth, AnotherAuthoritysTokenIsForbiddenOnEveryDocumentRoute) {
  auto& s = PublishServer::get();
  for (const std::int64_t id : {docs().published, docs().review}) {
    for (const auto& r : api_routes(id)) {
      if (r.path.find("/api/publish/") != 0 || r.path == "/api/publish/audit") {
        continue;  // not a document's route
      }
      const auto res = send(s, r, PublishServer::bearer(s.canary_token()));
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << r.method << " " << r.path << " " << res->body;
    }
  }
  // It sees only its own log, and none of the other authority's audit entries.
  for (const auto id : listed_ids(s, s.canary_token())) {
    EXPECT_NE(id, docs().published);
    EXPECT_NE(id, docs().review);
  }
  const auto audit = json_of(api_json(s, "GET", "/api/publish/audit", s.canary_token()));
  for (const auto& e : audit["entries"]) {
    EXPECT_NE(e["authority_id"], "west-midlands-police") << e.dump();
  }
  const auto doc =
      json_of(api_json(s, "GET", "/api/publish/" + std::to_string(docs().review), s.wmp_token()));
  EXPECT_EQ(doc["status"], "review");
  EXPECT_TRUE(doc["corrections"].empty());
  // An administrator may act for every authority.
  EXPECT_EQ(
      api_json(s, "GET", "/api/publish/" + std::to_string(docs().review), s.admin_token())->status,
      200);
}

TEST(PublishAuth, ATokenInTheQueryStringIsRefused) {
  auto& s = PublishServer::get();
  for (const std::string& path :
       {"/api/publish?token=" + s.wmp_token(), "/api/publish?access_token=" + s.wmp_token(),
        "/api/publish?q=" + s.wmp_token(), std::string("/api/publish?api_key=x"),
        "/publish?token=" + s.wmp_token(), "/publish/sign-in?token=" + s.wmp_token()}) {
    // Even with a valid header beside it: the token in the address is already leaked.
    const auto res = s.client()->Get(path, PublishServer::bearer(s.wmp_token()));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path;
  }
  // And the server's log holds no token, only paths.
  EXPECT_EQ(s.log().find(s.wmp_token()), std::string::npos);
  EXPECT_EQ(s.log().find("foilog_"), std::string::npos);
  EXPECT_NE(s.log().find("GET /api/publish 401"), std::string::npos) << s.log().substr(0, 500);
}

std::vector<Route> page_routes(std::int64_t id) {
  const std::string d = "/publish/doc/" + std::to_string(id);
  return {{"GET", "/publish"},
          {"GET", "/publish/upload"},
          {"GET", "/publish/audit"},
          {"GET", d},
          {"GET", d + "/change/reference"},
          {"GET", d + "/withdraw"},
          {"GET", d + "/done/published"},
          {"POST", "/publish/sign-out"},
          {"POST", "/publish/upload"},
          {"POST", d + "/change/reference"},
          {"POST", d + "/release"},
          {"POST", d + "/withdraw"},
          {"POST", d + "/purge"}};
}

TEST(PublishAuth, EveryPublishingPageNeedsASession) {
  auto& s = PublishServer::get();
  for (const auto& r : page_routes(docs().review)) {
    for (const httplib::Headers& h : std::vector<httplib::Headers>{
             {}, {{"Cookie", "foilog_session=forged"}}, PublishServer::bearer(s.wmp_token())}) {
      const auto res =
          send(s, r, h, "csrf=x&value=y&reason=z", "application/x-www-form-urlencoded");
      ASSERT_TRUE(res) << r.path;
      EXPECT_EQ(res->status, 401) << r.method << " " << r.path;
      EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store") << r.path;
      if (r.method == "GET") {
        EXPECT_TRUE(has(res->body, "action=\"/publish/sign-in\"")) << "401 shows the sign-in form";
      }
    }
  }
}

TEST(PublishAuth, AnotherAuthoritysSessionIsForbiddenOnEveryDocumentPage) {
  auto& s = PublishServer::get();
  const WebSession canary = sign_in(s, s.canary_token());
  for (const auto& r : page_routes(docs().review)) {
    if (r.path.find("/publish/doc/") != 0) {
      continue;
    }
    const auto res = send(s, r, canary.headers(),
                          form_encode({{"csrf", canary.csrf}, {"value", "X"}, {"reason", "r"}}),
                          "application/x-www-form-urlencoded");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << r.method << " " << r.path;
  }
  const auto doc =
      json_of(api_json(s, "GET", "/api/publish/" + std::to_string(docs().review), s.wmp_token()));
  EXPECT_EQ(doc["status"], "review");
}

TEST(PublishAuth, EveryFormNeedsItsSessionsCsrfToken) {
  auto& s = PublishServer::get();
  const WebSession wmp = sign_in(s, s.wmp_token());
  const WebSession other = sign_in(s, s.wmp_token());  // a second session of the same token
  ASSERT_NE(wmp.csrf, other.csrf);
  for (const auto& r : page_routes(docs().review)) {
    if (r.method != "POST") {
      continue;
    }
    for (const std::string& csrf : {std::string(), std::string("wrong"), other.csrf}) {
      const auto res = send(s, r, wmp.headers(),
                            form_encode({{"csrf", csrf}, {"value", "CSRF-1"}, {"reason", "r"}}),
                            "application/x-www-form-urlencoded");
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << r.path << " with csrf '" << csrf << "'";
    }
    // A token in the query string is not a form field.
    const auto res = send(s, {r.method, r.path + "?csrf=" + wmp.csrf}, wmp.headers(),
                          form_encode({{"value", "CSRF-1"}}), "application/x-www-form-urlencoded");
    EXPECT_EQ(res->status, 403) << r.path;
  }
  const auto doc =
      json_of(api_json(s, "GET", "/api/publish/" + std::to_string(docs().review), s.wmp_token()));
  EXPECT_EQ(doc["status"], "review");
  EXPECT_TRUE(doc["corrections"].empty());
  // With it, the same form works.
  const auto ok =
      send(s, {"POST", "/publish/doc/" + std::to_string(docs().review) + "/change/title"},
           wmp.headers(), form_encode({{"csrf", wmp.csrf}, {"value", "A new title"}}),
           "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  // The sign-in form has its own (double-submit) token.
  auto c = s.client();
  const auto page = c->Get("/publish/sign-in");
  EXPECT_EQ(c->Post("/publish/sign-in",
                    form_encode({{"token", s.wmp_token()}, {"csrf", csrf_of(page->body)}}),
                    "application/x-www-form-urlencoded")
                ->status,
            403)
      << "no cookie";
  EXPECT_EQ(c->Post("/publish/sign-in", {{"Cookie", set_cookie_of(*page, "foilog_signin")}},
                    form_encode({{"token", s.wmp_token()}, {"csrf", "forged"}}),
                    "application/x-www-form-urlencoded")
                ->status,
            403)
      << "cookie and field differ";
}

TEST(PublishAuth, SessionCookiesAreHttpOnlyStrictAndEndOnSignOutExpiryOrRevocation) {
  auto& s = PublishServer::get();
  auto c = s.client();
  const auto page = c->Get("/publish/sign-in");
  const auto res = c->Post("/publish/sign-in", {{"Cookie", set_cookie_of(*page, "foilog_signin")}},
                           form_encode({{"token", s.wmp_token()}, {"csrf", csrf_of(page->body)}}),
                           "application/x-www-form-urlencoded");
  ASSERT_EQ(res->status, 303);
  const std::string line = set_cookie_line(*res, "foilog_session");
  EXPECT_TRUE(has(line, "HttpOnly")) << line;
  EXPECT_TRUE(has(line, "SameSite=Strict")) << line;
  EXPECT_TRUE(has(line, "Path=/publish")) << line;
  EXPECT_FALSE(has(line, "Secure")) << "plain HTTP without --secure-cookies";
  // A wrong token re-shows the form with an error.
  const auto page2 = c->Get("/publish/sign-in");
  const auto bad = c->Post("/publish/sign-in", {{"Cookie", set_cookie_of(*page2, "foilog_signin")}},
                           form_encode({{"token", "foilog_wrong"}, {"csrf", csrf_of(page2->body)}}),
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(bad->status, 401);
  EXPECT_TRUE(has(bad->body, "govuk-error-summary"));

  // Sign out: the cookie is cleared and the session no longer opens anything.
  WebSession a = sign_in(s, s.wmp_token());
  const auto out = c->Post("/publish/sign-out", a.headers(), form_encode({{"csrf", a.csrf}}),
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(out->status, 303);
  EXPECT_TRUE(has(set_cookie_line(*out, "foilog_session"), "Max-Age=0"));
  EXPECT_EQ(c->Get("/publish", a.headers())->status, 401);

  // Expiry: the same check a day later (moved in the database, not waited for).
  WebSession b = sign_in(s, s.wmp_token());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((s.db() / "foilog.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(c->Get("/publish", b.headers())->status, 401);
}

TEST(PublishAuth, ARevokedTokenStopsWorkingAtOnce) {
  auto& s = PublishServer::get();
  const std::string token =
      last_line(PublishServer::must(s.cli("token create --authority canary-borough")));
  const WebSession session = sign_in(s, token);
  EXPECT_EQ(api_json(s, "GET", "/api/publish", token)->status, 200);
  const auto tokens = PublishServer::must(s.cli("token list"));
  const std::string id = last_line(tokens).substr(0, last_line(tokens).find('\t'));
  PublishServer::must(s.cli("token revoke " + id));
  EXPECT_EQ(api_json(s, "GET", "/api/publish", token)->status, 401);
  EXPECT_EQ(s.client()->Get("/publish", session.headers())->status, 401);
}

TEST(PublishAuth, FailedSignInsAreRateLimitedBySocketAddress) {
  PublishServer strict({"--max-failed-sign-ins", "3", "--secure-cookies"});
  auto c = strict.client();
  for (int i = 0; i < 3; ++i) {
    // A forwarded-for header names another client: it must not matter.
    httplib::Headers h = {{"Authorization", "Bearer foilog_wrong" + std::to_string(i)},
                          {"X-Forwarded-For", "203.0.113." + std::to_string(i)}};
    EXPECT_EQ(c->Get("/api/publish", h)->status, 401);
  }
  const auto blocked = c->Get("/api/publish", PublishServer::bearer(strict.wmp_token()));
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 429) << "even a good token waits while the address is blocked";
  const std::string retry = blocked->get_header_value("Retry-After");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 0);
  EXPECT_LE(std::stoi(retry), 15 * 60);
  // The sign-in form is limited the same way.
  const auto page = c->Get("/publish/sign-in");
  EXPECT_TRUE(has(set_cookie_line(*page, "foilog_signin"), "; Secure")) << "--secure-cookies";
  const auto form =
      c->Post("/publish/sign-in", {{"Cookie", set_cookie_of(*page, "foilog_signin")}},
              form_encode({{"token", strict.wmp_token()}, {"csrf", csrf_of(page->body)}}),
              "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 429);
}

TEST(PublishAuth, WritesAnswer503WhileAnotherProcessHoldsTheWriteLock) {
  auto& s = PublishServer::get();
  const std::string path = "/api/publish/" + std::to_string(docs().review);
  {
    // What `foilog index` holds while it runs.
    const int fd = ::open((s.db() / "write.lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    const auto res = api_json(s, "PATCH", path, s.wmp_token(), {{"title", "While indexing"}});
    EXPECT_EQ(res->status, 503);
    EXPECT_EQ(res->get_header_value("Retry-After"), "30");
    // Reading goes on.
    EXPECT_EQ(api_json(s, "GET", path, s.wmp_token())->status, 200);
    ::close(fd);
  }
  EXPECT_EQ(api_json(s, "PATCH", path, s.wmp_token(), {{"title", "After indexing"}})->status, 200);
}

TEST(PublishAuth, BodiesAreRefusedUnreadPastEachRoutesLimit) {
  auto& s = PublishServer::get();
  const std::string auth = "Authorization: Bearer " + s.wmp_token() + "\r\n";
  struct Case {
    std::string request, status;
  };
  for (const auto& c : {
           Case{"POST /api/publish HTTP/1.1\r\nHost: x\r\n" + auth +
                    "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                    "40000000\r\n\r\n",
                "413"},
           Case{"PATCH /api/publish/1 HTTP/1.1\r\nHost: x\r\n" + auth +
                    "Content-Length: 2000000\r\n\r\n",
                "413"},
           Case{"POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", "405"},
           Case{"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", "413"},
           Case{"DELETE /api/publish/1 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", "411"},
       }) {
    const std::string reply = foilog::testing::raw_exchange(s.port(), c.request, 6500);
    ASSERT_GE(reply.size(), 12U) << c.request.substr(0, 60);
    EXPECT_EQ(reply.substr(9, 3), c.status) << c.request.substr(0, 80);
  }
}

TEST(PublishAuth, OnlyTheEmbeddableLogMayBeFramed) {
  auto& s = PublishServer::get();
  const auto embed = s.client()->Get("/authority/west-midlands-police/embed");
  ASSERT_EQ(embed->status, 200);
  EXPECT_EQ(embed->get_header_value_count("Content-Security-Policy"), 1U);
  EXPECT_TRUE(has(embed->get_header_value("Content-Security-Policy"), "frame-ancestors *"));
  EXPECT_FALSE(embed->has_header("X-Frame-Options"));
  EXPECT_TRUE(has(embed->body, "West Midlands Police"));
  EXPECT_TRUE(has(embed->body, "target=\"_blank\""));
  EXPECT_FALSE(has(embed->body, "app-header")) << "no site chrome";
  for (const std::string path : {"/publish/sign-in", "/authority/west-midlands-police", "/"}) {
    const auto res = s.client()->Get(path);
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1U) << path;
    EXPECT_TRUE(has(res->get_header_value("Content-Security-Policy"), "frame-ancestors 'none'"))
        << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
  }
  EXPECT_EQ(s.client()->Get("/authority/no-such-authority/embed")->status, 404);
}

}  // namespace
}  // namespace foilog::publish_testing
