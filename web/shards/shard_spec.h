// The shards `foilog serve --shard ...` searches as one index (docs/SCALING.md). Each shard is a
// whole foilog store (its own SQLite and Xapian, written by its own `foilog index`) holding a
// group of authorities; its Xapian is searched either over the network from `xapian-tcpsrv`
// (tcp://HOST:PORT) or from its directory. The server also reads the shard's store directory
// (read-only): its SQLite for the pages that show records, and its Xapian's spelling and synonym
// tables, which Xapian 1.4's remote protocol does not carry.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace foilog::web {

struct ShardSpec {
  std::string name;  // as the operator wrote it, for messages: "tcp://10.0.0.2:7001", a path
  bool remote = false;
  std::string host;  // remote only
  unsigned port = 0;
  std::filesystem::path xapian;  // local only: the Xapian database searched
  std::filesystem::path store;   // the shard's foilog store: foilog.sqlite and xapian/
};

// --shard values in order: tcp://HOST:PORT, a foilog store directory, or a Xapian stub database
// file (lines "remote :HOST:PORT" or "auto|glass PATH", PATH relative to the file; '#' comments)
// standing for the shards it lists. --shard-store values pair, in order, with the remote shards
// (a local one is its own store). Throws UsageError("shard" / "shard-store", ...) saying what to
// fix: a malformed address, an unreadable stub line, missing or surplus --shard-store values, a
// directory that is not a foilog store, the same shard twice.
[[nodiscard]] std::vector<ShardSpec> parse_shards(const std::vector<std::string>& shards,
                                                  const std::vector<std::string>& stores);

// "shard 2 (tcp://10.0.0.2:7001)": how messages name a shard (1-based, as given).
[[nodiscard]] std::string shard_label(const std::vector<ShardSpec>& shards, std::size_t index);

}  // namespace foilog::web
