// Crash testing: FOILOG_FAULT=sigkill_after:N makes the indexer SIGKILL itself
// right after the Nth document is put into the store (mid-batch, before the
// commit), so tests can prove that a kill -9 at any point leaves both stores
// consistent after the next run.
#pragma once

#include <cstddef>

namespace foilog {

class FaultInjector {
 public:
  static FaultInjector from_environment();
  void after_put();

 private:
  std::size_t kill_after_ = 0;  // 0 = off
  std::size_t puts_ = 0;
};

}  // namespace foilog
