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

void check_id_ranges(const std::vector<ShardSpec>& shards, const ShardConnections& c) {
  struct Range {
    std::int64_t low = 0, high = 0;
  };
  std::vector<Range> ranges;
  for (const auto& db : c.sqlite) {
    auto st = db->prepare("SELECT coalesce(MIN(id), 0), coalesce(MAX(id), 0) FROM documents");
    ranges.push_back(st.step() ? Range{st.int64(0), st.int64(1)} : Range{});
  }
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    for (std::size_t j = i + 1; j < ranges.size(); ++j) {
      const Range& a = ranges[i];
      const Range& b = ranges[j];
      if (a.high == 0 || b.high == 0 || a.high < b.low || b.high < a.low) {
        continue;
      }
      const auto span = [](const Range& r) {
        return std::to_string(r.low) + "-" + std::to_string(r.high);
      };
      throw ShardUnavailable(
          shard_label(shards, i) + " holds document ids " + span(a) + " and " +
              shard_label(shards, j) + " holds " + span(b) +
              ": a document id must name one document, so create each shard with its own "
              "`foilog index --first-id N` range (docs/SCALING.md)",
          "The index is misconfigured.");
    }
  }
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
  const std::string& context = e.get_context();
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
