#include "util/parallel.h"

#include <algorithm>
#include <atomic>

namespace foilog {

unsigned default_thread_count() {
  return std::max(1U, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn) {
  const std::size_t helpers =
      std::min<std::size_t>(threads > 0 ? threads - 1 : 0, n > 0 ? n - 1 : 0);
  if (helpers == 0) {
    for (std::size_t i = 0; i < n; ++i) {
      fn(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  const auto run = [&] {
    for (std::size_t i = next++; i < n && !failed; i = next++) {
      try {
        fn(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!first_error) {
          first_error = std::current_exception();
        }
        failed = true;
      }
    }
  };
  {
    // jthreads join when the scope ends, also if starting one of them throws.
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) {
      pool.emplace_back(run);
    }
    run();
  }
  if (first_error) {
    std::rethrow_exception(first_error);
  }
}

}  // namespace foilog
