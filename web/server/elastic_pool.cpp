#include "server/elastic_pool.h"

#include <algorithm>

namespace foilog::web {

ElasticPool::ElasticPool(std::size_t min_threads, std::size_t max_threads)
    : max_(std::max<std::size_t>({1, min_threads, max_threads})) {
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::max<std::size_t>(1, min_threads); ++i) {
    start_thread();
  }
}

ElasticPool::~ElasticPool() {
  shutdown();
}

void ElasticPool::start_thread() {
  threads_.emplace_back([this] { work(); });
}

void ElasticPool::enqueue(std::function<void()> fn) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_) {
      return;
    }
    jobs_.push_back(std::move(fn));
    // Every started thread busy: one more, so a new connection never waits behind slow ones.
    if (idle_ < jobs_.size() && threads_.size() < max_) {
      start_thread();
    }
  }
  ready_.notify_one();
}

void ElasticPool::shutdown() {
  std::vector<std::thread> threads;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  ready_.notify_all();
  for (auto& t : threads) {
    if (t.joinable()) {
      t.join();
    }
  }
}

std::size_t ElasticPool::threads() const {
  const std::lock_guard lock(mutex_);
  return threads_.size();
}

void ElasticPool::work() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) {
        return;  // stopping, with nothing left to do
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace foilog::web
