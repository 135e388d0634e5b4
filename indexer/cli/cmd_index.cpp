#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "ingest/ingester.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kHelp = R"(usage: foilog index [OPTIONS] PATH...

Ingests every document below each PATH (text, Markdown, HTML, PDF, e-mail, DOCX) into the
database: extracts its facts, stores the record in SQLite and indexes it in Xapian. A NAME.json
beside a document is its label, not a document (its "source" address is used as provenance).
Unchanged files are skipped; a changed file replaces its old record.

  --db DIR            database directory (default ./foilog-data)
  --authority NAME    the authority these documents come from, when the text does not say
  --data DIR          taxonomy directory (default: the source tree's data/)
  --batch N           documents per commit (default 200)
  --threads N         threads reading, extracting and generating terms (default: one per core;
                      the store is always written by one); the index is the same whatever N
  --first-id N        number new documents from N up, recorded in the store (a shard's own id
                      range, so shards of one site never share an id: docs/SCALING.md)
  --cpu-limit S       CPU seconds one document's parser may use (default 30)
  --memory-limit MB   memory one document's parser may use (default 1536)
  --timeout S         wall-clock seconds one document's parser may take (default 60)
  --quiet             no progress bar

Exit status: 0 when every file was ingested, 1 when any failed (listed at the end), 2 on usage.
)";

// One line redrawn in place on a terminal: files, rate and errors so far.
void draw_progress(const IngestProgress& p) {
  const int width = 30;
  const int filled = p.total == 0 ? width : static_cast<int>(width * p.done / p.total);
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0.0;
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files  %.0f docs/s  %zu errors", filled,
               "##############################", width - filled, "", p.done, p.total, rate,
               p.failed);
  if (p.done == p.total) {
    std::fputc('\n', stderr);
  }
}

}  // namespace

int cmd_index(int argc, char** argv) {
  const Args args(argc, argv,
                  {"db", "authority", "data", "batch", "threads", "cpu-limit", "memory-limit",
                   "timeout", "first-id"},
                  {"help", "quiet"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().empty()) {
    throw UsageError("PATH", "give at least one file or directory to index");
  }
  IngestOptions opt;
  opt.db_dir = args.get("db", kDefaultDb);
  opt.data_dir = args.has("data") ? std::filesystem::path(args.get("data")) : default_data_dir();
  opt.default_authority = args.get("authority");
  opt.batch_size = static_cast<std::size_t>(args.get_int("batch", 200, 1, 100000));
  opt.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 256));
  if (args.has("first-id")) {
    opt.first_document_id = args.get_int("first-id", 1, 1, 1'000'000'000'000'000);
  }
  opt.limits.cpu_seconds = static_cast<int>(args.get_int("cpu-limit", 30, 1, 3600));
  opt.limits.memory_bytes = static_cast<std::size_t>(args.get_int("memory-limit", 1536, 64, 65536))
                            << 20;
  opt.limits.wall_seconds = static_cast<int>(args.get_int("timeout", 60, 1, 7200));

  std::vector<std::filesystem::path> roots(args.positionals().begin(), args.positionals().end());
  const bool tty = isatty(STDERR_FILENO) != 0 && !args.has("quiet");
  const IngestSummary s =
      ingest(roots, opt, tty ? draw_progress : std::function<void(const IngestProgress&)>{});

  if (s.reconciled_indexed + s.reconciled_removed > 0) {
    // An earlier run stopped between the SQLite and the Xapian commit; opening repaired it.
    std::cout << "reconciled " << opt.db_dir.string() << ": " << s.reconciled_indexed
              << " documents indexed into Xapian, " << s.reconciled_removed << " removed from it\n";
  }
  std::cout << "indexed " << s.files << " files in " << s.seconds << " s: " << s.added << " added, "
            << s.replaced << " replaced, " << s.unchanged << " unchanged, " << s.failed.size()
            << " failed\n";
  std::cout << "sqlite rows changed: " << s.sqlite_rows_changed << "\n";
  for (const auto& f : s.failed) {
    std::cout << "failed: " << f.file << ": " << f.reason << "\n";
  }
  return s.failed.empty() ? 0 : 1;
}

}  // namespace foilog::cli
