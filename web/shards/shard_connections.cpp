#include "shards/shard_connections.h"

#include <limits>

#include "schema/schema.h"

namespace foilog::web {
namespace {

std::string unreachable_message(const std::vector<ShardSpec>& shards, std::size_t i) {
  return "Part of the index (shard " + std::to_string(i + 1) + " of " +
         std::to_string(shards.size()) +
         ") is not answering, so no complete answer can be given. " + "Try again in a minute.";
}

Xapian::Database open_remote(const ShardSpec& s, const ShardTimeouts& t) {
  return Xapian::Remote::open(s.host, s.port, t.answer_ms, t.connect_ms);
}

}  // namespace

ShardConnections connect_shards(const std::vector<ShardSpec>& shards,
                                const ShardTimeouts& timeouts) {
  ShardConnections c;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const ShardSpec& s = shards[i];
    const std::string label = shard_label(shards, i);
    Xapian::Database own;
    try {
      own = Xapian::Database((s.store / schema::file::kXapian).string());
    } catch (const Xapian::Error& e) {
      throw ShardUnavailable(label + ": cannot open " + (s.store / schema::file::kXapian).string() +
                                 ": " + e.get_description(),
                             unreachable_message(shards, i));
    }
    Xapian::Database searched = own;
    if (s.remote) {
      try {
        searched = open_remote(s, timeouts);
      } catch (const Xapian::Error& e) {
        throw ShardUnavailable(label + ": xapian-tcpsrv is not answering at " + s.host + ":" +
                                   std::to_string(s.port) + ": " + e.get_description() +
                                   " (is `xapian-tcpsrv --port " + std::to_string(s.port) + " " +
                                   (s.store / schema::file::kXapian).string() + "` running?)",
                               unreachable_message(shards, i));
      }
      if (searched.get_uuid() != own.get_uuid()) {
        throw ShardUnavailable(label + " serves the Xapian database " + searched.get_uuid() +
                                   ", but its --shard-store " + s.store.string() + " holds " +
                                   own.get_uuid() +
                                   ": give each remote --shard's store as its --shard-store, in "
                                   "the same order",
                               unreachable_message(shards, i));
      }
    }
    c.combined.add_database(searched);
    c.lexicon.add_database(own);
    c.own.push_back(own);
    c.sqlite.push_back(std::make_unique<SqliteDb>(s.store / schema::file::kSqlite, true));
  }
  return c;
}

void reopen_shards(ShardConnections& c) {
  // The combined handle shares the local shards' handles; reopening both is cheap.
  c.combined.reopen();
  c.lexicon.reopen();
}

std::string shards_revision(const ShardConnections& c) {
  std::string key;
  for (const auto& db : c.own) {
    key += db.get_uuid() + "@" + std::to_string(db.get_revision()) + ";";
  }
  return key;
}

std::size_t shard_of_error(const std::vector<ShardSpec>& shards, const Xapian::NetworkError& e) {
  // Xapian's context for a remote database: "remote:tcp(HOST:PORT)".
  const std::string context = e.get_context();
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const ShardSpec& s = shards[i];
    if (s.remote &&
        context.find("(" + s.host + ":" + std::to_string(s.port) + ")") != std::string::npos) {
      return i;
    }
  }
  return std::numeric_limits<std::size_t>::max();
}

}  // namespace foilog::web
