// The server's worker threads: `min` started at once, more (up to `max`) started whenever a
// connection arrives and none is idle. cpp-httplib 0.11.4's own pool is fixed, and each slow or
// keep-alive connection pins a worker for as long as it dribbles bytes, so a handful of slow
// clients stop the site; here they cost a thread each until `max`. Threads are kept once
// started (each is a stack and nothing else). Closing slow connections is a reverse proxy's
// job (docs/SECURITY.md): 0.11.4 has no whole-request deadline to do it with.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace foilog::web {

class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(std::size_t min_threads, std::size_t max_threads);
  ~ElasticPool() override;
  ElasticPool(const ElasticPool&) = delete;
  ElasticPool& operator=(const ElasticPool&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  [[nodiscard]] std::size_t threads() const;

 private:
  void start_thread();  // with mutex_ held
  void work();

  std::size_t max_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace foilog::web
