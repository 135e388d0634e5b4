#include "readers/sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "readers/format.h"
#include "readers/reader.h"
#include "readers/sandbox_launcher.h"
#include "readers/sandbox_protocol.h"
#include "readers/serialise.h"
#include "util/error.h"
#include "util/fd.h"

namespace foilog {
namespace {

namespace protocol = sandbox_protocol;

// How long the launcher may take to report a child's end once its result pipe has closed.
constexpr int kLauncherAnswerMs = 10000;

// The readers' work in a child: bytes in, the serialised DocumentText out.
const SandboxTask kReadDocument("read-document",
                                [](std::string_view bytes, const std::string& filename) {
                                  return serialise(read_document(bytes, filename));
                                });

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

// Reads the child's message until EOF on the result pipe, then how it ended from the launcher;
// past the wall-clock deadline, has the launcher kill it first.
ChildResult collect_child(LaunchedChild& child, int result_fd, int wall_seconds,
                          const std::string& filename) {
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
    pollfd p{result_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      continue;  // re-check the deadline
    }
    const ssize_t n = ::read(result_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;  // EOF: the child finished or died
    }
    r.message.append(buffer, static_cast<std::size_t>(n));
  }
  if (r.timed_out) {
    const char kill = protocol::kKill;
    (void)::send(child.control.get(), &kill, 1, MSG_NOSIGNAL);
  }
  // The launcher answers as soon as it has reaped the child: at once after EOF, or after the
  // kill. A bound all the same, so that a launcher gone wrong fails the file, never hangs the run.
  pollfd control{child.control.get(), POLLIN, 0};
  int ready = 0;
  do {
    ready = ::poll(&control, 1, kLauncherAnswerMs);
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) {
    throw IngestError(filename, "parser's launcher did not say how the parser ended");
  }
  char ended[1 + sizeof(int) + sizeof(rusage)] = {};
  ssize_t n = 0;
  do {
    n = ::recv(child.control.get(), ended, sizeof ended, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof ended) || ended[0] != protocol::kEnded) {
    throw IngestError(filename, "parser's launcher died before the parser ended");
  }
  std::memcpy(&r.status, ended + 1, sizeof r.status);
  std::memcpy(&r.usage, ended + 1 + sizeof r.status, sizeof r.usage);
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
      case protocol::kOk:
        if (auto result = whole_result(body)) {
          return std::move(*result);
        }
        break;  // cut short: fall through to how the child ended
      case protocol::kError:
        throw IngestError(filename, std::string(body));
      case protocol::kOutOfMemory:
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

  const std::string result = run_sandboxed(bytes, filename, limits, kReadDocument);
  auto doc = deserialise(result);
  if (!doc) {
    throw IngestError(filename, "parser sent back a damaged result");
  }
  return std::move(*doc);
}

namespace {

// The file's bytes in an anonymous in-memory file: the child's standard input.
Fd input_file(std::string_view bytes, const std::string& filename) {
  Fd fd(::memfd_create("foilog-sandbox-input", MFD_CLOEXEC));
  if (!fd.valid()) {
    throw IngestError(filename,
                      std::string("cannot start parser: memfd_create: ") + std::strerror(errno));
  }
  if (!write_all(fd.get(), bytes) || ::lseek(fd.get(), 0, SEEK_SET) != 0) {
    throw IngestError(
        filename, std::string("cannot start parser: writing its input: ") + std::strerror(errno));
  }
  return fd;
}

// One child doing the task, collected (or killed at the wall-clock limit). Every descriptor is
// close-on-exec and the launcher closes its copies once the child has them, so no other child
// holds this one's result pipe open: EOF comes as soon as this child exits.
ChildResult run_child_once(std::string_view bytes, const std::string& filename,
                           const SandboxLimits& limits, const SandboxTask& task) {
  const Fd input = input_file(bytes, filename);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw IngestError(filename, std::string("cannot start parser: pipe: ") + std::strerror(errno));
  }
  const Fd read_end(fds[0]);
  Fd write_end(fds[1]);
  LaunchedChild child = launch_sandboxed_child(task, filename, limits, input, write_end);
  write_end.reset();  // the child's copy is the only one left
  return collect_child(child, read_end.get(), limits.wall_seconds, filename);
}

}  // namespace

std::string run_sandboxed(std::string_view bytes, const std::string& filename,
                          const SandboxLimits& limits, const SandboxTask& task) {
  return interpret(run_child_once(bytes, filename, limits, task), filename, limits);
}

}  // namespace foilog
