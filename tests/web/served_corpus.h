// One `foilog serve` for the HTTP tests: the sample corpus (data/corpus, data/seeds) plus a
// hostile fixture letter, indexed into a temp store, served on an ephemeral loopback port.
// Started once per test binary (index + start take about a second), stopped at exit.
#pragma once

#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>

#include "integration/command.h"

extern char** environ;

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

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::filesystem::path& db() const { return db_; }
  [[nodiscard]] std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_read_timeout(30, 0);
    return c;
  }
  // GET that fails the test on a transport error.
  [[nodiscard]] httplib::Result get(const std::string& path) const { return client()->Get(path); }

  ~ServedCorpus() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int st = 0;
      waitpid(pid_, &st, 0);
    }
  }

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
    int out[2];
    if (pipe(out) != 0) {
      throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string bin = foilog_bin();
    const std::string db = db_.string();
    std::vector<std::string> args = {bin, "serve", "--db", db, "--port", "0", "--threads", "4"};
    std::vector<char*> argv;
    for (auto& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start " + bin);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') {
      line += c;
    }
    close(out[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
      throw std::runtime_error("foilog serve did not report its address: '" + line + "'");
    }
    port_ = std::stoi(line.substr(colon + 1));
  }

  TempDir dir_;
  std::filesystem::path db_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Sends raw bytes on a fresh loopback connection and returns everything the server sent back
// before closing (or until timeout_ms of silence).
inline std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 3000) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return {};
  }
  timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      break;
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  char buf[4096];
  ssize_t n = 0;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
    reply.append(buf, static_cast<std::size_t>(n));
    // One whole response is enough: the server may keep the connection open.
    const auto end = reply.find("\r\n\r\n");
    if (end != std::string::npos) {
      const auto cl = reply.find("Content-Length: ");
      const std::size_t length =
          cl != std::string::npos && cl < end ? std::stoul(reply.substr(cl + 16)) : 0;
      if (reply.size() >= end + 4 + length) {
        break;
      }
    }
  }
  close(fd);
  return reply;
}

}  // namespace foilog::testing
