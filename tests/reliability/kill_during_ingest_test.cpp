// R1 kill -9 during ingest: `foilog index` SIGKILLs itself (FOILOG_FAULT) at seeded random
// points (mid-batch after a put, after the SQLite COMMIT, after the Xapian commit), and is run
// again after each kill. After every kill the stores must already be sound (integrity_check,
// xapian-check, every committed document found by its Q term exactly once); the final run must
// exit 0 and leave Xapian holding exactly SQLite's published documents.
#include <gtest/gtest.h>

#include <iostream>
#include <random>

#include "reliability/storage_support.h"

namespace foilog::testing {
namespace {

struct KillPoint {
  std::string fault;  // the FOILOG_FAULT value
};

// A kill point inside this run's share of the work still to do (remaining / kills_left
// documents), so every run dies and the kills spread over the whole ingest.
KillPoint draw_kill_point(std::mt19937& rng, std::size_t remaining_docs, std::size_t kills_left,
                          std::size_t batch) {
  const std::size_t share = std::max<std::size_t>(1, remaining_docs / kills_left);
  const auto upto = [&rng](std::size_t n) {
    return std::to_string(
        std::uniform_int_distribution<std::size_t>(1, std::max<std::size_t>(1, n))(rng));
  };
  switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
    case 0:
      return {"sigkill_after:" + upto(share)};
    case 1:
      return {"sigkill_after_sqlite_commit:" + upto(share / batch)};
    default:
      return {"sigkill_after_xapian_commit:" + upto(share / batch)};
  }
}

TEST(R1KillDuringIngest, EveryKillLeavesSoundStoresAndTheFinalRunCompletes) {
  TempDir tmp;
  const std::size_t generated = scaled(60, 10000 - 40);  // the sample corpus has 40 letters
  const std::size_t kills = scaled(4, 20);
  const std::size_t batch = scaled(10, 200);
  const auto roots = sample_and_generated(tmp.path(), generated);
  const auto db = tmp.path() / "db";
  const std::size_t total = document_count(roots);

  const unsigned seed = test_seed();
  std::mt19937 rng(seed);
  std::cout << "R1: seed " << seed << " (FOILOG_SEED=" << seed << " replays it), " << total
            << " documents, batch " << batch << ", " << kills << " kill points\n";
  SCOPED_TRACE("FOILOG_SEED=" + std::to_string(seed));

  const auto started = std::chrono::steady_clock::now();
  std::size_t killed = 0;
  for (std::size_t k = 0; k < kills; ++k) {
    const auto stored =
        std::filesystem::exists(db / "foilog.sqlite")
            ? static_cast<std::size_t>(sqlite_int(db, "SELECT COUNT(*) FROM documents"))
            : 0;
    ASSERT_LT(stored, total) << "kill points must fall inside the ingest";
    const KillPoint point = draw_kill_point(rng, total - stored, kills - k, batch);
    const auto r = index_command(db, roots, batch, "FOILOG_FAULT=" + point.fault);
    std::cout << "R1: kill " << k + 1 << ": " << point.fault << " after " << stored
              << " stored -> exit " << r.status << "\n";
    SCOPED_TRACE("kill " + std::to_string(k + 1) + ": FOILOG_FAULT=" + point.fault);
    ASSERT_EQ(r.status, 128 + SIGKILL) << r.output;
    ++killed;
    // Sound as the kill left it, before any repair.
    const StoreAudit a = audit_store(db);
    EXPECT_EQ(a.integrity, "ok");
    EXPECT_EQ(a.xapian_check_status, 0) << a.xapian_check_output;
    EXPECT_TRUE(a.missing.empty()) << a.missing.size() << " committed documents lack a Q posting";
    EXPECT_TRUE(a.duplicated.empty()) << a.duplicated.size() << " Q terms with several postings";
    EXPECT_TRUE(a.stale.empty()) << a.stale.size() << " Xapian documents SQLite lacks";
  }

  const auto final_run = index_command(db, roots, batch);
  EXPECT_EQ(final_run.status, 0) << final_run.output;
  expect_consistent(db);
  EXPECT_EQ(sqlite_int(db, "SELECT COUNT(*) FROM documents WHERE status = 'published'"),
            static_cast<std::int64_t>(total));
  const auto check = run_command(foilog_bin() + " check --db " + quote(db));
  EXPECT_EQ(check.status, 0) << check.output;
  std::cout << "R1: " << killed << " kills survived, " << total << " documents, "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << " s\n";
}

}  // namespace
}  // namespace foilog::testing
