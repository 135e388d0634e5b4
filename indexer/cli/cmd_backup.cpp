// `foilog backup`: a consistent copy of the store while it is being served or written.
#include <iostream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "store/backup.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kHelp = R"(usage: foilog backup [--db DIR] [--wait S] DEST

Copies the store in DIR to the new directory DEST while `foilog serve` and even `foilog index`
run: SQLite with VACUUM INTO, Xapian by compacting its latest revision, plus the uploaded
originals, all under DIR/commit.lock so both stores are copied at the same commit (a running
indexer waits at its next commit for the moment the copy takes). The copy is checked
(`foilog check`) before it is moved into place; DEST is complete or absent.

To restore, stop the server and the indexer, and point --db at DEST (or move DEST to where the
store was). An ingest that was running when the backup was taken can be re-run on the copy:
unchanged files are skipped, the rest are added.

  --db DIR     the store (default ./foilog-data)
  --wait S     seconds to wait for a commit in progress to finish (default 60)
)";

}  // namespace

int cmd_backup(int argc, char** argv) {
  const Args args(argc, argv, {"db", "wait"}, {"help"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().size() != 1) {
    throw UsageError("DEST", "give exactly one new directory to copy the store into");
  }
  const std::filesystem::path db = args.get("db", kDefaultDb);
  const std::filesystem::path dest = args.positionals().front();
  const auto wait = std::chrono::seconds(args.get_int("wait", 60, 0, 86400));
  const BackupReport r = backup_store(db, dest, wait);
  std::cout << "backed up " << db.string() << " to " << dest.string() << ": " << r.documents
            << " published documents, Xapian revision " << r.xapian_revision << ", " << r.reconciled
            << " repaired, commits held for " << r.seconds_locked << " s, " << r.seconds
            << " s in all\n";
  return 0;
}

}  // namespace foilog::cli
