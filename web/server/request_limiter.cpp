#include "server/request_limiter.h"

#include <algorithm>
#include <cmath>

namespace foilog::web {

RequestLimiter::RequestLimiter(double rate_per_second, double burst, Clock clock,
                               std::size_t max_keys)
    : rate_(rate_per_second),
      burst_(std::max(1.0, burst)),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })),
      max_keys_(std::max<std::size_t>(1, max_keys)) {}

void RequestLimiter::refill(Bucket& b, std::chrono::steady_clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - b.at).count();
  if (elapsed > 0) {
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.at = now;
  }
}

void RequestLimiter::forget_refilled(std::chrono::steady_clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    refill(it->second, now);
    it = it->second.tokens >= burst_ ? buckets_.erase(it) : std::next(it);
  }
}

std::optional<std::chrono::seconds> RequestLimiter::take(const std::string& address) {
  if (rate_ <= 0) {
    return std::nullopt;
  }
  const std::lock_guard lock(mutex_);
  const auto now = clock_();
  auto it = buckets_.find(address);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) {
      forget_refilled(now);
      if (buckets_.size() >= max_keys_) {
        // Still full of busy addresses: dropping one gives that address a fresh burst, which
        // is the price of bounded memory under a flood from very many addresses.
        buckets_.erase(buckets_.begin());
      }
    }
    it = buckets_.emplace(address, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  refill(b, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  const double wait = (1 - b.tokens) / rate_;
  return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait))));
}

std::size_t RequestLimiter::tracked_addresses() const {
  const std::lock_guard lock(mutex_);
  return buckets_.size();
}

}  // namespace foilog::web
