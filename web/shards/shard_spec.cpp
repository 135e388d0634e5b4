#include "shards/shard_spec.h"

#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "schema/schema.h"
#include "util/error.h"

namespace foilog::web {
namespace {

namespace fs = std::filesystem;

bool is_store(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / schema::file::kSqlite, ec) &&
         fs::is_directory(dir / schema::file::kXapian, ec);
}

// "HOST:PORT" (an optional leading ':' as in stub files) -> host and port.
ShardSpec remote_shard(const std::string& name, std::string_view address) {
  if (!address.empty() && address.front() == ':') {
    address.remove_prefix(1);
  }
  const auto colon = address.rfind(':');
  unsigned port = 0;
  const char* end = address.data() + address.size();
  if (colon == std::string_view::npos || colon == 0 ||
      std::from_chars(address.data() + colon + 1, end, port).ptr != end || port == 0 ||
      port > 65535) {
    throw UsageError("shard", "'" + name +
                                  "' is not a shard address: write tcp://HOST:PORT, the address "
                                  "and --port xapian-tcpsrv listens on");
  }
  ShardSpec s;
  s.name = name;
  s.remote = true;
  s.host = std::string(address.substr(0, colon));
  s.port = port;
  return s;
}

// A local Xapian database: a foilog store directory, or the xapian/ directory inside one.
ShardSpec local_shard(const std::string& name, const fs::path& path) {
  ShardSpec s;
  s.name = name;
  if (is_store(path)) {
    s.store = path;
    s.xapian = path / schema::file::kXapian;
  } else if (is_store(path.parent_path()) && path.filename() == schema::file::kXapian) {
    s.store = path.parent_path();
    s.xapian = path;
  } else {
    throw UsageError("shard", "'" + name +
                                  "' is not a foilog store (no foilog.sqlite and xapian/ "
                                  "there): give a directory `foilog index --db` wrote, or "
                                  "tcp://HOST:PORT");
  }
  return s;
}

void read_stub(const fs::path& file, std::vector<ShardSpec>& out) {
  std::ifstream in(file);
  if (!in) {
    throw UsageError("shard", file.string() + ": cannot read this stub database file");
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    std::istringstream words(line);
    std::string kind, arg, extra;
    if (!(words >> kind)) {
      continue;
    }
    const std::string where = file.string() + " line " + std::to_string(number);
    if (!(words >> arg) || (words >> extra)) {
      throw UsageError("shard", where + ": expected 'remote :HOST:PORT' or 'auto PATH'");
    }
    if (kind == "remote") {
      out.push_back(remote_shard(where + " (remote " + arg + ")", arg));
    } else if (kind == "auto" || kind == "glass") {
      const fs::path p = fs::path(arg).is_absolute() ? fs::path(arg) : file.parent_path() / arg;
      out.push_back(local_shard(where + " (" + arg + ")", p));
    } else {
      throw UsageError("shard", where + ": '" + kind +
                                    "' shards are not supported: use 'remote :HOST:PORT' "
                                    "(xapian-tcpsrv) or 'auto PATH'");
    }
  }
}

}  // namespace

std::vector<ShardSpec> parse_shards(const std::vector<std::string>& shards,
                                    const std::vector<std::string>& stores) {
  std::vector<ShardSpec> out;
  for (const auto& s : shards) {
    std::error_code ec;
    if (s.rfind("tcp://", 0) == 0) {
      out.push_back(remote_shard(s, std::string_view(s).substr(6)));
    } else if (fs::is_regular_file(s, ec)) {
      read_stub(s, out);
    } else {
      out.push_back(local_shard(s, s));
    }
  }
  std::size_t next_store = 0;
  for (auto& s : out) {
    if (!s.remote) {
      continue;
    }
    if (next_store >= stores.size()) {
      throw UsageError("shard-store", "missing for " + s.name +
                                          ": give one --shard-store DIR (the shard's foilog "
                                          "store) per remote shard, in the same order");
    }
    s.store = stores[next_store++];
    if (!is_store(s.store)) {
      throw UsageError("shard-store", "'" + s.store.string() + "' (for " + s.name +
                                          ") is not a foilog store: it needs foilog.sqlite "
                                          "and xapian/ as `foilog index --db` writes them");
    }
  }
  if (next_store < stores.size()) {
    throw UsageError("shard-store", std::to_string(stores.size()) + " given for " +
                                        std::to_string(next_store) +
                                        " remote shards: give one per remote --shard, in order");
  }
  std::set<fs::path> seen;
  for (const auto& s : out) {
    if (!seen.insert(fs::weakly_canonical(s.store)).second) {
      throw UsageError("shard", s.store.string() +
                                    " is given as the store of two shards: each shard is its "
                                    "own store");
    }
  }
  return out;
}

std::string shard_label(const std::vector<ShardSpec>& shards, std::size_t index) {
  return "shard " + std::to_string(index + 1) + " (" + shards.at(index).name + ")";
}

}  // namespace foilog::web
