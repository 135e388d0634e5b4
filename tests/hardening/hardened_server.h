// Servers for the hardening tests (issue 8: R11, R13-R20, R22): `foilog serve` over the shared
// web-test store (the sample corpus and the hostile fixture letters, built once per ctest run by
// web_corpus_setup), started with the options a test needs, its stderr kept for the test to
// read. Tests that damage a store get their own copy.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "integration/command.h"
#include "support/serve_process.h"

namespace foilog::testing {

// Whether this build (and so the server it runs) is under AddressSanitizer, whose quarantine of
// freed memory makes a process's RSS say nothing about what it holds: memory bounds are checked
// in the normal build only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// FOILOG_HARDENING_DB points the tests at another store (scripts/reliability-long.sh: C10k).
inline std::filesystem::path web_corpus_db() {
  if (const char* other = std::getenv("FOILOG_HARDENING_DB"); other != nullptr && *other != 0) {
    return other;
  }
#ifdef FOILOG_WEB_CORPUS_DB
  return FOILOG_WEB_CORPUS_DB;
#else
  return {};
#endif
}

class HardenedServer {
 public:
  // `foilog serve --db DB ARGS...`; DB defaults to the shared web-test store (read only).
  explicit HardenedServer(std::vector<std::string> args,
                          const std::filesystem::path& db = web_corpus_db()) {
    if (!std::filesystem::exists(db / "foilog.sqlite")) {
      throw std::runtime_error("no store at " + db.string() +
                               " (run through ctest: the web_corpus_setup fixture builds it)");
    }
    std::vector<std::string> all = {"--db", db.string(), "--port", "0"};
    all.insert(all.end(), args.begin(), args.end());
    server_.start(foilog_bin(), all, dir_.path() / "serve.log");
  }

  [[nodiscard]] int port() const { return server_.port(); }
  [[nodiscard]] const ServeProcess& process() const { return server_; }
  [[nodiscard]] std::string log() const { return server_.log_text(); }
  [[nodiscard]] const std::filesystem::path& scratch() const { return dir_.path(); }
  [[nodiscard]] std::unique_ptr<httplib::Client> client(int timeout_s = 10) const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    c->set_read_timeout(timeout_s, 0);
    c->set_connection_timeout(timeout_s, 0);
    return c;
  }
  // "Alive" as the reliability list defines it: GET /search?q=test answers 200 within 1 s.
  [[nodiscard]] bool alive() const {
    auto c = client(1);
    const auto r = c->Get("/search?q=test");
    return r && r->status == 200;
  }

 private:
  TempDir dir_;  // first: outlives the server, which writes its log there
  ServeProcess server_;
};

// Status code of the first response in raw bytes ("HTTP/1.1 404 ..."), or "" when none.
inline std::string status_of(const std::string& reply) {
  return reply.size() >= 12 && reply.rfind("HTTP/1.", 0) == 0 ? reply.substr(9, 3) : "";
}

// How many responses a byte stream holds (status lines at line starts).
inline std::size_t responses_in(const std::string& bytes) {
  std::size_t n = bytes.rfind("HTTP/1.", 0) == 0 ? 1 : 0;
  for (auto at = bytes.find("\nHTTP/1."); at != std::string::npos;
       at = bytes.find("\nHTTP/1.", at + 1)) {
    ++n;
  }
  return n;
}

inline std::size_t count_of(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace foilog::testing
