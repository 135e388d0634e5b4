// R17: request smuggling and desync. Each request below is refused before its body is read, and
// is followed in the same packet by `GET /__probe`: if the server kept the connection and read
// on, it would parse the smuggled probe (or the body) as a second request. Pass: one reply,
// 400/405/413, the socket closed by the server, and no request for /__probe in the access log.
#include <gtest/gtest.h>

#include "hardening/hardened_server.h"

namespace foilog::testing {
namespace {

TEST(Desync, EveryRefusedBodyEndsTheConnectionAndNoSmuggledRequestIsRead) {
  HardenedServer server({"--threads", "2", "--rate-limit", "0"});
  const std::string probe = "GET /__probe HTTP/1.1\r\nHost: x\r\n\r\n";
  struct Case {
    const char* name;
    std::string request;
    std::string status;
  };
  const std::vector<Case> cases = {
      {"CL+TE",
       "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\nTransfer-Encoding: "
       "chunked\r\n\r\n0\r\n\r\n",
       "400"},
      {"TE+CL",
       "POST /check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: "
       "4\r\n\r\n5c\r\n",
       "400"},
      {"duplicate CL",
       "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: "
       "34\r\n\r\n",
       "400"},
      {"TE chunked, gzip",
       "POST /api/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, "
       "gzip\r\n\r\n0\r\n\r\n",
       "400"},
      {"oversize body", "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n",
       "413"},
      {"body on a route that takes none",
       "POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: "
       "34\r\n\r\n",
       "405"},
      {"body on a GET", "GET /search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 34\r\n\r\n", "400"},
  };
  for (const auto& c : cases) {
    RawSocket s(server.port());
    ASSERT_TRUE(s.connected());
    s.set_timeout_ms(7000);  // past the read timeout (5 s): a kept-alive socket shows as silence
    ASSERT_TRUE(s.send_all(c.request + probe)) << c.name;
    bool closed = false;
    const auto t0 = std::chrono::steady_clock::now();
    const std::string reply = s.read_until_close(&closed);
    const auto waited = std::chrono::steady_clock::now() - t0;
    // Closed at once, not by the read timeout: the server chose to end the connection.
    EXPECT_LT(waited, std::chrono::seconds(2)) << c.name;
    EXPECT_EQ(status_of(reply), c.status) << c.name << ": " << reply.substr(0, 200);
    EXPECT_EQ(responses_in(reply), 1U) << c.name << ": " << reply;
    EXPECT_TRUE(closed) << c.name << ": the server kept the connection open";
    EXPECT_NE(reply.find("Connection: close"), std::string::npos) << c.name;
  }
  EXPECT_EQ(count_of(server.log(), "/__probe"), 0U) << server.log();
  // The probe is really counted when it is sent on its own.
  const std::string direct = raw_exchange(server.port(), probe);
  EXPECT_EQ(status_of(direct), "404");
  EXPECT_TRUE(server.alive());
  EXPECT_EQ(count_of(server.log(), "/__probe"), 1U) << server.log();
}

TEST(Desync, KeepAliveStillWorksForOrdinaryRequests) {
  // The close-after-refusal defence must not cost keep-alive for everyone else.
  HardenedServer server({"--threads", "2", "--rate-limit", "0"});
  RawSocket s(server.port());
  s.set_timeout_ms(3000);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(s.send_all("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_EQ(status_of(s.read_response()), "200") << "request " << i << " on one connection";
  }
}

}  // namespace
}  // namespace foilog::testing
