// The sample corpus (data/corpus, data/seeds) served twice: from one store, and split by
// authority into two shard stores, each served by its own xapian-tcpsrv and searched by one
// `foilog serve --shard ... --shard-store ...`. Built once per test binary.
//
// Ids are the same in both: the single store indexes the first group's files and then the
// second's, and the second shard numbers from where the first group ends (--first-id), so a
// document has one id whichever way it is served, and the answers can be compared byte for byte.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "integration/command.h"
#include "shards/tcpsrv_process.h"
#include "store/sqlite_db.h"
#include "support/serve_process.h"

namespace foilog::testing {

class ShardedCorpus {
 public:
  static ShardedCorpus& get() {
    static ShardedCorpus instance;
    return instance;
  }
  ShardedCorpus(const ShardedCorpus&) = delete;
  ShardedCorpus& operator=(const ShardedCorpus&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }
  [[nodiscard]] std::filesystem::path single() const { return dir() / "single"; }
  [[nodiscard]] std::filesystem::path shard(int i) const {
    return dir() / ("shard" + std::to_string(i));
  }
  [[nodiscard]] const std::vector<std::string>& group(int i) const { return groups_[i]; }
  [[nodiscard]] std::size_t documents() const { return paths_.size(); }
  [[nodiscard]] const std::set<std::string>& authorities() const { return authorities_; }

  // The two shards' xapian-tcpsrv and the two servers.
  [[nodiscard]] TcpServer& tcpsrv(int i) { return tcpsrv_[i]; }
  [[nodiscard]] ServeProcess& single_server() { return single_server_; }
  [[nodiscard]] ServeProcess& sharded_server() { return sharded_server_; }

  // The arguments that serve the two shards over tcp.
  [[nodiscard]] std::vector<std::string> shard_args() const {
    return {"--shard", tcpsrv_[0].url(), "--shard-store", shard(0).string(),
            "--shard", tcpsrv_[1].url(), "--shard-store", shard(1).string()};
  }
  // Common serve options: a fixed base URL so feeds do not carry the port.
  static std::vector<std::string> serve_args(std::vector<std::string> more) {
    std::vector<std::string> args = {"--port",       "0", "--threads",  "2",
                                     "--rate-limit", "0", "--base-url", kBaseUrl};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  static constexpr const char* kBaseUrl = "http://foilog.test";

  static httplib::Result get(int port, const std::string& path) {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(30, 0);
    return c.Get(path);
  }

 private:
  ShardedCorpus() {
    const auto src = source_dir();
    // Which authority each file belongs to, as the indexer sees it.
    const auto probe = dir() / "probe";
    index(probe, {(src / "data" / "corpus").string(), (src / "data" / "seeds").string()}, "");
    {
      SqliteDb db(probe / "foilog.sqlite", true);
      auto st = db.prepare("SELECT path, coalesce(authority_id, '') FROM documents ORDER BY path");
      while (st.step()) {
        paths_[st.text(0)] = st.text(1);
        authorities_.insert(st.text(1));
      }
    }
    // Authorities alternate between the shards (in name order), so both hold several.
    std::map<std::string, int> shard_of;
    int next = 0;
    for (const auto& a : authorities_) {
      shard_of[a] = next;
      next = 1 - next;
    }
    for (const auto& [path, authority] : paths_) {
      groups_[shard_of[authority]].push_back(path);
    }
    index(single(), groups_[0], "");
    index(single(), groups_[1], "");
    index(shard(0), groups_[0], "");
    index(shard(1), groups_[1], " --first-id " + std::to_string(groups_[0].size() + 1));
    for (int i = 0; i < 2; ++i) {
      tcpsrv_[i].start(shard(i) / "xapian", dir() / ("tcpsrv" + std::to_string(i) + ".log"));
    }
    single_server_.start(foilog_bin(), serve_args({"--db", single().string()}),
                         dir() / "single.log");
    sharded_server_.start(foilog_bin(), serve_args(shard_args()), dir() / "sharded.log");
  }

  static void index(const std::filesystem::path& db, const std::vector<std::string>& files,
                    const std::string& options) {
    std::string cmd = foilog_bin() + " index --quiet --db " + quote(db) + options;
    for (const auto& f : files) {
      cmd += " " + quote(f);
    }
    const auto r = run_command(cmd);
    if (r.status != 0) {
      throw std::runtime_error("indexing failed: " + cmd + "\n" + r.output);
    }
  }

  TempDir dir_;
  std::map<std::string, std::string> paths_;  // path -> authority id
  std::set<std::string> authorities_;
  std::vector<std::string> groups_[2];
  TcpServer tcpsrv_[2];
  ServeProcess single_server_;
  ServeProcess sharded_server_;
};

}  // namespace foilog::testing
