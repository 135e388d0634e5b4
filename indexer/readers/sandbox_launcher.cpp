#include "readers/sandbox_launcher.h"

#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iterator>
#include <mutex>
#include <string_view>
#include <thread>

#include "readers/sandbox_protocol.h"
#include "util/error.h"

namespace foilog {
namespace {

namespace protocol = sandbox_protocol;

class SpawnActions {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  // dup2 onto `to` also clears close-on-exec there, even when from == to (glibc >= 2.29).
  void dup2(int from, int to) { ::posix_spawn_file_actions_adddup2(&actions_, from, to); }
  [[nodiscard]] const posix_spawn_file_actions_t* get() const { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

std::string cannot_start(const std::string& what, int err) {
  return "cannot start parser: " + what + ": " + std::strerror(err);
}

// The one launcher of this process.
class Launcher {
 public:
  // Sends the request and returns the pid of the launcher that took it. Starts the launcher
  // when there is none and once more when it has died (a send to a dead one fails with EPIPE).
  pid_t send(const std::string& payload, const int (&fds)[protocol::kRequestDescriptors],
             const std::string& filename) {
    const std::lock_guard lock(mutex_);
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!socket_.valid()) {
        start(filename);
      }
      if (send_once(payload, fds)) {
        return pid_;
      }
      const int err = errno;
      if (err != EPIPE && err != ECONNREFUSED && err != ECONNRESET && err != ENOTCONN) {
        throw IngestError(filename, cannot_start("sending the request", err));
      }
      stop();
    }
    throw IngestError(filename, "cannot start parser: the launcher died twice on starting");
  }

  // A request to launcher `pid` got no answer: the launcher died with the request unread. Once
  // it is reaped (a dying process takes a moment), the next send starts a new one. False when
  // it is still alive: then it is not the launcher's death that lost the request.
  bool forget_if_dead(pid_t pid) {
    const std::lock_guard lock(mutex_);
    if (pid != pid_) {
      return true;  // another thread has already replaced it
    }
    for (int i = 0; i < 200; ++i) {
      // ECHILD: already reaped, by the kernel when this process ignores SIGCHLD.
      const pid_t reaped = ::waitpid(pid_, nullptr, WNOHANG);
      if (reaped == pid_ || (reaped < 0 && errno == ECHILD)) {
        pid_ = -1;
        socket_.reset();
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  void start(const std::string& filename) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
      throw IngestError(filename, cannot_start("socketpair", errno));
    }
    Fd ours(pair[0]);
    const Fd theirs(pair[1]);
    SpawnActions actions;
    actions.dup2(theirs.get(), protocol::kRequestFd);
    std::string program_name(protocol::kProgramName);
    std::string flag(protocol::kZygoteFlag);
    char* const argv[] = {program_name.data(), flag.data(), nullptr};
    // /proc/self/exe, not a path: the very program this process runs, even if its file has
    // since been replaced or removed.
    const int rc = ::posix_spawn(&pid_, "/proc/self/exe", actions.get(), nullptr, argv, environ);
    if (rc != 0) {
      throw IngestError(filename, cannot_start("posix_spawn", rc));
    }
    socket_ = std::move(ours);
  }

  // The launcher is gone (or going): close its socket, which makes it exit, and reap it.
  void stop() {
    socket_.reset();
    if (pid_ > 0) {
      while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
      }
      pid_ = -1;
    }
  }

  bool send_once(const std::string& payload, const int (&fds)[protocol::kRequestDescriptors]) {
    iovec iov{const_cast<char*>(payload.data()), payload.size()};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof fds)] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    std::memcpy(CMSG_DATA(c), fds, sizeof fds);
    ssize_t n = 0;
    do {
      n = ::sendmsg(socket_.get(), &msg, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n == static_cast<ssize_t>(payload.size());
  }

  std::mutex mutex_;
  Fd socket_;
  pid_t pid_ = -1;
};

Launcher& launcher() {
  static Launcher instance;
  return instance;
}

}  // namespace

LaunchedChild launch_sandboxed_child(const SandboxTask& task, const std::string& filename,
                                     const SandboxLimits& limits, const Fd& input,
                                     const Fd& result_write) {
  std::string payload = task.name();
  payload += '\0';
  payload += filename;
  payload += '\0';
  payload += std::to_string(limits.cpu_seconds);
  payload += '\0';
  payload += std::to_string(limits.memory_bytes);
  if (payload.size() > protocol::kMaxRequestBytes) {
    throw IngestError(filename, "cannot start parser: the file name is too long");
  }
  // Twice: a launcher that died between two requests loses the one sent to it.
  for (int attempt = 0; attempt < 2; ++attempt) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
      throw IngestError(filename, cannot_start("socketpair", errno));
    }
    LaunchedChild child;
    child.control = Fd(pair[0]);
    pid_t launcher_pid = -1;
    {
      const Fd launcher_end(pair[1]);
      const int fds[protocol::kRequestDescriptors] = {input.get(), result_write.get(),
                                                      launcher_end.get()};
      launcher_pid = launcher().send(payload, fds, filename);
    }  // the launcher has its own copy now; without ours, its death means EOF here

    char reply[1 + sizeof(int) + sizeof(pid_t)] = {};
    ssize_t n = 0;
    do {
      n = ::recv(child.control.get(), reply, sizeof reply, 0);
    } while (n < 0 && errno == EINTR);
    if (n == 1 + static_cast<ssize_t>(sizeof(pid_t)) && reply[0] == protocol::kStarted) {
      std::memcpy(&child.pid, reply + 1, sizeof child.pid);
      return child;
    }
    if (n == 1 + static_cast<ssize_t>(sizeof(int)) && reply[0] == protocol::kForkFailed) {
      int err = 0;
      std::memcpy(&err, reply + 1, sizeof err);
      throw IngestError(filename, cannot_start("fork", err));
    }
    if (!launcher().forget_if_dead(launcher_pid)) {
      break;
    }
  }
  throw IngestError(filename, "cannot start parser: the launcher stopped answering");
}

}  // namespace foilog
