#include "readers/sandbox_child.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "readers/sandbox_protocol.h"
#include "readers/sandbox_task.h"
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

namespace protocol = sandbox_protocol;

// Exit statuses of a child that could not send a message; the parent reports them as
// "parser exited without a result (status N)".
constexpr int kBadArguments = 4;
constexpr int kCannotWrite = 3;

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
  return ec == std::errc() && end == text.data() + text.size();
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

}  // namespace

void run_as_sandbox_child_if_asked(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) != protocol::kChildFlag) {
    return;
  }
  std::uint64_t cpu_seconds = 0;
  std::uint64_t memory_bytes = 0;
  if (argc != protocol::kArgumentCount || !parse_number(argv[4], cpu_seconds) ||
      !parse_number(argv[5], memory_bytes)) {
    _exit(kBadArguments);
  }
  set_limit(RLIMIT_CORE, 0, 0);  // SIGXCPU would otherwise dump core
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(cpu_seconds), static_cast<rlim_t>(cpu_seconds) + 1);
#if !defined(FOILOG_UNDER_ASAN)
  // AddressSanitizer reserves terabytes of address space, so RLIMIT_AS cannot be used under it.
  set_limit(RLIMIT_AS, static_cast<rlim_t>(memory_bytes), static_cast<rlim_t>(memory_bytes));
#endif
  const std::string filename = argv[3];
  std::string message;
  try {
    const std::string bytes = read_all(STDIN_FILENO);
    const SandboxTask* task = SandboxTask::find(argv[2]);
    if (task == nullptr) {
      throw IngestError(filename, std::string("no sandbox task is named '") + argv[2] + "'");
    }
    message = ok_message(task->run()(bytes, filename));
  } catch (const IngestError& e) {
    message = std::string(1, protocol::kError) + e.reason();
  } catch (const std::bad_alloc&) {
    message = std::string(1, protocol::kOutOfMemory);
  } catch (const std::exception& e) {
    message = std::string(1, protocol::kError) + "parser failed: " + e.what();
  } catch (...) {
    message = std::string(1, protocol::kError) + "parser failed with an unknown error";
  }
  // _exit: the child must not run the atexit handlers or static destructors of the program
  // it was started as.
  _exit(write_all(protocol::kResultFd, message) ? 0 : kCannotWrite);
}

}  // namespace foilog
