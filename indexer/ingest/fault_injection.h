// Crash testing: FOILOG_FAULT makes the indexer SIGKILL itself at a chosen point, so tests can
// prove that a kill -9 there leaves both stores consistent after the next run:
//   sigkill_after:N                 right after the Nth document is put (mid-batch, uncommitted)
//   sigkill_after_sqlite_commit:N   in the Nth commit, after the SQLite COMMIT, before Xapian
//   sigkill_after_xapian_commit:N   in the Nth commit, after the Xapian commit, before the
//                                   pending marks are cleared
// and one pause, so a test can act at a known point of a run instead of racing it:
//   pause_after:N:FILE              after the Nth put, creates FILE.paused and waits (holding
//                                   no lock but the write lock) until FILE exists
// Commits are counted from the start of the run (the reconcile inside Store::open is not one).
#pragma once

#include <cstddef>
#include <string>

#include "store/store.h"

namespace foilog {

class FaultInjector {
 public:
  // Throws UsageError naming FOILOG_FAULT when it is set to something this does not know:
  // a typo must not silently turn a crash test into a clean run.
  static FaultInjector from_environment();
  void after_put();
  void at_commit_stage(CommitStage stage);
  [[nodiscard]] bool watches_commits() const { return kill_at_commit_ != 0; }

 private:
  std::size_t kill_after_put_ = 0;   // 0 = off
  std::size_t pause_after_put_ = 0;  // 0 = off
  std::string resume_file_;
  std::size_t kill_at_commit_ = 0;  // 0 = off
  CommitStage kill_stage_ = CommitStage::kSqliteCommitted;
  std::size_t puts_ = 0;
  std::size_t commits_ = 0;
};

}  // namespace foilog
