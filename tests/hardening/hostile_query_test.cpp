// R22: hostile queries. Every search route (HTML, JSON, patterns, the CSV export, the pre-filing
// check) answers each hostile query or facet value with 200 and results, or 400 naming the
// parameter; none takes a second; a facet value only ever narrows its own filter (it is a term,
// never parsed as a query). Timed over the sample corpus here (printed only); scripts/
// reliability-long.sh runs the same list over C10k and holds it to p99 < 1 s.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "hardening/hardened_server.h"

namespace foilog::testing {
namespace {

std::string encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4U];
      out += hex[c & 15U];
    }
  }
  return out;
}

std::vector<std::string> hostile_queries() {
  std::string thousand_terms;
  for (int i = 0; i < 1000; ++i) {
    thousand_terms += "term" + std::to_string(i) + " ";
  }
  return {std::string(10 * 1024, 'x'),
          thousand_terms,
          "a*",
          "*",
          "\"unbalanced quote",
          "((((police",
          "police))))",
          "nosuchfield:x",
          "authority:",
          "ref:",
          std::string("nul\0byte", 8),
          "\xff\xfe invalid utf-8",
          "\xc3\x28",
          "AND OR NOT NEAR",
          "police NEAR/99999 crime",
          "exemption:s40 OR exemption:s31 AND NOT outcome:refused",
          "' OR 1=1 --",
          "<script>alert(1)</script>",
          std::string(300, '(') + "x",
          "x" + std::string(5000, '*')};
}

TEST(HostileQueries, EveryRouteAnswers200Or400NamingTheParameterWithinASecond) {
  HardenedServer server({"--threads", "4", "--rate-limit", "0"});
  const auto c = server.client(30);
  std::vector<double> ms;
  double slowest = 0;
  std::string slowest_target;
  for (const std::string& q : hostile_queries()) {
    for (const std::string route : {"/search?q=", "/api/search?q=", "/patterns?q=",
                                    "/export/search?format=csv&q=", "/check?draft="}) {
      const std::string target = route + encode(q);
      const auto t0 = std::chrono::steady_clock::now();
      const auto res = c->Get(target);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (ms.back() > slowest) {
        slowest = ms.back();
        slowest_target = target.substr(0, 80);
      }
      ASSERT_TRUE(res) << target.substr(0, 120);
      EXPECT_TRUE(res->status == 200 || res->status == 400 || res->status == 414)
          << target.substr(0, 120) << " -> " << res->status;
      if (res->status == 400) {
        const std::string param =
            route.substr(route.find('?') + 1).find("draft") == 0 ? "draft" : "q";
        EXPECT_NE(res->body.find(param), std::string::npos)
            << target.substr(0, 120) << " does not name " << param;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  const double p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  std::cout << "[R22] " << ms.size() << " hostile requests: p50 " << ms[ms.size() / 2]
            << " ms, p99 " << p99 << " ms, max " << ms.back() << " ms (" << slowest_target << ")\n";
  // R22's "p99 < 1 s on C10k" is a measurement, made by scripts/reliability-long.sh over a C10k
  // store in an optimised build (docs/RELIABILITY.md); CI's own runs (a loaded machine, a Debug
  // build under ASan) only print it.
  if (std::getenv("FOILOG_HARDENING_DB") != nullptr) {
    EXPECT_LT(p99, 1000.0);
  }
  EXPECT_TRUE(server.alive());
}

int total(httplib::Client& c, const std::string& query) {
  const auto res = c.Get("/api/search?" + query);
  if (!res || res->status != 200) {
    return -1;
  }
  return nlohmann::json::parse(res->body)["total"].get<int>();
}

TEST(HostileQueries, AFacetValueNarrowsOnlyItsOwnFilter) {
  HardenedServer server({"--threads", "2", "--rate-limit", "0"});
  const auto c = server.client();
  const int all = total(*c, "q=police");
  const int wmp = total(*c, "q=police&authority=west-midlands-police");
  ASSERT_GT(all, 0);
  ASSERT_GT(wmp, 0);
  for (const std::string value :
       {"' OR 1=1 --", "x OR authority:west-midlands-police", "west-midlands-police OR x",
        "west-midlands-police\" OR \"1\"=\"1", "*", "west-midlands-police*", "%",
        "west-midlands-police; DROP TABLE documents"}) {
    for (const std::string facet : {"authority", "exemption", "topic", "outcome", "regime"}) {
      const int n = total(*c, "q=police&" + facet + "=" + encode(value));
      // A value that names nothing matches nothing (or is refused): never more than the search.
      EXPECT_TRUE(n == 0 || n == -1) << facet << "=" << value << " gave " << n;
    }
  }
  // Two hostile values on two facets still leave the real filter working.
  EXPECT_EQ(total(*c, "q=police&authority=west-midlands-police&topic=" + encode("' OR 1=1 --")), 0);
  EXPECT_EQ(total(*c, "q=police&authority=west-midlands-police"), wmp) << "nothing was changed";
}

}  // namespace
}  // namespace foilog::testing
