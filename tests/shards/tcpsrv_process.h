// A `xapian-tcpsrv` child serving one shard's Xapian database on a loopback port, stopped when
// the object goes away. xapian-tcpsrv has no --port 0, so a free port is found by binding port 0
// and closing it, and the start is retried on another port if the server exits (someone took the
// port in between) or never accepts a connection. It runs in its own process group, which
// stop() ends: the server and the children it forks for each connection.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace foilog::testing {

inline int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) {
      close(fd);
    }
    throw std::runtime_error("cannot find a free loopback port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

inline bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

class TcpServer {
 public:
  TcpServer() = default;
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;
  ~TcpServer() { stop(); }

  // Serves database (a Xapian directory) on a free port; its output goes to log.
  void start(const std::filesystem::path& database, const std::filesystem::path& log) {
    database_ = database;
    log_ = log;
    for (int attempt = 0; attempt < 10; ++attempt) {
      if (start_on(free_loopback_port())) {
        return;
      }
    }
    throw std::runtime_error("xapian-tcpsrv would not start for " + database.string() + " (see " +
                             log.string() + "; is xapian-tools installed?)");
  }

  // Starts it again on the port it had (after stop()); false when that port is taken now.
  bool restart() { return start_on(port_); }

  void stop() {
    if (pid_ > 0) {
      kill(-pid_, SIGTERM);
      int st = 0;
      waitpid(pid_, &st, 0);
      pid_ = -1;
    }
  }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  bool start_on(int port) {
    port_ = port;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log_path = log_.string();
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> args = {"xapian-tcpsrv", "--port",    std::to_string(port),
                                     "--interface",   "127.0.0.1", database_.string()};
    std::vector<char*> argv;
    for (auto& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (to end the
    // children serving connections), which would otherwise include this test.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    const int rc = posix_spawnp(&pid_, "xapian-tcpsrv", &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      pid_ = -1;
      throw std::runtime_error("cannot run xapian-tcpsrv: install xapian-tools");
    }
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;  // it exited: the port was taken
        return false;
      }
      if (accepts_connections(port)) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop();
    return false;
  }

  std::filesystem::path database_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace foilog::testing
