#include "cli/commands.h"

#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/subcommands.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kUsage =
    R"(foilog: a disclosure log and search engine for FOI responses

usage: foilog SUBCOMMAND [OPTIONS] [ARGS]

  index [--db DIR] [--authority NAME] PATH...   ingest documents (recursively) into the stores
  extract FILE...                               print the extracted record of each file as JSON
  eval [--min FIELD=VALUE ...] DIR...           score extraction against the label files in DIR
  reindex [--db DIR]                            rebuild the Xapian index from SQLite
  compact [--db DIR]                            shrink the Xapian index (after a large index)
  stats [--db DIR]                              counts per facet
  check [--db DIR]                              verify both stores hold the same documents
  backup [--db DIR] DEST                        copy both stores consistently, even while in use
  serve [--db DIR] [--port 8080] [--bind 127.0.0.1]   run the web site
  export [--db DIR] [--format csv|jsonl]        write every response as CSV or JSON lines
  eval-check [--db DIR] [--min recall5=X] FILE  score the pre-filing check on an evaluation set
  authority add|list [--db DIR] ...             publishing accounts of authorities
  token create|revoke|list [--db DIR] ...       API tokens (shown once, stored as a hash)
  purge [--db DIR] [ID...]                      remove withdrawn responses' text from the files
  corrections export [--db DIR] OUTDIR          corrected responses as label files for eval

Every subcommand takes --help. The default database directory is ./foilog-data.
)";

}  // namespace

int run(int argc, char** argv, const std::map<std::string, Subcommand>& extra) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string sub = argv[1];
  int (*fn)(int, char**) = nullptr;
  if (sub == "index") {
    fn = cmd_index;
  } else if (sub == "extract") {
    fn = cmd_extract;
  } else if (sub == "eval") {
    fn = cmd_eval;
  } else if (sub == "reindex") {
    fn = cmd_reindex;
  } else if (sub == "compact") {
    fn = cmd_compact;
  } else if (sub == "stats") {
    fn = cmd_stats;
  } else if (sub == "check") {
    fn = cmd_check;
  } else if (sub == "backup") {
    fn = cmd_backup;
  } else if (sub == "authority") {
    fn = cmd_authority;
  } else if (sub == "token") {
    fn = cmd_token;
  } else if (sub == "purge") {
    fn = cmd_purge;
  } else if (sub == "corrections") {
    fn = cmd_corrections;
  } else if (const auto it = extra.find(sub); it != extra.end()) {
    fn = it->second;
  } else {
    std::cerr << "foilog: unknown subcommand '" << sub << "' (see foilog --help)\n";
    return 2;
  }
  // A file outgrowing RLIMIT_FSIZE must fail its write with EFBIG, which the store turns into
  // an error naming the file, instead of killing the process with no word (SIGXFSZ).
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return fn(argc - 1, argv + 1);
  } catch (const UsageError& e) {
    std::cerr << "foilog " << sub << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "foilog " << sub << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace foilog::cli
