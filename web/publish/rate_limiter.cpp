#include "publish/rate_limiter.h"

namespace foilog::web {

RateLimiter::RateLimiter(int max_failures, std::chrono::seconds window, Clock clock,
                         std::size_t max_keys)
    : max_failures_(max_failures < 1 ? 1 : max_failures),
      window_(window),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })),
      max_keys_(max_keys) {}

void RateLimiter::expire(std::deque<std::chrono::steady_clock::time_point>& times,
                         std::chrono::steady_clock::time_point now) const {
  while (!times.empty() && now - times.front() >= window_) {
    times.pop_front();
  }
}

void RateLimiter::evict(std::chrono::steady_clock::time_point now) {
  for (auto it = failures_.begin(); it != failures_.end();) {
    expire(it->second, now);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
}

std::optional<std::chrono::seconds> RateLimiter::blocked(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto now = clock_();
  const auto it = failures_.find(key);
  if (it == failures_.end()) {
    return std::nullopt;
  }
  expire(it->second, now);
  if (static_cast<int>(it->second.size()) < max_failures_) {
    return std::nullopt;
  }
  // Free again when the failure that makes the count reach the limit leaves the window.
  const auto oldest = it->second[it->second.size() - static_cast<std::size_t>(max_failures_)];
  const auto wait = std::chrono::ceil<std::chrono::seconds>(oldest + window_ - now);
  return std::max(wait, std::chrono::seconds(1));
}

void RateLimiter::record_failure(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto now = clock_();
  if (failures_.size() >= max_keys_ && failures_.count(key) == 0) {
    evict(now);
    if (failures_.size() >= max_keys_) {
      // Still full of live keys: an attacker with that many addresses gains nothing from
      // evicting one, and memory stays bounded.
      failures_.erase(failures_.begin());
    }
  }
  auto& times = failures_[key];
  expire(times, now);
  times.push_back(now);
  // Only the last max_failures_ matter for blocking.
  while (static_cast<int>(times.size()) > max_failures_) {
    times.pop_front();
  }
}

void RateLimiter::reset(const std::string& key) {
  const std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace foilog::web
