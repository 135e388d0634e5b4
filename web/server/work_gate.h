// At most N requests at a time inside the pages that work over a whole match set (patterns,
// compare, check, export), however many threads the elastic pool has started.
//
// Each such request holds ~20 MB while it renders (the patterns page at 10,000 documents), and
// on two cores more than two at once only share the cores: sixteen concurrent /patterns left
// the server at 278 MB anonymous memory (bench/RESULTS.md). Requests past N wait their turn on
// the thread they already have; the light pages (search, documents, static files) never wait.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace foilog::web {

class WorkGate {
 public:
  explicit WorkGate(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}

  // Holds one of the N places for its lifetime.
  class Pass {
   public:
    explicit Pass(WorkGate& gate) : gate_(gate) {
      std::unique_lock lock(gate_.mutex_);
      gate_.freed_.wait(lock, [this] { return gate_.inside_ < gate_.limit_; });
      ++gate_.inside_;
    }
    ~Pass() {
      {
        const std::lock_guard lock(gate_.mutex_);
        --gate_.inside_;
      }
      gate_.freed_.notify_one();
    }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass(Pass&&) = delete;
    Pass& operator=(Pass&&) = delete;

   private:
    WorkGate& gate_;
  };

  [[nodiscard]] std::size_t limit() const { return limit_; }

 private:
  std::size_t limit_;
  std::size_t inside_ = 0;
  std::mutex mutex_;
  std::condition_variable freed_;
};

}  // namespace foilog::web
