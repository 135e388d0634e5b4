// The shard list from the command line and stub files, and the id ranges shards number in.
#include <gtest/gtest.h>

#include <fstream>

#include "integration/command.h"
#include "shards/shard_spec.h"
#include "store/first_id.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "util/error.h"

namespace foilog::testing {
namespace {

using web::parse_shards;

void make_store(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir / "xapian");
  std::ofstream(dir / "foilog.sqlite") << "";
}

TEST(ShardSpec, RemoteShardsPairWithTheirStoresInOrder) {
  TempDir tmp;
  make_store(tmp.path() / "a");
  make_store(tmp.path() / "b");
  const auto shards = parse_shards({"tcp://10.0.0.1:7001", "tcp://host.example:7002"},
                                   {(tmp.path() / "a").string(), (tmp.path() / "b").string()});
  ASSERT_EQ(shards.size(), 2U);
  EXPECT_TRUE(shards[0].remote);
  EXPECT_EQ(shards[0].host, "10.0.0.1");
  EXPECT_EQ(shards[0].port, 7001U);
  EXPECT_EQ(shards[1].host, "host.example");
  EXPECT_EQ(shards[1].store, tmp.path() / "b");
  EXPECT_EQ(web::shard_label(shards, 1), "shard 2 (tcp://host.example:7002)");
}

TEST(ShardSpec, StubFileListsRemoteAndLocalShards) {
  TempDir tmp;
  make_store(tmp.path() / "local");
  make_store(tmp.path() / "far");
  std::ofstream(tmp.path() / "site.stub") << "# two shards\nremote :127.0.0.1:7100\n"
                                          << "auto local/xapian\n";
  const auto shards =
      parse_shards({(tmp.path() / "site.stub").string()}, {(tmp.path() / "far").string()});
  ASSERT_EQ(shards.size(), 2U);
  EXPECT_TRUE(shards[0].remote);
  EXPECT_EQ(shards[0].port, 7100U);
  EXPECT_EQ(shards[0].store, tmp.path() / "far");
  EXPECT_FALSE(shards[1].remote);
  EXPECT_EQ(shards[1].store, tmp.path() / "local");
}

TEST(ShardSpec, MistakesAreNamed) {
  TempDir tmp;
  make_store(tmp.path() / "a");
  const std::string a = (tmp.path() / "a").string();
  auto message = [](auto&& fn) {
    try {
      fn();
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([&] { (void)parse_shards({"tcp://nowhere"}, {a}); }).find("tcp://HOST:PORT"),
            std::string::npos);
  EXPECT_NE(message([&] { (void)parse_shards({"tcp://h:1"}, {}); }).find("missing for tcp://h:1"),
            std::string::npos);
  EXPECT_NE(message([&] {
              (void)parse_shards({"tcp://h:1"}, {a, a});
            }).find("2 given for 1"),
            std::string::npos);
  EXPECT_NE(message([&] {
              (void)parse_shards({"tcp://h:1", "tcp://h:2"}, {a, a});
            }).find("two shards"),
            std::string::npos);
  EXPECT_NE(message([&] {
              (void)parse_shards({(tmp.path() / "nope").string()}, {});
            }).find("not a foilog store"),
            std::string::npos);
  std::ofstream(tmp.path() / "bad.stub") << "inmemory\n";
  EXPECT_NE(message([&] {
              (void)parse_shards({(tmp.path() / "bad.stub").string()}, {});
            }).find("bad.stub line 1"),
            std::string::npos);
}

TEST(FirstId, NewDocumentsNumberFromTheShardsFirstIdAndItCannotMove) {
  TempDir tmp;
  const auto dir = tmp.path() / "store";
  StoreOptions options;
  options.first_document_id = 1000;
  {
    auto store = Store::open(dir, Store::Mode::kReadWrite, options);
    Record rec;
    rec.file = "a.txt";
    rec.text = "Dear requester, the information is attached.";
    store->put(rec, {});
    rec.file = "b.txt";
    rec.text = "Dear requester, we do not hold it.";
    store->put(rec, {});
    store->commit();
    EXPECT_EQ(store->published_ids(), (std::vector<std::int64_t>{1000, 1001}));
  }
  {
    // Reopened without the option: the store remembers its range.
    auto store = Store::open(dir, Store::Mode::kReadWrite);
    Record rec;
    rec.file = "c.txt";
    rec.text = "Dear requester, the cost limit applies.";
    store->put(rec, {});
    store->commit();
    EXPECT_EQ(store->published_ids().back(), 1002);
  }
  options.first_document_id = 5;
  try {
    (void)Store::open(dir, Store::Mode::kReadWrite, options);
    ADD_FAILURE() << "a store's first id moved";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("numbers its documents from 1000"), std::string::npos)
        << e.what();
  }
}

TEST(FirstId, RefusedBelowIdsAlreadyGiven) {
  TempDir tmp;
  const auto dir = tmp.path() / "store";
  {
    auto store = Store::open(dir, Store::Mode::kReadWrite);
    Record rec;
    rec.file = "a.txt";
    rec.text = "Dear requester, the information is attached.";
    store->put(rec, {});
    store->commit();
  }
  StoreOptions options;
  options.first_document_id = 1;
  try {
    (void)Store::open(dir, Store::Mode::kReadWrite, options);
    ADD_FAILURE() << "first id 1 accepted over document 1";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("above 1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace foilog::testing
