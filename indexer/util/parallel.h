// The two shapes of parallel work the indexer has, on plain std::thread: a loop whose iterations
// are independent (term generation for a batch of records), and a stream of tasks whose results
// must be consumed in the order they were submitted (read and extract the next files while the
// store writes the current one, so that what is stored never depends on thread timing).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace foilog {

// Threads worth running for CPU-bound work here: the machine's cores, at least one.
[[nodiscard]] unsigned default_thread_count();

// Calls fn(i) for every i in [0, n), on up to `threads` threads (the caller's among them). The
// first exception thrown stops the hand-out of further indices and is rethrown here once every
// thread has finished.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn);

// Runs submitted tasks on `threads` worker threads and hands their results back in submission
// order. With no workers, next() runs the oldest task itself: the same results, serially.
template <class T>
class OrderedPool {
 public:
  explicit OrderedPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) {
      workers_.emplace_back([this] { work(); });
    }
  }
  // Tasks not yet started are dropped (the consumer has given up on them); running ones finish.
  ~OrderedPool() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
      queue_.clear();
    }
    ready_.notify_all();
    for (auto& w : workers_) {
      w.join();
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void submit(std::function<T()> task) {
    std::packaged_task<T()> job(std::move(task));
    results_.push_back(job.get_future());
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    ready_.notify_one();
  }

  [[nodiscard]] std::size_t in_flight() const { return results_.size(); }

  // The result of the oldest task not yet taken (waiting for it); rethrows what the task threw.
  // Precondition: in_flight() > 0.
  T next() {
    if (workers_.empty()) {
      std::packaged_task<T()> job = std::move(queue_.front());
      queue_.pop_front();
      job();
    }
    std::future<T> result = std::move(results_.front());
    results_.pop_front();
    return result.get();
  }

 private:
  void work() {
    for (;;) {
      std::packaged_task<T()> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) {
          return;
        }
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();  // a throwing task stores its exception in its future
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<T()>> queue_;  // guarded by mutex_
  bool stopping_ = false;                      // guarded by mutex_
  std::deque<std::future<T>> results_;         // the consumer's thread only
  std::vector<std::thread> workers_;
};

}  // namespace foilog
