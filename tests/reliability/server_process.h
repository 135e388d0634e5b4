// Child processes of the storage tests: any foilog subcommand (an indexer run beside a server or
// another indexer) with its output in a file, killed if the test ends first; and `foilog serve`
// through the shared helper (tests/support/serve_process.h).
#pragma once

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "integration/command.h"
#include "support/serve_process.h"

extern char** environ;

namespace foilog::testing {

// A child running FOILOG_EXECUTABLE with `args`; stdout and stderr go to `log_file`.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const std::filesystem::path& log_file,
               const std::vector<std::string>& extra_env = {})
      : log_(log_file) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> argv_strings = {foilog_bin()};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = extra_env;
    for (char** e = environ; *e != nullptr; ++e) {
      env_strings.emplace_back(*e);
    }
    std::vector<char*> envp;
    for (auto& e : env_strings) {
      envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      throw std::runtime_error("cannot start " + argv_strings[0]);
    }
  }
  ~ChildProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }

  // Exit status (or 128+signal) once it has ended; waits.
  int wait() {
    int st = 0;
    ::waitpid(pid_, &st, 0);
    pid_ = -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
  // SIGTERM, then wait.
  int stop() {
    ::kill(pid_, SIGTERM);
    return wait();
  }
  // Whether it has ended (reaps it, keeping the status for wait_status()).
  bool finished() {
    if (pid_ <= 0) {
      return true;
    }
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) {
      pid_ = -1;
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      return true;
    }
    return false;
  }
  [[nodiscard]] int finished_status() const { return status_; }

  [[nodiscard]] std::string log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int status_ = -1;
};

// Polls `condition` every 10 ms until it holds or `limit` passes; returns whether it held.
template <typename Condition>
bool wait_until(Condition&& condition, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// `foilog serve --db DB --port 0` through the shared spawn helper (tests/support), with the
// per-address rate limit off: these tests are many clients on one loopback address on purpose.
class ServerProcess {
 public:
  ServerProcess(const std::filesystem::path& db, const std::filesystem::path& log_file) {
    serve_.start(foilog_bin(),
                 {"--db", db.string(), "--port", "0", "--threads", "8", "--rate-limit", "0"},
                 log_file);
  }

  [[nodiscard]] int port() const { return serve_.port(); }
  [[nodiscard]] std::string log() const { return serve_.log_text(); }
  [[nodiscard]] bool running() const { return serve_.running(); }
  void stop() { serve_.stop(); }

  [[nodiscard]] std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", serve_.port());
    c->set_read_timeout(30, 0);
    c->set_connection_timeout(5, 0);
    return c;
  }

 private:
  ServeProcess serve_;
};

}  // namespace foilog::testing
