#include "readers/sandbox.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>

#include "readers/format.h"
#include "readers/reader.h"
#include "readers/serialise.h"
#include "util/error.h"

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

// First byte of the child's message.
constexpr char kOk = 'O';
constexpr char kError = 'E';
constexpr char kOutOfMemory = 'M';

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string read_whole_file(const std::filesystem::path& file, std::uintmax_t size) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw IngestError(file.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit limit{soft, hard};
  ::setrlimit(resource, &limit);
}

// Runs in the forked child: never returns, never runs the parent's atexit handlers.
[[noreturn]] void run_child(int out_fd, std::string_view bytes, const SandboxLimits& limits,
                            const SandboxWork& work) {
  set_limit(RLIMIT_CORE, 0, 0);  // SIGXCPU would otherwise dump core
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(limits.cpu_seconds),
            static_cast<rlim_t>(limits.cpu_seconds) + 1);
#if !defined(FOILOG_UNDER_ASAN)
  // AddressSanitizer reserves terabytes of address space, so RLIMIT_AS cannot be used under it.
  set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.memory_bytes),
            static_cast<rlim_t>(limits.memory_bytes));
#endif
  std::string message;
  try {
    const std::string result = work(bytes);
    // The length lets the parent tell a whole result from one cut short by a dying child.
    std::string length(8, '\0');
    for (int i = 0; i < 8; ++i) {
      length[static_cast<std::size_t>(i)] =
          static_cast<char>((static_cast<std::uint64_t>(result.size()) >> (8 * i)) & 0xFF);
    }
    message = kOk + length + result;
  } catch (const IngestError& e) {
    message = std::string(1, kError) + e.reason();
  } catch (const std::bad_alloc&) {
    message = std::string(1, kOutOfMemory);
  } catch (const std::exception& e) {
    message = std::string(1, kError) + "parser failed: " + e.what();
  } catch (...) {
    message = std::string(1, kError) + "parser failed with an unknown error";
  }
  _exit(write_all(out_fd, message) ? 0 : 3);
}

// The result of a whole kOk message, or nullopt when it was cut short.
std::optional<std::string> whole_result(std::string_view body) {
  if (body.size() < 8) {
    return std::nullopt;
  }
  std::uint64_t length = 0;
  for (int i = 7; i >= 0; --i) {
    length = (length << 8) | static_cast<unsigned char>(body[static_cast<std::size_t>(i)]);
  }
  if (body.size() - 8 != length) {
    return std::nullopt;
  }
  return std::string(body.substr(8));
}

std::string megabytes(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MB";
}

struct ChildResult {
  std::string message;
  int status = 0;
  rusage usage{};
  bool timed_out = false;
};

ChildResult collect_child(pid_t pid, int in_fd, int wall_seconds) {
  ChildResult r;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wall_seconds);
  char buffer[65536];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      break;
    }
    pollfd p{in_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      continue;  // re-check the deadline
    }
    const ssize_t n = ::read(in_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;  // EOF: the child finished or died
    }
    r.message.append(buffer, static_cast<std::size_t>(n));
  }
  if (r.timed_out) {
    ::kill(pid, SIGKILL);
  }
  while (::wait4(pid, &r.status, 0, &r.usage) < 0 && errno == EINTR) {
  }
  return r;
}

double cpu_seconds(const rusage& u) {
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string interpret(const ChildResult& r, const std::string& filename,
                      const SandboxLimits& limits) {
  if (r.timed_out) {
    throw IngestError(filename,
                      "parser killed after " + std::to_string(limits.wall_seconds) + " s");
  }
  if (!r.message.empty()) {
    const std::string_view body = std::string_view(r.message).substr(1);
    switch (r.message.front()) {
      case kOk:
        if (auto result = whole_result(body)) {
          return std::move(*result);
        }
        break;  // cut short: fall through to how the child ended
      case kError:
        throw IngestError(filename, std::string(body));
      case kOutOfMemory:
        throw IngestError(
            filename, "parser ran out of memory (limit " + megabytes(limits.memory_bytes) + ")");
      default:
        break;
    }
  }
  if (WIFSIGNALED(r.status)) {
    const int sig = WTERMSIG(r.status);
    if (sig == SIGXCPU || (sig == SIGKILL && cpu_seconds(r.usage) >= limits.cpu_seconds)) {
      throw IngestError(filename,
                        "parser exceeded " + std::to_string(limits.cpu_seconds) + " s CPU limit");
    }
    // C libraries abort() or crash when an allocation fails under RLIMIT_AS; a child that died
    // that way with most of its allowance in use ran out of memory.
    const auto peak_bytes = static_cast<std::size_t>(r.usage.ru_maxrss) * 1024;
    if ((sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS) &&
        peak_bytes * 2 >= limits.memory_bytes) {
      throw IngestError(filename,
                        "parser ran out of memory (limit " + megabytes(limits.memory_bytes) + ")");
    }
    throw IngestError(filename, std::string("parser crashed (") + strsignal(sig) +
                                    "); the file is probably damaged");
  }
  throw IngestError(filename, "parser exited without a result (status " +
                                  std::to_string(WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1) +
                                  ")");
}

}  // namespace

