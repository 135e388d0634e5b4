// A writer killed with SIGKILL at a random moment (mid-put, mid-SQLite commit, mid-Xapian
// commit, between the two) must leave a store that the next read-write open repairs.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "store/sha256.h"
#include "store/store.h"
#include "store_fixtures.h"

namespace foilog {
namespace {

using testing::record_from_label;
using testing::TempDir;

// Runs in the child: writes variants of the labelled corpus forever (new paths, and new
// versions of old paths so replacements and question-count changes happen too).
// After each commit it writes one byte to `committed_fd`, so the parent can wait for progress
// instead of guessing how long a loaded (or sanitized) machine needs.
[[noreturn]] void write_until_killed(const std::filesystem::path& dir, int round,
                                     int committed_fd) {
  try {
    std::vector<Record> base;
    for (const auto& doc : testing::load_labelled_corpus()) {
      base.push_back(record_from_label(doc));
    }
    auto store = Store::open(dir, Store::Mode::kReadWrite, {std::filesystem::path()});
    for (int i = 0;; ++i) {
      Record rec = base[static_cast<std::size_t>(i) % base.size()];
      // Every third write revisits an earlier path with new content.
      const int slot = (i % 3 == 2) ? i / 2 : i;
      rec.file = "round" + std::to_string(round) + "/" + std::to_string(slot) + ".txt";
      rec.text += "\nrevision " + std::to_string(i);
      if (i % 3 == 2 && !rec.questions.empty()) {
        rec.questions.pop_back();
      }
      store->put(rec, {rec.file, sha256_hex(rec.text), rec.text.size(), "text"});
      if (i % 7 == 6) {
        store->commit();
        const char byte = 1;
        (void)!::write(committed_fd, &byte, 1);
      }
      if (i % 11 == 10) {
        store->remove("round" + std::to_string(round) + "/" + std::to_string(i / 3) + ".txt");
      }
    }
  } catch (...) {
    _exit(3);
  }
}

TEST(StoreCrash, KilledWriterLeavesARepairableStore) {
  TempDir dir;
  std::random_device rd;
  const unsigned seed = rd();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay_ms(30, 600);
  std::map<std::string, std::size_t> per_round;  // documents each finished round left behind
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    int committed[2];
    ASSERT_EQ(::pipe(committed), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(committed[0]);
      write_until_killed(dir.path(), round, committed[1]);
    }
    ::close(committed[1]);
    // The last round waits for a first commit, so at least one round kills a writer that has
    // committed something whatever the machine's speed; the others kill at a random moment,
    // often before any commit.
    if (round == kRounds - 1) {
      char byte = 0;
      ASSERT_EQ(::read(committed[0], &byte, 1), 1) << "the writer died before its first commit";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    ::kill(child, SIGKILL);
    ::close(committed[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "writer exited early with status " << WEXITSTATUS(status);

    auto store = Store::open(dir.path(), Store::Mode::kReadWrite, {std::filesystem::path()});
    const auto report = store->check();
    EXPECT_TRUE(report.ok) << "round " << round << ": "
                           << (report.problems.empty() ? "" : report.problems.front());
    EXPECT_EQ(report.sqlite_docs, report.xapian_docs);
    std::map<std::string, std::size_t> counts;
    for (const auto id : store->document_ids()) {
      const auto doc = store->get_document(id);
      ASSERT_TRUE(doc.has_value());
      const auto path = (*doc)["source"]["path"].get<std::string>();
      ++counts[path.substr(0, path.find('/'))];
    }
    // Earlier rounds' committed documents are untouched by a later writer's crash.
    for (const auto& [name, n] : per_round) {
      EXPECT_EQ(counts[name], n) << name << " after round " << round;
    }
    const std::string name = "round" + std::to_string(round);
    per_round[name] = counts[name];
    std::printf("round %d: killed after writing; %zu of its documents committed\n", round,
                counts[name]);
  }
  std::size_t total = 0;
  for (const auto& [name, n] : per_round) {
    total += n;
  }
  EXPECT_GT(total, 0U) << "a commit the writer reported is missing after the crash";
}

}  // namespace
}  // namespace foilog
