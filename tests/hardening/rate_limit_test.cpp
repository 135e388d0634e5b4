// R19 (client identity) and R20 (rate limiting): the limiter's window logic with an injected
// clock, then a real server limited to 10 requests a second with a burst of 20, reached from
// several loopback addresses (127.0.0.x) as several clients.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hardening/hardened_server.h"
#include "server/client_address.h"
#include "server/elastic_pool.h"
#include "server/request_limiter.h"

namespace foilog::testing {
namespace {

using web::RequestLimiter;
using namespace std::chrono_literals;

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  RequestLimiter::Clock fn() {
    return [this] { return now; };
  }
};

TEST(RequestLimiter, ABurstThenTheRateAndRetryAfterSaysWhen) {
  FakeClock clock;
  RequestLimiter limiter(10, 20, clock.fn());
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(limiter.take("a")) << "request " << i + 1 << " is within the burst";
  }
  const auto wait = limiter.take("a");
  ASSERT_TRUE(wait) << "request 21 in the same instant is over the limit";
  EXPECT_EQ(*wait, 1s);
  EXPECT_FALSE(limiter.take("b")) << "another address has its own bucket";
  clock.now += 100ms;  // one token back at 10 a second
  EXPECT_FALSE(limiter.take("a"));
  EXPECT_TRUE(limiter.take("a"));
  clock.now += 10s;  // refills to the burst, never beyond
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(limiter.take("a"));
  }
  EXPECT_TRUE(limiter.take("a"));
}

TEST(RequestLimiter, RetryAfterCoversASlowRate) {
  FakeClock clock;
  RequestLimiter limiter(0.25, 1, clock.fn());  // one request every 4 s
  EXPECT_FALSE(limiter.take("a"));
  EXPECT_EQ(limiter.take("a"), std::optional(4s));
  clock.now += 3s;
  EXPECT_EQ(limiter.take("a"), std::optional(1s));
  clock.now += 1s;
  EXPECT_FALSE(limiter.take("a"));
}

TEST(RequestLimiter, ZeroRateIsOffAndMemoryIsBounded) {
  RequestLimiter off(0, 20);
  EXPECT_FALSE(off.enabled());
  for (int i = 0; i < 1000; ++i) {
    EXPECT_FALSE(off.take("a"));
  }
  FakeClock clock;
  RequestLimiter limiter(10, 20, clock.fn(), 100);
  for (int i = 0; i < 1000; ++i) {
    static_cast<void>(limiter.take("10.0.0." + std::to_string(i)));
  }
  EXPECT_LE(limiter.tracked_addresses(), 100U);
}

TEST(ClientAddress, OnlyTheTrustedProxysHeaderIsBelievedAndOnlyWhenItIsAnAddress) {
  using web::client_address;
  EXPECT_EQ(client_address("127.0.0.9", "10.0.0.1", ""), "127.0.0.9") << "no proxy configured";
  EXPECT_EQ(client_address("127.0.0.9", "10.0.0.1", "127.0.0.1"), "127.0.0.9") << "not the proxy";
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.1", "127.0.0.1"), "10.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "2001:db8::7", "127.0.0.1"), "2001:db8::7");
  EXPECT_EQ(client_address("127.0.0.1", "", "127.0.0.1"), "127.0.0.1") << "header missing";
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.1, 10.0.0.2", "127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "evil\r\nX: y", "127.0.0.1"), "127.0.0.1");
}

