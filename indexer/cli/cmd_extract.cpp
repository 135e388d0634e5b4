#include <iostream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "extract/record_json.h"
#include "ingest/extract_file.h"
#include "ingest/ingester.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kHelp = R"(usage: foilog extract [OPTIONS] FILE...

Prints the record extracted from each file as one JSON object per line on stdout; writes
nothing. Keys: file, authority, authority_id, authority_known, reference, references,
date_received, date_responded, working_days, regimes, exemptions, procedural, outcome, questions,
topics, decision_notices, kind, warnings (see README.md).

  --authority NAME   the authority, when the text does not say
  --data DIR         taxonomy directory (default: the source tree's data/)
  --text             include the normalised text
  --db DIR           accepted for symmetry; extract never opens the database

Exit status: 0 when every file was read, 1 when any could not be (reason on stderr).
)";

}  // namespace

int cmd_extract(int argc, char** argv) {
  const Args args(argc, argv, {"authority", "data", "db"}, {"help", "text"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().empty()) {
    throw UsageError("FILE", "give at least one file to extract");
  }
  const Taxonomies tax = Taxonomies::load(args.has("data") ? std::filesystem::path(args.get("data"))
                                                           : default_data_dir());
  int status = 0;
  std::vector<std::filesystem::path> roots(args.positionals().begin(), args.positionals().end());
  for (const auto& file : collect_documents(roots)) {
    try {
      const Record r = extract_file(file, tax, args.get("authority"));
      std::cout << record_to_json(r, args.has("text")).dump() << "\n";
    } catch (const IngestError& e) {
      std::cerr << "foilog extract: " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace foilog::cli
