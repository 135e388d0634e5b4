// `foilog purge` (withdrawn responses' text out of the data files) and `foilog corrections
// export` (corrected responses as label files for `foilog eval`).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "extract/record_json.h"
#include "store/corrections.h"
#include "store/sha256.h"
#include "store/store.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kPurgeHelp = R"(usage: foilog purge [--db DIR] [ID...]

Removes the text of withdrawn responses from the data files themselves: their records, questions
and corrections are deleted under SQLite secure_delete, the database is vacuumed and its
write-ahead log checkpointed and truncated, uploaded originals are deleted, and the Xapian index
is compacted into a fresh copy that replaces the old one. Without IDs: every withdrawn response
not yet purged (and the clean-up runs again either way). Withdrawing already took them off every
page; this is for the bytes left on disk.
)";

constexpr const char* kCorrectionsHelp = R"(usage: foilog corrections export [--db DIR] OUTDIR

Writes every published response an authority corrected as a labelled document for `foilog eval`:
OUTDIR/doc-ID.EXT (the original file when it is still there unchanged, else the text as .txt)
and OUTDIR/doc-ID.json, the label (README "Label format") of the corrected record, with the
corrected fields listed in "notes".
)";

std::filesystem::path existing_db(const Args& args) {
  const std::filesystem::path db = args.get("db", kDefaultDb);
  if (!std::filesystem::exists(db / "foilog.sqlite")) {
    throw UsageError("--db", db.string() + " holds no foilog database (run foilog index first)");
  }
  return db;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) {
    throw DataError(p.string() + ": cannot write");
  }
}

int corrections_export(const Args& args) {
  if (args.positionals().size() != 2) {
    throw UsageError("OUTDIR", "give the directory to write the label files to");
  }
  const std::filesystem::path out = args.positionals()[1];
  std::filesystem::create_directories(out);
  auto store = Store::open(existing_db(args), Store::Mode::kReadOnly);
  std::size_t written = 0;
  for (const std::int64_t id : store->published_ids()) {
    const auto corrections = store->corrections(id);
    if (corrections.empty()) {
      continue;
    }
    const auto doc = store->get_document(id);
    const Record rec = record_from_json((*doc)["record"]);
    const auto& source = (*doc)["source"];
    const std::string stem = "doc-" + std::to_string(id);
    const std::filesystem::path original = source.value("path", "");
    const std::string bytes = std::filesystem::is_regular_file(original) ? read_file(original) : "";
    if (!bytes.empty() && sha256_hex(bytes) == source.value("sha256", "")) {
      write_file(out / (stem + original.extension().string()), bytes);
    } else {
      write_file(out / (stem + ".txt"), rec.text);
    }
    std::string fields;
    for (const auto& c : corrections) {
      if (fields.find(c.field) == std::string::npos) {
        fields += (fields.empty() ? "" : ", ") + c.field;
      }
    }
    nlohmann::json label = label_of(rec);
    label["notes"] = "Exported from foilog document " + std::to_string(id) +
                     ": corrected by the authority (" + fields +
                     "); the other fields are as extracted and reviewed before release.";
    write_file(out / (stem + ".json"), label.dump(1) + "\n");
    ++written;
  }
  std::cout << "wrote " << written << " labelled documents to " << out.string() << "\n";
  return 0;
}

}  // namespace

int cmd_purge(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help")) {
    std::cout << kPurgeHelp;
    return 0;
  }
  std::vector<std::int64_t> ids;
  for (const auto& p : args.positionals()) {
    try {
      ids.push_back(std::stoll(p));
    } catch (const std::exception&) {
      throw UsageError("ID", "'" + p + "' is not a document number");
    }
  }
  auto store = Store::open(existing_db(args), Store::Mode::kReadWrite);
  const auto purged = store->purge(ids);
  for (const std::int64_t id : purged) {
    append_audit(store->database(), command_line_actor(), store->document_state(id)->authority_id,
                 "purge", id, "");
  }
  std::cout << "purged " << purged.size() << " withdrawn documents; SQLite vacuumed, Xapian "
            << "compacted\n";
  return 0;
}

int cmd_corrections(int argc, char** argv) {
  const Args args(argc, argv, {"db"}, {"help"});
  if (args.has("help") || args.positionals().empty()) {
    std::cout << kCorrectionsHelp;
    return args.has("help") ? 0 : 2;
  }
  if (args.positionals()[0] == "export") {
    return corrections_export(args);
  }
  throw UsageError(args.positionals()[0], "unknown action; use export");
}

}  // namespace foilog::cli
