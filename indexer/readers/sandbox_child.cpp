#include "readers/sandbox_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <map>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "readers/sandbox_protocol.h"
#include "readers/sandbox_task.h"
#include "util/error.h"
#include "util/fd.h"

// GCC defines __SANITIZE_ADDRESS__ under -fsanitize=address; clang 14 only answers
// __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define FOILOG_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FOILOG_UNDER_ASAN 1
#endif
#endif

namespace foilog {
namespace {

namespace protocol = sandbox_protocol;

// Exit status of a child that could not send its message; the indexer reports it as
// "parser exited without a result (status 3)".
constexpr int kCannotWrite = 3;

std::string read_all(int fd) {
  std::string bytes;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return bytes;
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

bool parse_number(std::string_view text, std::uint64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit limit{soft, hard};
  ::setrlimit(resource, &limit);
}

std::string ok_message(const std::string& result) {
  std::string length(8, '\0');
  for (int i = 0; i < 8; ++i) {
    length[static_cast<std::size_t>(i)] =
        static_cast<char>((static_cast<std::uint64_t>(result.size()) >> (8 * i)) & 0xFF);
  }
  return protocol::kOk + length + result;
}

struct Request {
  std::string task;
  std::string filename;
  std::uint64_t cpu_seconds = 0;
  std::uint64_t memory_bytes = 0;
  int input = -1;
  int result = -1;
  int control = -1;
};

// In the forked child: limits, the task, its one message on kResultFd. Never returns; _exit, so
// that none of the launcher's atexit handlers or static destructors run.
[[noreturn]] void run_task(const Request& r) {
  set_limit(RLIMIT_CORE, 0, 0);  // SIGXCPU would otherwise dump core
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(r.cpu_seconds), static_cast<rlim_t>(r.cpu_seconds) + 1);
#if !defined(FOILOG_UNDER_ASAN)
  // AddressSanitizer reserves terabytes of address space, so RLIMIT_AS cannot be used under it.
  set_limit(RLIMIT_AS, static_cast<rlim_t>(r.memory_bytes), static_cast<rlim_t>(r.memory_bytes));
#endif
  std::string message;
  try {
    const std::string bytes = read_all(STDIN_FILENO);
    const SandboxTask* task = SandboxTask::find(r.task);
    if (task == nullptr) {
      throw IngestError(r.filename, "no sandbox task is named '" + r.task + "'");
    }
    message = ok_message(task->run()(bytes, r.filename));
  } catch (const IngestError& e) {
    message = std::string(1, protocol::kError) + e.reason();
  } catch (const std::bad_alloc&) {
    message = std::string(1, protocol::kOutOfMemory);
  } catch (const std::exception& e) {
    message = std::string(1, protocol::kError) + "parser failed: " + e.what();
  } catch (...) {
    message = std::string(1, protocol::kError) + "parser failed with an unknown error";
  }
  _exit(write_all(protocol::kResultFd, message) ? 0 : kCannotWrite);
}

// Reads one request; false at EOF (the indexer is gone). A malformed request is dropped, its
// descriptors closed: closing the control socket tells the indexer.
bool receive(Request& r, bool& well_formed) {
  char payload[protocol::kMaxRequestBytes];
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * protocol::kRequestDescriptors)];
  iovec iov{payload, sizeof payload};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n = 0;
  do {
    n = ::recvmsg(protocol::kRequestFd, &msg, MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    return false;
  }
  std::vector<int> fds;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      for (std::size_t i = 0; i < count; ++i) {
        int fd = -1;
        std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
        fds.push_back(fd);
      }
    }
  }
  std::vector<std::string_view> fields;
  std::string_view rest(payload, static_cast<std::size_t>(n));
  for (std::size_t nul = rest.find('\0'); nul != std::string_view::npos; nul = rest.find('\0')) {
    fields.push_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
  }
  fields.push_back(rest);
  well_formed = fds.size() == protocol::kRequestDescriptors && fields.size() == 4 &&
                (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) == 0 &&
                parse_number(fields[2], r.cpu_seconds) && parse_number(fields[3], r.memory_bytes);
  if (!well_formed) {
    for (const int fd : fds) {
      ::close(fd);
    }
    return true;
  }
  r.task = fields[0];
  r.filename = fields[1];
  r.input = fds[0];
  r.result = fds[1];
  r.control = fds[2];
  return true;
}

void send_to(int control, std::string_view message) {
  // MSG_NOSIGNAL: an indexer thread that gave up must not kill the launcher with SIGPIPE.
  (void)::send(control, message.data(), message.size(), MSG_NOSIGNAL);
}

