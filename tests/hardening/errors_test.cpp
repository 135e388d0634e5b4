// R13: errors do not leak. A server over a copy of the store, which the test then damages
// underneath it: one response's stored record made unparsable (its page throws while loading)
// and a table renamed away (a failing SQLite query). Pass: 500 with the generic page, no
// EXCEPTION_WHAT header, nothing in the body about paths, SQL, JSON or the exception; the detail
// in the server's log.
#include <gtest/gtest.h>

#include "hardening/hardened_server.h"
#include "store/sqlite_db.h"

namespace foilog::testing {
namespace {

std::int64_t first_published_id(SqliteDb& db, std::int64_t after = 0) {
  auto st =
      db.prepare("SELECT id FROM documents WHERE status = 'published' AND id > ?1 ORDER BY id");
  st.bind(1, after);
  return st.step() ? st.int64(0) : 0;
}

TEST(Errors, AFailingHandlerOrQueryAnswersAGeneric500AndLogsTheDetail) {
  TempDir dir;
  const auto db_dir = dir.path() / "db";
  ASSERT_EQ(std::system(("cp -a " + quote(web_corpus_db()) + " " + quote(db_dir)).c_str()), 0);
  HardenedServer server({"--threads", "2", "--rate-limit", "0"}, db_dir);
  std::int64_t broken = 0, other = 0;
  {
    SqliteDb db(db_dir / "foilog.sqlite", false);
    broken = first_published_id(db);
    other = first_published_id(db, broken);
    auto st =
        db.prepare("UPDATE documents SET record = '{\"questions\": 7, \"title\": ' WHERE id = ?1");
    st.bind(1, broken).run();
  }
  const auto c = server.client();
  std::vector<std::string> targets = {"/doc/" + std::to_string(broken),
                                      "/api/documents/" + std::to_string(broken)};
  {
    SqliteDb db(db_dir / "foilog.sqlite", false);
    db.exec("ALTER TABLE corrections RENAME TO corrections_moved_away");
  }
  targets.push_back("/doc/" + std::to_string(other));
  targets.push_back("/api/documents/" + std::to_string(other));
  for (const auto& target : targets) {
    const auto res = c->Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 500) << target << ": " << res->body.substr(0, 300);
    EXPECT_FALSE(res->has_header("EXCEPTION_WHAT")) << target;
    for (const char* leak :
         {"sqlite", "SQLITE", "SELECT", "corrections", "no such table", "parse", "json.exception",
          "syntax error", "foilog.sqlite", "/tmp/", "/work", "what()", "std::"}) {
      EXPECT_EQ(res->body.find(leak), std::string::npos) << target << " shows '" << leak << "'";
    }
    EXPECT_NE(res->body.find("Try again later"), std::string::npos) << target;
    EXPECT_NE(res->get_header_value("X-Content-Type-Options"), "") << "headers on errors too";
  }
  const std::string log = server.log();
  EXPECT_NE(log.find("no such table: corrections"), std::string::npos) << log;
  EXPECT_NE(log.find("parse"), std::string::npos) << "the JSON error is in the log: " << log;
  EXPECT_TRUE(server.alive());
}

}  // namespace
}  // namespace foilog::testing
