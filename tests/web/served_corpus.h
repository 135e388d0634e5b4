// One `foilog serve` for the HTTP tests: the sample corpus (data/corpus, data/seeds) plus a
// hostile fixture letter, indexed into a temp store, served on an ephemeral loopback port.
// Started once per test binary (index + start take about a second), stopped at exit.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "integration/command.h"
#include "support/serve_process.h"

namespace foilog::testing {

// The store: data/corpus, data/seeds and tests/web/fixtures (two hostile letters: one injecting
// markup through every field the pages show, written as entities so the reader's text really
// holds "<script>..."; one whose title would run as a spreadsheet formula). ctest builds it once
// (the web_corpus_setup fixture, into FOILOG_WEB_CORPUS_DB) so each test process only starts a
// server; run alone, a test binary indexes its own copy.
class ServedCorpus {
 public:
  static ServedCorpus& get() {
    static ServedCorpus instance;
    return instance;
  }
  ServedCorpus(const ServedCorpus&) = delete;
  ServedCorpus& operator=(const ServedCorpus&) = delete;

  [[nodiscard]] int port() const { return server_.port(); }
  // What the server wrote to stderr: the access log and the detail of any failure.
  [[nodiscard]] std::string log() const { return server_.log_text(); }
  [[nodiscard]] const std::filesystem::path& db() const { return db_; }
  [[nodiscard]] std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    c->set_read_timeout(30, 0);
    return c;
  }
  // GET that fails the test on a transport error.
  [[nodiscard]] httplib::Result get(const std::string& path) const { return client()->Get(path); }

 private:
  ServedCorpus() {
#ifdef FOILOG_WEB_CORPUS_DB
    const std::filesystem::path shared(FOILOG_WEB_CORPUS_DB);
    if (std::filesystem::exists(shared / "foilog.sqlite")) {
      db_ = shared;
      start_server();
      return;
    }
#endif
    db_ = dir_.path() / "db";
    const auto src = source_dir();
    const auto r = run_command(
        foilog_bin() + " index --db " + quote(db_) + " " + quote(src / "data" / "corpus") + " " +
        quote(src / "data" / "seeds") + " " + quote(src / "tests" / "web" / "fixtures"));
    if (r.status != 0) {
      throw std::runtime_error("indexing the test corpus failed: " + r.output);
    }
    start_server();
  }

  void start_server() {
    server_.start(foilog_bin(),
                  {"--db", db_.string(), "--port", "0", "--threads", "4", "--rate-limit", "0"},
                  dir_.path() / "serve.log");
  }

  TempDir dir_;
  std::filesystem::path db_;
  ServeProcess server_;
};

}  // namespace foilog::testing
