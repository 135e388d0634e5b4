#include "util/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace foilog {
namespace {

TEST(ParallelFor, VisitsEveryIndexOnceOnSeveralThreads) {
  std::vector<std::atomic<int>> visits(1000);
  std::mutex m;
  std::set<std::thread::id> threads;
  parallel_for(visits.size(), 4, [&](std::size_t i) {
    ++visits[i];
    const std::lock_guard lock(m);
    threads.insert(std::this_thread::get_id());
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  });
  for (const auto& v : visits) {
    EXPECT_EQ(v, 1);
  }
  EXPECT_GT(threads.size(), 1U);
  EXPECT_LE(threads.size(), 4U);
}

TEST(ParallelFor, OneThreadRunsInOrderOnTheCaller) {
  std::vector<std::size_t> order;
  const auto caller = std::this_thread::get_id();
  parallel_for(5, 1, [&](std::size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
  parallel_for(0, 4, [](std::size_t) { FAIL() << "no work was given"; });
}

TEST(ParallelFor, TheFirstExceptionReachesTheCallerAfterEveryThreadStopped) {
  std::atomic<int> running{0};
  try {
    parallel_for(100, 3, [&](std::size_t i) {
      ++running;
      std::this_thread::sleep_for(std::chrono::microseconds(100));
      --running;
      if (i == 10) {
        throw std::runtime_error("document 10 is broken");
      }
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "document 10 is broken");
  }
  EXPECT_EQ(running, 0);
}

TEST(OrderedPool, ResultsComeBackInSubmissionOrderWhateverFinishesFirst) {
  for (const unsigned threads : {0U, 1U, 3U}) {
    OrderedPool<int> pool(threads);
    for (int i = 0; i < 20; ++i) {
      pool.submit([i] {
        // Early tasks take longest, so with workers they finish last.
        std::this_thread::sleep_for(std::chrono::microseconds(100 * (20 - i)));
        return i * i;
      });
    }
    EXPECT_EQ(pool.in_flight(), 20U);
    for (int i = 0; i < 20; ++i) {
      EXPECT_EQ(pool.next(), i * i) << threads << " threads";
    }
    EXPECT_EQ(pool.in_flight(), 0U);
  }
}

TEST(OrderedPool, ATaskThatThrowsRethrowsAtItsTurnAndTheRestGoOn) {
  OrderedPool<std::string> pool(2);
  pool.submit([] { return std::string("a.txt"); });
  pool.submit([]() -> std::string { throw std::runtime_error("b.pdf: damaged"); });
  pool.submit([] { return std::string("c.txt"); });
  EXPECT_EQ(pool.next(), "a.txt");
  EXPECT_THROW((void)pool.next(), std::runtime_error);
  EXPECT_EQ(pool.next(), "c.txt");
}

TEST(OrderedPool, DestroyingItWithTasksQueuedDropsThemAndReturns) {
  std::atomic<int> ran{0};
  {
    OrderedPool<int> pool(1);
    for (int i = 0; i < 50; ++i) {
      pool.submit([&ran] {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return ++ran;
      });
    }
    (void)pool.next();
  }  // the consumer gave up: at most the running task finishes, not all 50 (250 ms)
  EXPECT_LT(ran.load(), 50);
}

}  // namespace
}  // namespace foilog
