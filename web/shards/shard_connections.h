// One thread's handles on the shards. Xapian: every shard's database added to one
// Xapian::Database (add_database), which Xapian searches as a single index, combining each
// term's statistics across shards so weights are those of one database; a document's docid in
// the combination is (docid in its shard - 1) * shards + shard index + 1. The shard's own
// directory is opened too (read-only, local): its revision tells when the shard changed, and
// its spelling and synonym tables feed the QueryParser, since Xapian 1.4's remote protocol
// carries neither (a remote database answers as if it had none). SQLite: each shard's store,
// read-only.
#pragma once

#include <xapian.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "shards/shard_spec.h"
#include "store/sqlite_db.h"

namespace foilog::web {

// A shard could not be reached or does not match its store. what() names the shard for the
// server's log; public_message() names it only by its number.
class ShardUnavailable : public std::runtime_error {
 public:
  ShardUnavailable(const std::string& detail, std::string public_message)
      : std::runtime_error(detail), public_message_(std::move(public_message)) {}
  [[nodiscard]] const std::string& public_message() const { return public_message_; }

 private:
  std::string public_message_;
};

struct ShardConnections {
  Xapian::Database combined;                      // searched: remote and local shards as one
  Xapian::Database lexicon;                       // the shards' own directories, for QueryParser
  std::vector<Xapian::Database> own;              // each shard's own directory (revisions)
  std::vector<std::unique_ptr<SqliteDb>> sqlite;  // each shard's SQLite, read-only
};

// Milliseconds a remote shard may take to accept a connection and to answer.
struct ShardTimeouts {
  unsigned connect_ms = 2000;
  unsigned answer_ms = 10000;
};

// Opens every shard. Throws ShardUnavailable naming the shard that cannot be reached, or whose
// Xapian (remote) is not the database in its --shard-store (their UUIDs differ).
[[nodiscard]] ShardConnections connect_shards(const std::vector<ShardSpec>& shards,
                                              const ShardTimeouts& timeouts = {});

// Throws ShardUnavailable when two shards' stores hold documents in overlapping id ranges (each
// shard must be created with its own --first-id), naming both shards and their ranges.
void check_id_ranges(const std::vector<ShardSpec>& shards, const ShardConnections& c);

// Reopens every handle at its latest revision.
void reopen_shards(ShardConnections& c);

// Changes whenever any shard commits: each shard's own UUID and revision.
[[nodiscard]] std::string shards_revision(const ShardConnections& c);

// The shard a Xapian::NetworkError came from (its context names the address), or SIZE_MAX.
[[nodiscard]] std::size_t shard_of_error(const std::vector<ShardSpec>& shards,
                                         const Xapian::NetworkError& e);

}  // namespace foilog::web