DocumentText read_document_sandboxed(const std::filesystem::path& file,
                                     const SandboxLimits& limits) {
  const std::string filename = file.string();
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw IngestError(filename, "file not found");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw IngestError(filename, "not a regular file");
  }
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    throw IngestError(filename, "cannot read size: " + ec.message());
  }
  if (size > limits.max_file_bytes) {
    throw IngestError(filename, "file too large: " + std::to_string(size) + " bytes (limit " +
                                    std::to_string(limits.max_file_bytes) + ")");
  }
  if (size == 0) {
    throw IngestError(filename, "empty file");
  }
  const std::string bytes = read_whole_file(file, size);

  // Text, Markdown and HTML parsers are linear and bounded by the size check: no child needed.
  const DocumentFormat format = detect_format(bytes, filename);
  if (format == DocumentFormat::kText || format == DocumentFormat::kMarkdown ||
      format == DocumentFormat::kHtml) {
    return read_document(bytes, filename);
  }

  const std::string result = run_sandboxed(bytes, filename, limits, [&](std::string_view b) {
    return serialise(read_document(b, filename));
  });
  auto doc = deserialise(result);
  if (!doc) {
    throw IngestError(filename, "parser sent back a damaged result");
  }
  return std::move(*doc);
}

namespace {

// One forked child doing the work, collected (or killed at the wall-clock limit).
ChildResult run_child_once(std::string_view bytes, const std::string& filename,
                           const SandboxLimits& limits, const SandboxWork& work) {
  int fds[2];
  pid_t pid = -1;
  std::optional<Fd> read_end;
  {
    // Files are extracted on several threads. A child forked by another thread while this
    // pipe's write end is open in the parent would inherit it, and this parent would not see
    // EOF until that other child exited too: no fork may fall between pipe() and the close.
    static std::mutex fork_mutex;
    const std::lock_guard lock(fork_mutex);
    if (::pipe(fds) != 0) {
      throw IngestError(filename,
                        std::string("cannot start parser: pipe: ") + std::strerror(errno));
    }
    read_end.emplace(fds[0]);
    Fd write_end(fds[1]);
    pid = ::fork();
    if (pid < 0) {
      throw IngestError(filename,
                        std::string("cannot start parser: fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
      ::close(fds[0]);
      run_child(fds[1], bytes, limits, work);
    }
  }  // write_end closed: the parent sees EOF when the child exits
  return collect_child(pid, read_end->get(), limits.wall_seconds);
}

// A child killed at the wall-clock limit that used almost no CPU was blocked, not slow: a lock
// held by another of the parent's threads at the moment of fork() stays held for ever in the
// child. GCC 12's ASan allocator is one such lock (a child stuck in g_mime_init's first malloc,
// seen in the ASan suite: "parser killed after 60 s" for a letter the next run read at once).
bool blocked_not_slow(const ChildResult& r, const SandboxLimits& limits) {
  return r.timed_out && cpu_seconds(r.usage) < 0.1 * limits.wall_seconds;
}

}  // namespace

std::string run_sandboxed(std::string_view bytes, const std::string& filename,
                          const SandboxLimits& limits, const SandboxWork& work) {
  ChildResult result = run_child_once(bytes, filename, limits, work);
  if (blocked_not_slow(result, limits)) {
    result = run_child_once(bytes, filename, limits, work);  // once: a new fork, a new moment
  }
  return interpret(result, filename, limits);
}

}  // namespace foilog
