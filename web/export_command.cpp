// `foilog export --format csv|jsonl [--db DIR]`: every public response in the store, one row
// each, with the columns of /export/search (docs/PATTERNS.md), written to stdout in batches so
// the whole of a large store exports in bounded memory.
#include "export_command.h"

#include <iostream>

#include "analytics/csv.h"
#include "analytics/export_rows.h"
#include "cli/args.h"
#include "cli/subcommands.h"
#include "schema/schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace foilog::web {
namespace {

constexpr const char* kHelp = R"(usage: foilog export [--db DIR] [--format csv|jsonl]

Writes every published response in the store to stdout, one row (CSV) or one JSON object per line
(jsonl), with the columns documented in docs/PATTERNS.md. CSV is RFC 4180 (every field quoted,
CRLF) with cells that could run as spreadsheet formulas prefixed by an apostrophe.
)";

constexpr std::size_t kBatch = 1000;

}  // namespace

int cmd_export(int argc, char** argv) {
  const cli::Args args(argc, argv, {"db", "format"}, {"help"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  const std::string format = args.get("format", "csv");
  if (format != "csv" && format != "jsonl") {
    throw UsageError("--format", "must be csv or jsonl");
  }
  const std::filesystem::path dir = args.get("db", cli::kDefaultDb);
  const auto file = dir / schema::file::kSqlite;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw DataError(dir.string() + ": no foilog store here (" + file.string() + " is missing)");
  }
  SqliteDb db(file, true);
  if (format == "csv") {
    std::cout << csv_row(export_columns());
  }
  // Keyset paging over the primary key: each batch is one indexed range read.
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    // Public records only: documents in review or withdrawn are never exported.
    auto st = db.prepare(
        "SELECT id FROM documents WHERE id > ?1 AND status = 'published' ORDER BY id LIMIT ?2");
    st.bind(1, after).bind(2, static_cast<std::int64_t>(kBatch));
    while (st.step()) {
      ids.push_back(st.int64(0));
    }
    if (ids.empty()) {
      break;
    }
    after = ids.back();
    for (const auto& row : export_rows(db, ids)) {
      if (format == "csv") {
        std::cout << csv_row(row);
      } else {
        std::cout << export_row_json(row).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace)
                  << "\n";
      }
    }
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace foilog::web
