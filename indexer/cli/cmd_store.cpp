// Maintenance subcommands over an existing database: reindex, compact, stats, check.
#include <cstdint>
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "store/store.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

std::filesystem::path existing_db(const Args& args) {
  const std::filesystem::path db = args.get("db", kDefaultDb);
  if (!std::filesystem::exists(db / "foilog.sqlite")) {
    throw UsageError("--db", db.string() + " holds no foilog database (run foilog index first)");
  }
  return db;
}

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      total += entry.file_size();
    }
  }
  return total;
}

}  // namespace

int cmd_reindex(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help")) {
    std::cout << "usage: foilog reindex [--db DIR]\n\nRebuilds the Xapian index from "
                 "the SQLite "
                 "records (the source of truth) into a fresh copy and swaps it in.\n";
    return 0;
  }
  auto store = Store::open(existing_db(args), Store::Mode::kReadWrite);
  store->reindex();
  std::cout << "reindexed " << store->published_ids().size() << " published documents\n";
  return 0;
}

int cmd_compact(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help")) {
    std::cout << "usage: foilog compact [--db DIR]\n\nCopies the Xapian index into a compact "
                 "fresh copy (full B-tree blocks, nothing left over from replaced or deleted "
                 "documents) and swaps it in; searches are unchanged. Worth running after a "
                 "large `foilog index`. Needs room for the copy: about two thirds of the "
                 "index's size.\n";
    return 0;
  }
  auto store = Store::open(existing_db(args), Store::Mode::kReadWrite);
  const auto before = directory_bytes(store->xapian_path());
  store->compact();
  const auto after = directory_bytes(store->xapian_path());
  std::cout << "compacted " << store->xapian_path().string() << ": " << before / 1048576
            << " MB -> " << after / 1048576 << " MB\n";
  return 0;
}

int cmd_stats(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help")) {
    std::cout << "usage: foilog stats [--db DIR]\n\nPrints document, question "
                 "and per-facet counts "
                 "as JSON.\n";
    return 0;
  }
  auto store = Store::open(existing_db(args), Store::Mode::kReadOnly);
  std::cout << store->stats().dump(2) << "\n";
  return 0;
}

int cmd_check(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help")) {
    std::cout << "usage: foilog check [--db DIR]\n\nChecks SQLite integrity, that "
                 "the Xapian index "
                 "opens and is consistent, and that both stores hold exactly the "
                 "same documents.\n"
                 "Exit status 1 with the differences listed when they do not.\n";
    return 0;
  }
  auto store = Store::open(existing_db(args), Store::Mode::kReadOnly);
  const CheckReport r = store->check();
  std::cout << "sqlite documents: " << r.sqlite_docs << "\nxapian documents: " << r.xapian_docs
            << "\n";
  for (const auto& p : r.problems) {
    std::cout << "problem: " << p << "\n";
  }
  std::cout << (r.ok ? "ok" : "FAILED") << "\n";
  return r.ok ? 0 : 1;
}

}  // namespace foilog::cli
