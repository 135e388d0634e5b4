// Requests per client address, as a token bucket: each address may send `burst` requests at once
// and then `rate` a second; past that it is answered 429 with Retry-After until its bucket
// refills. Keyed by the socket's address (httplib's remote_addr, which 0.11.4 reads from the
// socket), never by a header a client sets (X-Forwarded-For, a faked REMOTE_ADDR). Behind a
// reverse proxy every request comes from the proxy: turn this off there and limit in the proxy
// (docs/SECURITY.md). The clock is injected so tests move time instead of sleeping.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace foilog::web {

class RequestLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // rate <= 0 turns the limiter off (every request is allowed). At most max_keys addresses are
  // remembered: buckets that have refilled are forgotten first, so memory stays bounded.
  RequestLimiter(double rate_per_second, double burst, Clock clock = {},
                 std::size_t max_keys = 100000);

  // Takes one request from the address's bucket: nullopt when it may go ahead, else how long
  // to wait before the next one will be allowed (at least 1 s, as Retry-After counts).
  [[nodiscard]] std::optional<std::chrono::seconds> take(const std::string& address);

  [[nodiscard]] bool enabled() const { return rate_ > 0; }
  [[nodiscard]] std::size_t tracked_addresses() const;

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point at;
  };
  void refill(Bucket& b, std::chrono::steady_clock::time_point now) const;
  void forget_refilled(std::chrono::steady_clock::time_point now);

  double rate_;
  double burst_;
  Clock clock_;
  std::size_t max_keys_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace foilog::web