TEST(ElasticPool, StartsThreadsWhileAllAreBusyUpToItsMaximum) {
  web::ElasticPool pool(2, 6);
  std::atomic<int> running{0};
  std::atomic<bool> release{false};
  for (int i = 0; i < 10; ++i) {
    pool.enqueue([&] {
      ++running;
      while (!release) {
        std::this_thread::yield();
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (running < 6 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_EQ(running.load(), 6) << "six jobs pinned six threads; the rest wait";
  EXPECT_EQ(pool.threads(), 6U);
  release = true;
  pool.shutdown();
  EXPECT_EQ(running.load(), 10) << "queued jobs still ran before shutdown returned";
}

struct Exchange {
  std::vector<std::string> statuses;
  std::string last_reply;  // the last answer whole (the 429, when there is one)
  std::chrono::duration<double> took{};
};

// Up to n requests one after another on one keep-alive connection from `from` (0.11.4 does not
// answer pipelined requests, so each waits for its answer), each with the given extra headers;
// stops when the server closes the connection (it does after a 429).
Exchange one_connection(int port, const char* from, int n,
                        const std::function<std::string(int)>& request) {
  Exchange out;
  RawSocket s(port, from);
  EXPECT_TRUE(s.connected()) << from;
  s.set_timeout_ms(3000);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    if (!s.send_all(request(i))) {
      break;
    }
    const std::string reply = s.read_response();
    if (reply.empty()) {
      break;
    }
    out.statuses.push_back(status_of(reply));
    out.last_reply = reply;
    if (out.statuses.back() == "429") {
      break;
    }
  }
  out.took = std::chrono::steady_clock::now() - t0;
  return out;
}

std::string api_request(const std::string& extra_headers = "") {
  return "GET /api/authorities HTTP/1.1\r\nHost: x\r\n" + extra_headers + "\r\n";
}

// The limit the tests set: 2 requests a second past a burst of 20. The refill must be slower
// than the requests themselves come back, or the bucket never runs dry: over the long run's
// store of 10,000 letters /api/authorities takes ~90 ms, and at 10/s the tokens kept pace with
// 100 requests one after another.
constexpr int kRatePerS = 2;
constexpr int kBurst = 20;
std::vector<std::string> limit_flags() {
  return {"--threads",           "4", "--rate-limit", std::to_string(kRatePerS), "--rate-burst",
          std::to_string(kBurst)};
}

// The requests that limit lets through in `took`: the burst, plus what refilled meanwhile.
long allowed_in(std::chrono::duration<double> took) {
  return kBurst + static_cast<long>(took.count() * kRatePerS) + 1;
}

TEST(RateLimit, PastTheBurstA429WithRetryAfterAndOtherAddressesAreUnaffected) {
  HardenedServer server(limit_flags());
  const Exchange e = one_connection(server.port(), "127.0.0.2", 200, [](int i) {
    // /healthz is never limited (monitors), so every other request is free.
    return i % 2 == 0 ? std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") : api_request();
  });
  ASSERT_FALSE(e.statuses.empty());
  ASSERT_EQ(e.statuses.back(), "429") << "200 requests in " << e.took.count() << " s";
  const long ok_api = std::count(e.statuses.begin(), e.statuses.end(), "200") -
                      static_cast<long>(e.statuses.size() / 2);
  EXPECT_GE(ok_api, kBurst) << "the burst is allowed";
  EXPECT_LE(ok_api, allowed_in(e.took)) << "in " << e.took.count() << " s";
  EXPECT_NE(e.last_reply.find("Retry-After: 1\r\n"), std::string::npos) << e.last_reply;
  EXPECT_NE(e.last_reply.find("\"error\""), std::string::npos) << "a JSON error on the API";
  EXPECT_NE(e.last_reply.find("Connection: close"), std::string::npos);
  // Another client is unaffected.
  const Exchange other =
      one_connection(server.port(), "127.0.0.3", 5, [](int) { return api_request(); });
  EXPECT_EQ(other.statuses, std::vector<std::string>(5, "200"));
  // And the limited one is let back in once its bucket refills (one token in 500 ms).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const Exchange again =
      one_connection(server.port(), "127.0.0.2", 1, [](int) { return api_request(); });
  EXPECT_EQ(again.statuses, std::vector<std::string>{"200"});
}

TEST(RateLimit, ClientsAreKnownByTheirSocketAddressNotByHeadersTheySend) {
  HardenedServer server(limit_flags());
  // 100 requests from one socket, each claiming another address in every header 0.11.4 or a
  // proxy might be believed for.
  const Exchange e = one_connection(server.port(), "127.0.0.4", 100, [](int i) {
    const std::string fake = "10.9." + std::to_string(i / 250) + "." + std::to_string(i % 250);
    return api_request("REMOTE_ADDR: " + fake + "\r\nX-Forwarded-For: " + fake +
                       "\r\nX-Real-IP: " + fake + "\r\nForwarded: for=" + fake + "\r\n");
  });
  ASSERT_FALSE(e.statuses.empty());
  EXPECT_EQ(e.statuses.back(), "429") << "the limit applied to the socket's address";
  const long ok = std::count(e.statuses.begin(), e.statuses.end(), "200");
  EXPECT_GE(ok, kBurst);
  EXPECT_LE(ok, allowed_in(e.took));
  // 0.11.4 logs a request after answering it: give the last line a moment to arrive.
  std::string log = server.log();
  for (int i = 0; i < 40 && count_of(log, "127.0.0.4 GET /api/authorities") < e.statuses.size();
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    log = server.log();
  }
  EXPECT_EQ(count_of(log, "127.0.0.4 GET /api/authorities"), e.statuses.size()) << log;
  EXPECT_EQ(log.find("10.9."), std::string::npos) << "a claimed address reached the log";
}

}  // namespace
}  // namespace foilog::testing