template <typename T>
std::string with(char kind, const T& value) {
  std::string out(1, kind);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
  return out;
}

// Descriptors 0-2 open (on /dev/null if need be), so that no received descriptor takes one of
// their numbers and is overwritten when a child's input is placed on 0.
void ensure_stdio_open() {
  for (int fd = 0; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) < 0) {
      const int null = ::open("/dev/null", O_RDWR);
      if (null >= 0 && null != fd) {
        ::dup2(null, fd);
        ::close(null);
      }
    }
  }
}

struct Child {
  int control = -1;
  bool listening = true;  // whether its control socket is still polled
};

// The launcher: single-threaded, it forks a child per request and reports how each ended.
[[noreturn]] void run_zygote() {
  ensure_stdio_open();
  // exec keeps an ignored signal ignored: started by an indexer (or a supervisor above it) that
  // ignores SIGCHLD, the kernel would reap the children before wait4 could report how they
  // ended.
  ::signal(SIGCHLD, SIG_DFL);
  sigset_t chld;
  sigset_t original;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  ::sigprocmask(SIG_BLOCK, &chld, &original);
  const int child_exits = ::signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
  if (child_exits < 0) {
    _exit(5);
  }
  std::map<pid_t, Child> children;
  bool accepting = true;
  while (accepting || !children.empty()) {
    std::vector<pollfd> polled;
    std::vector<pid_t> polled_pids;
    if (accepting) {
      polled.push_back({protocol::kRequestFd, POLLIN, 0});
    }
    polled.push_back({child_exits, POLLIN, 0});
    for (const auto& [pid, child] : children) {
      if (child.listening) {
        polled.push_back({child.control, POLLIN, 0});
        polled_pids.push_back(pid);
      }
    }
    if (::poll(polled.data(), polled.size(), -1) < 0) {
      continue;  // EINTR
    }
    std::size_t at = 0;
    if (accepting && polled[at++].revents != 0) {
      Request r;
      bool well_formed = false;
      if (!receive(r, well_formed)) {
        // The indexer has gone: its parsers go with it.
        accepting = false;
        for (auto& [pid, child] : children) {
          ::kill(pid, SIGKILL);
        }
      } else if (well_formed) {
        const pid_t pid = ::fork();
        if (pid == 0) {
          ::sigprocmask(SIG_SETMASK, &original, nullptr);
          ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a launcher killed outright takes them along
          ::dup2(r.input, STDIN_FILENO);
          ::dup2(r.result, protocol::kResultFd);  // over the request socket, not a child's
          ::close_range(protocol::kResultFd + 1, ~0U, 0);
          run_task(r);
        }
        ::close(r.input);
        ::close(r.result);
        if (pid < 0) {
          send_to(r.control, with(protocol::kForkFailed, errno));
          ::close(r.control);
        } else {
          send_to(r.control, with(protocol::kStarted, pid));
          children[pid] = Child{r.control, true};
        }
      }
    }
    if (polled[at++].revents != 0) {
      signalfd_siginfo info{};
      while (::read(child_exits, &info, sizeof info) == sizeof info) {
      }
      int status = 0;
      rusage usage{};
      pid_t pid = 0;
      while ((pid = ::wait4(-1, &status, WNOHANG, &usage)) > 0) {
        const auto it = children.find(pid);
        if (it == children.end()) {
          continue;
        }
        std::string ended(1, protocol::kEnded);
        ended.append(reinterpret_cast<const char*>(&status), sizeof status);
        ended.append(reinterpret_cast<const char*>(&usage), sizeof usage);
        send_to(it->second.control, ended);
        ::close(it->second.control);
        children.erase(it);
      }
    }
    for (std::size_t i = 0; i < polled_pids.size(); ++i, ++at) {
      if (polled[at].revents == 0) {
        continue;
      }
      const auto it = children.find(polled_pids[i]);
      if (it == children.end()) {
        continue;  // reaped above
      }
      char command = 0;
      const ssize_t n = ::recv(it->second.control, &command, 1, MSG_DONTWAIT);
      if (n == 1 && command != protocol::kKill) {
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        continue;
      }
      // kKill, or the indexer's thread closed its end: either way the child must go. Not
      // reaped yet, so the pid is still this child's.
      ::kill(polled_pids[i], SIGKILL);
      it->second.listening = false;
    }
  }
  _exit(0);
}

}  // namespace

void run_as_sandbox_child_if_asked(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == protocol::kZygoteFlag) {
    run_zygote();
  }
}

}  // namespace foilog
