// `foilog index` reads and extracts files on worker threads and generates terms on several
// threads at each commit; the store is written by one thread in file order. So the stores must
// come out the same whatever --threads says: the same ids for the same files, the same rows, the
// same Xapian documents at the same docids, the same spelling table, the same failures.
#include <gtest/gtest.h>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "command.h"
#include "store/store.h"
#include "support/xapian_dump.h"

namespace foilog::testing {
namespace {

std::string mixed_inputs() {
  // Text, HTML, Markdown letters, and PDFs, DOCX and e-mail (read in forked children, some
  // broken or encrypted so that they fail) from the fuzzing seeds.
  return quote(source_dir() / "data" / "corpus") + " " + quote(source_dir() / "data" / "seeds") +
         " " + quote(source_dir() / "tests" / "web" / "fixtures") + " " +
         quote(source_dir() / "tests" / "fuzz" / "corpus" / "read_document");
}

struct Indexed {
  CommandResult run;
  std::string sqlite;  // every document row as the store gives it back, minus ingest times
  std::string xapian;
};

Indexed index_with_threads(const std::filesystem::path& db, int threads) {
  Indexed out;
  out.run = run_command(foilog_bin() + " index --quiet --threads " + std::to_string(threads) +
                        " --batch 7 --db " + quote(db) + " " + mixed_inputs());
  const auto store = Store::open(db, Store::Mode::kReadOnly);
  for (const std::int64_t id : store->document_ids()) {
    auto doc = store->get_document(id);
    (*doc)["source"].erase("ingested_at");
    out.sqlite += doc->dump() + "\n";
  }
  out.xapian = dump_xapian(Xapian::Database((db / "xapian").string()));
  return out;
}

TEST(ParallelIngest, TheStoresAreTheSameWhateverTheNumberOfThreads) {
  TempDir one;
  TempDir three;
  const Indexed serial = index_with_threads(one.path() / "db", 1);
  const Indexed parallel = index_with_threads(three.path() / "db", 3);
  // Some fuzzing seeds are broken on purpose: exit 1, with the same failures listed.
  EXPECT_EQ(serial.run.status, 1) << serial.run.output;
  EXPECT_EQ(parallel.run.status, serial.run.status) << parallel.run.output;
  EXPECT_EQ(parallel.run.output.substr(parallel.run.output.find("failed")),
            serial.run.output.substr(serial.run.output.find("failed")));
  EXPECT_GT(serial.sqlite.size(), 1000U);
  EXPECT_EQ(parallel.sqlite, serial.sqlite);
  EXPECT_EQ(parallel.xapian, serial.xapian);
}

TEST(ParallelIngest, ARerunWithThreadsChangesNothing) {
  TempDir dir;
  const auto first = index_with_threads(dir.path() / "db", 2);
  const auto again = run_command(foilog_bin() + " index --quiet --threads 2 --db " +
                                 quote(dir.path() / "db") + " " + mixed_inputs());
  EXPECT_NE(again.output.find("sqlite rows changed: 0"), std::string::npos) << again.output;
  EXPECT_EQ(dump_xapian(Xapian::Database((dir.path() / "db" / "xapian").string())), first.xapian);
}

}  // namespace
}  // namespace foilog::testing
