// A shard that stops answering: every page that needs the index answers 503 with Retry-After,
// naming the shard by its number (the JSON API as JSON), the server keeps running and says in
// its log which address failed, and once the shard is back the next request is answered again.
// A shard that is down when the server starts stops it with a message naming the shard.
#include <gtest/gtest.h>

#include "shards/sharded_corpus.h"

namespace foilog::testing {
namespace {

TEST(ShardDown, AnswersServiceUnavailableNamingTheShardThenRecovers) {
  auto& corpus = ShardedCorpus::get();
  TcpServer shards[2];
  for (int i = 0; i < 2; ++i) {
    shards[i].start(corpus.shard(i) / "xapian",
                    corpus.dir() / ("down-tcpsrv" + std::to_string(i) + ".log"));
  }
  ServeProcess server;
  server.start(foilog_bin(),
               ShardedCorpus::serve_args({"--shard", shards[0].url(), "--shard-store",
                                          corpus.shard(0).string(), "--shard", shards[1].url(),
                                          "--shard-store", corpus.shard(1).string()}),
               corpus.dir() / "down-serve.log");
  const auto before = ShardedCorpus::get(server.port(), "/api/search?q=information");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200);

  shards[1].stop();
  const auto page = ShardedCorpus::get(server.port(), "/search?q=information");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 503);
  EXPECT_EQ(page->get_header_value("Retry-After"), "30");
  EXPECT_NE(page->body.find("shard 2 of 2"), std::string::npos) << page->body;
  const auto api = ShardedCorpus::get(server.port(), "/api/search?q=information");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 503);
  const auto error = nlohmann::json::parse(api->body)["error"];
  EXPECT_EQ(error["status"], 503);
  EXPECT_NE(error["message"].get<std::string>().find("shard 2 of 2"), std::string::npos);
  for (const char* path : {"/doc/1", "/patterns", "/authorities", "/check?draft=CCTV+cameras"}) {
    const auto r = ShardedCorpus::get(server.port(), path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 503) << path << ": " << r->body.substr(0, 300);
  }
  EXPECT_TRUE(server.running());
  const std::string log = server.log_text();
  EXPECT_NE(log.find("shard 2 (" + shards[1].url() + ")"), std::string::npos) << log;

  ASSERT_TRUE(shards[1].restart()) << "port " << shards[1].port() << " was taken meanwhile";
  const auto after = ShardedCorpus::get(server.port(), "/api/search?q=information");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200) << after->body;
  EXPECT_EQ(nlohmann::json::parse(after->body)["total"],
            nlohmann::json::parse(before->body)["total"]);
}

TEST(ShardDown, ServerDoesNotStartWithoutAShard) {
  auto& corpus = ShardedCorpus::get();
  TcpServer shard;
  shard.start(corpus.shard(0) / "xapian", corpus.dir() / "nostart-tcpsrv.log");
  const std::string missing = "tcp://127.0.0.1:" + std::to_string(free_loopback_port());
  const auto r = run_command(foilog_bin() + " serve --port 0 --shard " + shard.url() +
                             " --shard-store " + quote(corpus.shard(0)) + " --shard " + missing +
                             " --shard-store " + quote(corpus.shard(1)));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("shard 2 (" + missing + ")"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("xapian-tcpsrv"), std::string::npos) << r.output;
}

TEST(ShardDown, StoresPairedWrongAreRefused) {
  auto& corpus = ShardedCorpus::get();
  TcpServer shard;
  shard.start(corpus.shard(0) / "xapian", corpus.dir() / "pairing-tcpsrv.log");
  const auto r = run_command(foilog_bin() + " serve --port 0 --shard " + shard.url() +
                             " --shard-store " + quote(corpus.shard(1)));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("--shard-store"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("shard 1 (" + shard.url() + ")"), std::string::npos) << r.output;
}

TEST(ShardDown, OverlappingIdRangesAreRefused) {
  auto& corpus = ShardedCorpus::get();
  // The probe store holds every document from id 1, as shard 1 does: the same ids twice.
  const auto r = run_command(foilog_bin() + " serve --port 0 --shard " +
                             quote(corpus.dir() / "probe") + " --shard " + quote(corpus.shard(0)));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("--first-id"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("shard 1 ("), std::string::npos) << r.output;
}

}  // namespace
}  // namespace foilog::testing
