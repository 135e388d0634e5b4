// Maintenance subcommands over an existing database: reindex, stats, check.
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
