// Failed sign-in attempts per client address, over a sliding window: after max failures the
// address is refused (429 with Retry-After) until the oldest failure in the window ages out.
// Keyed by the socket's address (httplib's remote_addr), never by a header a client sets. The
// clock is injected so tests can move time.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace foilog::web {

class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  RateLimiter(int max_failures, std::chrono::seconds window, Clock clock = {},
              std::size_t max_keys = 100000);

  // How long the key must wait (at least 1 s), or nullopt when it may try now.
  [[nodiscard]] std::optional<std::chrono::seconds> blocked(const std::string& key);
  void record_failure(const std::string& key);
  // A success forgets the key's failures.
  void reset(const std::string& key);

 private:
  void expire(std::deque<std::chrono::steady_clock::time_point>& times,
              std::chrono::steady_clock::time_point now) const;
  void evict(std::chrono::steady_clock::time_point now);

  int max_failures_;
  std::chrono::seconds window_;
  Clock clock_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

}  // namespace foilog::web
