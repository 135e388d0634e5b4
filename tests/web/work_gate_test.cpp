// WorkGate: never more than its limit inside at once, everyone gets in eventually, and a place is
// given back when a holder leaves by an exception.
#include "server/work_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace foilog::web {
namespace {

// `threads` threads each pass through the gate `rounds` times, pausing inside; returns the most
// that were ever inside together.
int most_inside_at_once(WorkGate& gate, int threads, int rounds) {
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::atomic<int> done{0};
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int r = 0; r < rounds; ++r) {
        const WorkGate::Pass pass(gate);
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        --inside;
        ++done;
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
  EXPECT_EQ(done.load(), threads * rounds);
  return most.load();
}

TEST(WorkGate, NeverMoreThanItsLimitInside) {
  WorkGate two(2);
  // Never more than two, and both places used: sixteen threads do fill them.
  EXPECT_EQ(most_inside_at_once(two, 16, 5), 2);
  WorkGate one(1);
  EXPECT_EQ(most_inside_at_once(one, 8, 5), 1);
}

TEST(WorkGate, ZeroMeansOne) {
  WorkGate gate(0);
  EXPECT_EQ(gate.limit(), 1U);
  EXPECT_EQ(most_inside_at_once(gate, 4, 3), 1);
}

TEST(WorkGate, APlaceIsGivenBackWhenTheHolderThrows) {
  WorkGate gate(1);
  EXPECT_THROW(
      {
        const WorkGate::Pass pass(gate);
        throw std::runtime_error("page failed");
      },
      std::runtime_error);
  // The only place is free again: this would wait for ever otherwise.
  std::atomic<bool> entered{false};
  std::thread t([&] {
    const WorkGate::Pass pass(gate);
    entered = true;
  });
  t.join();
  EXPECT_TRUE(entered.load());
}

}  // namespace
}  // namespace foilog::web
