// R25 restart and restore phases (Typesense's SINGLE_FRESH / SINGLE_RESTARTED / SINGLE_SNAPSHOT):
// the HTTP checks on a freshly indexed store, again after a clean restart, and again on a
// `foilog backup` taken while `foilog index` was running, restored (served from the copy) after
// the ingest was resumed on it. For 50 fixed queries the top-100 ids must equal phase 1's.
// Also `foilog backup`'s own promises: the copy passes `foilog check`, DEST is never
// overwritten, and a backup does not disturb the indexer it runs beside.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "reliability/server_process.h"
#include "reliability/storage_support.h"

namespace foilog::testing {
namespace {

// Words, phrases and field queries spread over what the sample and generated letters say.
const std::vector<std::string> kQueries = {"police",
                                           "council",
                                           "information",
                                           "request",
                                           "exemption",
                                           "personal data",
                                           "cost limit",
                                           "refused",
                                           "cyber",
                                           "CCTV",
                                           "budget",
                                           "contract",
                                           "staff",
                                           "vehicles",
                                           "training",
                                           "complaints",
                                           "policy",
                                           "2019",
                                           "2020",
                                           "2021",
                                           "section 12",
                                           "section 43",
                                           "commercial",
                                           "health and safety",
                                           "fire",
                                           "school",
                                           "housing",
                                           "planning",
                                           "environment",
                                           "emails",
                                           "software",
                                           "licence",
                                           "spend",
                                           "number of",
                                           "incidents",
                                           "officers",
                                           "hospital",
                                           "patients",
                                           "records",
                                           "meeting minutes",
                                           "consultant",
                                           "agency",
                                           "overtime",
                                           "parking",
                                           "outcome:refused",
                                           "exemption:s31",
                                           "exemption:s40",
                                           "outcome:granted",
                                           "\"public interest\"",
                                           "national security OR law enforcement"};

std::string url_encode(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

nlohmann::json get_json(httplib::Client& client, const std::string& path) {
  const auto res = client.Get(path);
  EXPECT_TRUE(res) << path;
  if (!res) {
    return {};
  }
  EXPECT_EQ(res->status, 200) << path << ": " << res->body;
  return nlohmann::json::parse(res->body, nullptr, false);
}

// The HTTP checks of one phase; returns the top-100 ids of every fixed query.
std::vector<std::vector<std::int64_t>> http_phase(const ServerProcess& server,
                                                  std::int64_t published) {
  const auto client = server.client();
  for (const char* page : {"/healthz", "/", "/search?q=test", "/authorities", "/exemptions"}) {
    const auto res = client->Get(page);
    EXPECT_TRUE(res && res->status == 200) << page;
  }
  const auto all = get_json(*client, "/api/search?q=&per_page=1");
  EXPECT_EQ(all.value("total", -1), published);
  if (all.contains("results") && !all["results"].empty()) {
    const auto id = all["results"][0]["id"].get<std::int64_t>();
    EXPECT_EQ(get_json(*client, "/api/documents/" + std::to_string(id)).value("id", -1), id);
  }
  std::vector<std::vector<std::int64_t>> top;
  for (const auto& q : kQueries) {
    const auto j = get_json(*client, "/api/search?per_page=100&q=" + url_encode(q));
    std::vector<std::int64_t> ids;
    for (const auto& r : j.value("results", nlohmann::json::array())) {
      ids.push_back(r["id"].get<std::int64_t>());
    }
    top.push_back(std::move(ids));
  }
  return top;
}

std::int64_t published_count(const std::filesystem::path& db) {
  return sqlite_int(db, "SELECT COUNT(*) FROM documents WHERE status = 'published'");
}

TEST(R25RestartAndRestore, FreshRestartedAndRestoredPhasesAnswerAlike) {
  TempDir tmp;
  const auto roots = sample_and_generated(tmp.path(), scaled(40, 10000 - 40));
  const std::size_t batch = scaled(10, 200);
  const auto started = std::chrono::steady_clock::now();

  // Phase 1: a fresh store, never stopped.
  const auto fresh = tmp.path() / "fresh";
  ASSERT_EQ(index_command(fresh, roots, batch).status, 0);
  const std::int64_t total = published_count(fresh);
  std::vector<std::vector<std::int64_t>> phase1;
  {
    ServerProcess server(fresh, tmp.path() / "serve1.log");
    phase1 = http_phase(server, total);
    server.stop();
  }
  std::size_t answered = 0;
  for (const auto& ids : phase1) {
    answered += ids.empty() ? 0 : 1;
  }
  EXPECT_GE(answered, 40u) << "most fixed queries should find something";

  // Phase 2: a clean restart on the same directory.
  {
    ServerProcess server(fresh, tmp.path() / "serve2.log");
    EXPECT_TRUE(http_phase(server, total) == phase1) << "results changed across a restart";
    server.stop();
  }

  // Phase 3: a backup taken mid-ingest, restored, the ingest resumed on it.
  const auto live = tmp.path() / "live";
  const auto backup = tmp.path() / "backup";
  {
    std::vector<std::string> args = {"index",       "--quiet", "--db",
                                     live.string(), "--batch", std::to_string(batch)};
    for (const auto& r : roots) {
      args.push_back(r.string());
    }
    // The writer pauses after half the documents are put (holding no commit lock), so the
    // backup is taken mid-ingest whatever the machine's speed: racing a running ingest, the
    // backup sometimes came after its end (80 of 80, on an idle machine).
    const auto resume = tmp.path() / "resume";
    const std::size_t pause_at = static_cast<std::size_t>(total) / 2 + batch / 2;
    ChildProcess writer(
        args, tmp.path() / "live-index.log",
        {"FOILOG_FAULT=pause_after:" + std::to_string(pause_at) + ":" + resume.string()});
    ASSERT_TRUE(wait_until(
        [&] { return writer.finished() || std::filesystem::exists(resume.string() + ".paused"); },
        std::chrono::seconds(300)));
    ASSERT_FALSE(writer.finished()) << "the ingest ended before the backup: " << writer.log();
    const auto r = run_command(foilog_bin() + " backup --db " + quote(live) + " " + quote(backup));
    ASSERT_EQ(r.status, 0) << r.output;
    std::cout << "R25: " << r.output;
    std::ofstream(resume) << "go\n";
    EXPECT_EQ(writer.wait(), 0) << "the backup disturbed the ingest: " << writer.log();
    expect_consistent(live);
  }
  const std::int64_t in_backup = published_count(backup);
  EXPECT_GT(in_backup, 0);
  EXPECT_LT(in_backup, total) << "the backup should have been taken mid-ingest";
  expect_consistent(backup);
  const auto resumed = index_command(backup, roots, batch);
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  {
    ServerProcess server(backup, tmp.path() / "serve3.log");
    const auto phase3 = http_phase(server, total);
    for (std::size_t i = 0; i < kQueries.size(); ++i) {
      EXPECT_EQ(phase3[i], phase1[i]) << "query '" << kQueries[i] << "'";
    }
    server.stop();
  }
  std::cout << "R25: " << total << " documents, backup taken at " << in_backup << ", " << answered
            << " of " << kQueries.size() << " queries with results, "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << " s\n";
}

TEST(R25RestartAndRestore, BackupRefusesAnExistingDestinationAndAMissingStore) {
  TempDir tmp;
  const auto db = tmp.path() / "db";
  ASSERT_EQ(index_command(db, {generated_corpus(tmp.path(), 5)}, 10).status, 0);
  const auto dest = tmp.path() / "copy";
  std::filesystem::create_directories(dest);
  const auto exists = run_command(foilog_bin() + " backup --db " + quote(db) + " " + quote(dest));
  EXPECT_EQ(exists.status, 2) << exists.output;
  EXPECT_NE(exists.output.find(dest.string()), std::string::npos) << exists.output;
  const auto missing = run_command(foilog_bin() + " backup --db " + quote(tmp.path() / "none") +
                                   " " + quote(tmp.path() / "copy2"));
  EXPECT_EQ(missing.status, 2) << missing.output;
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "copy2"));
  const auto ok =
      run_command(foilog_bin() + " backup --db " + quote(db) + " " + quote(tmp.path() / "copy3"));
  EXPECT_EQ(ok.status, 0) << ok.output;
  const auto check = run_command(foilog_bin() + " check --db " + quote(tmp.path() / "copy3"));
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_EQ(store_fingerprint(tmp.path() / "copy3"), store_fingerprint(db));
}

}  // namespace
}  // namespace foilog::testing
