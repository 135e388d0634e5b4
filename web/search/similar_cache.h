// Similar responses remembered for one revision of the index. Working them out runs the
// pre-filing check's matching once per question of the letter, most of a document page's time
// (bench/RESULTS.md), and they change only when the index does: each IndexSnapshot gets a fresh
// cache, so a commit forgets them all. Bounded; the oldest entries go first.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "search/similar.h"

namespace foilog::web {

class SimilarCache {
 public:
  explicit SimilarCache(std::size_t capacity) : capacity_(capacity) {}

  [[nodiscard]] std::optional<std::vector<SimilarHit>> find(std::int64_t id) const {
    const std::lock_guard lock(mutex_);
    const auto it = hits_.find(id);
    if (it == hits_.end()) {
      return std::nullopt;
    }
    return it->second;
  }

  void remember(std::int64_t id, std::vector<SimilarHit> hits) {
    if (capacity_ == 0) {
      return;
    }
    const std::lock_guard lock(mutex_);
    if (hits_.count(id) != 0) {
      return;  // another thread worked it out meanwhile: the same answer
    }
    while (order_.size() >= capacity_) {
      hits_.erase(order_.front());
      order_.pop_front();
    }
    hits_.emplace(id, std::move(hits));
    order_.push_back(id);
  }

  [[nodiscard]] std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return hits_.size();
  }

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::vector<SimilarHit>> hits_;  // guarded by mutex_
  std::deque<std::int64_t> order_;                                  // guarded by mutex_
};

}  // namespace foilog::web
