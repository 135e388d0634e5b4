// R4 readers during writes: 8 HTTP clients search `foilog serve` continuously while
// `foilog index` adds documents with frequent commits. Pass: no transport error, no status
// >= 500, each client's hit count for a fixed query never decreases, and every
// DatabaseModifiedError is absorbed by the server's reopen-and-retry (server/route_helpers.h;
// the test below forces one, since a real one needs two commits inside one request).
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "reliability/server_process.h"
#include "reliability/storage_support.h"
#include "server/route_helpers.h"
#include "server/site.h"

namespace foilog::testing {
namespace {

struct ClientTally {
  std::size_t requests = 0;
  std::size_t transport_errors = 0;
  std::size_t server_errors = 0;  // status >= 500
  std::size_t decreases = 0;      // a total smaller than the one before
  std::size_t first_total = 0, last_total = 0;
  std::string first_problem;
};

// The fixed query every client repeats: words of every generated letter and most sample ones.
constexpr const char* kQuery = "/api/search?q=information+request&per_page=10";

void search_until(const ServerProcess& server, const std::atomic<bool>& done, ClientTally& t) {
  const auto client = server.client();
  std::size_t previous = 0;
  // One more round after the writer has finished, so the last total is the final one.
  for (bool last_round = false; !last_round;) {
    last_round = done.load();
    // Pacing, not synchronisation: 8 clients in a tight loop would starve the indexer of the
    // machine's cores; a search every few milliseconds still overlaps every commit.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto res = client->Get(kQuery);
    ++t.requests;
    if (!res) {
      ++t.transport_errors;
      t.first_problem = t.first_problem.empty() ? "transport: " + httplib::to_string(res.error())
                                                : t.first_problem;
      continue;
    }
    if (res->status >= 500) {
      ++t.server_errors;
      t.first_problem = t.first_problem.empty() ? res->body : t.first_problem;
      continue;
    }
    const auto total = nlohmann::json::parse(res->body)["total"].get<std::size_t>();
    if (t.requests == 1) {
      t.first_total = total;
    }
    if (total < previous) {
      ++t.decreases;
    }
    previous = total;
    t.last_total = total;
  }
}

// The highest "(N DatabaseModifiedError absorbed so far)" in the server's log.
std::size_t absorbed_in_log(const std::string& log) {
  static const std::regex count(R"(\((\d+) DatabaseModifiedError absorbed so far\))");
  std::size_t highest = 0;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), count); it != std::sregex_iterator();
       ++it) {
    highest = std::max<std::size_t>(highest, std::stoul((*it)[1]));
  }
  return highest;
}

TEST(R4ReadersDuringWrites, EightClientsSeeNoErrorsAndNeverFewerHits) {
  TempDir tmp;
  const auto db = tmp.path() / "db";
  const std::size_t generated = scaled(60, 5000);
  const std::size_t batch = scaled(5, 500);
  ASSERT_EQ(index_command(db, {source_dir() / "data" / "corpus"}, 50).status, 0);
  const auto corpus = generated_corpus(tmp.path(), generated);
  ServerProcess server(db, tmp.path() / "serve.log");

  std::atomic<bool> done = false;
  std::vector<ClientTally> tallies(8);
  std::vector<std::thread> clients;
  const auto started = std::chrono::steady_clock::now();
  ChildProcess writer(
      {"index", "--quiet", "--db", db.string(), "--batch", std::to_string(batch), corpus.string()},
      tmp.path() / "index.log");
  for (auto& t : tallies) {
    clients.emplace_back([&server, &done, &t] { search_until(server, done, t); });
  }
  const int writer_status = writer.wait();
  done = true;
  for (auto& c : clients) {
    c.join();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(writer_status, 0) << writer.log();

  std::size_t requests = 0;
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    const ClientTally& t = tallies[i];
    SCOPED_TRACE("client " + std::to_string(i));
    requests += t.requests;
    EXPECT_EQ(t.transport_errors, 0u) << t.first_problem;
    EXPECT_EQ(t.server_errors, 0u) << t.first_problem;
    EXPECT_EQ(t.decreases, 0u);
    EXPECT_GT(t.last_total, t.first_total) << "the clients should have seen the new documents";
  }
  const std::string log = server.log();
  server.stop();
  EXPECT_EQ(log.find("gave up"), std::string::npos) << log;
  std::cout << "R4: " << generated << " documents, commit every " << batch << ", 8 clients, "
            << requests << " searches in " << seconds << " s, " << absorbed_in_log(log)
            << " DatabaseModifiedError absorbed\n";
  expect_consistent(db);
}

// The retry itself, deterministically: a page function that meets DatabaseModifiedError runs
// again and answers 200; one that keeps meeting it answers 503 (never 500), and each is counted.
TEST(R4ReadersDuringWrites, DatabaseModifiedErrorIsRetriedAndCounted) {
  TempDir tmp;
  const auto db = tmp.path() / "db";
  ASSERT_EQ(index_command(db, {generated_corpus(tmp.path(), 3)}, 10).status, 0);
  web::SiteConfig config;
  config.db_dir = db;
  config.templates_dir = source_dir() / "web" / "templates";
  config.static_dir = source_dir() / "static";
  config.data_dir = source_dir() / "data";
  web::Site site(config);
  httplib::Request req;
  req.method = "GET";
  req.path = "/api/search";

  int calls = 0;
  httplib::Response once;
  web::guarded(site, req, once, [&] {
    if (++calls == 1) {
      throw Xapian::DatabaseModifiedError("the revision being read was overwritten");
    }
    return web::Reply{200, "application/json", "{}", {}};
  });
  EXPECT_EQ(once.status, 200);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(site.database_modified_count(), 1u);

  httplib::Response always;
  web::guarded(site, req, always, [&]() -> web::Reply {
    throw Xapian::DatabaseModifiedError("the revision being read was overwritten");
  });
  EXPECT_EQ(always.status, 503);
  EXPECT_EQ(always.get_header_value("Retry-After"), "1");
  EXPECT_EQ(site.database_modified_count(), 6u);
}

}  // namespace
}  // namespace foilog::testing
