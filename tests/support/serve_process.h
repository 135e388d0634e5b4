// A `foilog serve` child process for HTTP tests: started with the given arguments on an
// ephemeral loopback port (the test reads the "listening on" line), its stderr (the access log
// and error detail) kept in a file the test can read, its memory readable, stopped at the end.
// Also raw_exchange(): bytes on a fresh socket, for requests no HTTP client would send.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace foilog::testing {

class ServeProcess {
 public:
  ServeProcess() = default;
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  ~ServeProcess() { stop(); }

  // Runs `bin serve ARGS...`, stderr into log; returns once it prints its address. Throws with
  // the log's text when it does not.
  void start(const std::string& bin, const std::vector<std::string>& serve_args,
             const std::filesystem::path& log) {
    log_ = log;
    int out[2];
    if (pipe(out) != 0) {
      throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string log_path = log.string();
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> args = {bin, "serve"};
    args.insert(args.end(), serve_args.begin(), serve_args.end());
    std::vector<char*> argv;
    for (auto& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      close(out[0]);
      throw std::runtime_error("cannot start " + bin);
    }
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') {
      line += c;
    }
    close(out[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
      throw std::runtime_error("foilog serve did not report its address: '" + line + "' " +
                               log_text());
    }
    port_ = std::stoi(line.substr(colon + 1));
  }

  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int st = 0;
      waitpid(pid_, &st, 0);
      pid_ = -1;
    }
  }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] bool running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }
  [[nodiscard]] std::string log_text() const {
    std::ifstream in(log_, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // Resident memory now, in KiB (VmRSS), or -1 when the process is gone.
  [[nodiscard]] long rss_kib() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::string key;
    while (in >> key) {
      if (key == "VmRSS:") {
        long v = -1;
        in >> v;
        return v;
      }
      in.ignore(1 << 12, '\n');
    }
    return -1;
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A loopback TCP connection as a file descriptor that closes itself; `from` picks the source
// address (any 127.x.y.z is this machine, so tests can be several clients).
class RawSocket {
 public:
  explicit RawSocket(int port, const char* from = nullptr) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    if (from != nullptr) {
      sockaddr_in local{};
      local.sin_family = AF_INET;
      inet_pton(AF_INET, from, &local.sin_addr);
      bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;
  ~RawSocket() {
    if (fd_ >= 0) {
      close(fd_);
    }
  }
  [[nodiscard]] bool connected() const { return connected_; }
  [[nodiscard]] int fd() const { return fd_; }

  void set_timeout_ms(int ms) const {
    timeval tv{ms / 1000, (ms % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  // Sends all of bytes; false once the peer has closed (or reset) the connection.
  bool send_all(const std::string& bytes) const {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        return false;
      }
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  // Everything until the peer closes or timeout of silence. *closed says which it was.
  std::string read_until_close(bool* closed = nullptr) const {
    std::string out;
    char buf[8192];
    ssize_t n = 0;
    while ((n = recv(fd_, buf, sizeof buf, 0)) > 0) {
      out.append(buf, static_cast<std::size_t>(n));
    }
    if (closed != nullptr) {
      *closed = n == 0 || (n < 0 && errno == ECONNRESET);
    }
    return out;
  }
  // One whole response (headers and a Content-Length body), or what came before a timeout.
  std::string read_response() const {
    std::string reply;
    char buf[4096];
    ssize_t n = 0;
    while ((n = recv(fd_, buf, sizeof buf, 0)) > 0) {
      reply.append(buf, static_cast<std::size_t>(n));
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
    return reply;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// Sends raw bytes on a fresh loopback connection and returns the first whole response (or what
// came before timeout_ms of silence).
inline std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 3000) {
  const RawSocket s(port);
  if (!s.connected()) {
    return {};
  }
  s.set_timeout_ms(timeout_ms);
  s.send_all(bytes);
  return s.read_response();
}

}  // namespace foilog::testing
