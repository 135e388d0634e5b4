// The sandbox's launcher and its parsers must not outlive the indexer: killed with SIGKILL (no
// clean-up of its own), foilog index's launcher sees its request socket close, kills the parser
// it forked and exits.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fixtures.h"

namespace foilog {
namespace {

// pid's parent and state from /proc/PID/stat, or nullopt once it is gone. A zombie counts as
// gone: whether it has been reaped depends on who PID 1 is.
struct ProcessState {
  pid_t parent = 0;
  char state = '?';
};
std::optional<ProcessState> process_state(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) {
    return std::nullopt;
  }
  // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses, so read after the last ')'.
  std::istringstream rest(line.substr(line.rfind(')') + 1));
  ProcessState s;
  rest >> s.state >> s.parent;
  if (s.state == 'Z' || s.state == 'X') {
    return std::nullopt;
  }
  return s;
}

std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const auto pid = static_cast<pid_t>(std::stol(name));
    const auto s = process_state(pid);
    if (s && s->parent == parent) {
      out.push_back(pid);
    }
  }
  return out;
}

template <typename Condition>
bool within(std::chrono::seconds limit, Condition&& condition) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TEST(SandboxOrphans, KillingTheIndexerTakesItsLauncherAndParsersWithIt) {
  const testing::TempDir dir;
  std::filesystem::create_directory(dir.path() / "in");
  // ~4 GB of whitespace when inflated: a parser busy for longer than this test.
  (void)dir.write("in/bomb.pdf", testing::make_bomb_pdf(16u << 20));
  const std::string db = (dir.path() / "db").string();
  const std::string in = (dir.path() / "in").string();
  std::vector<std::string> args = {
      FOILOG_EXECUTABLE, "index", "--quiet",   "--db", db, "--cpu-limit", "120",
      "--timeout",       "120",   "--threads", "1",    in};
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  pid_t indexer = -1;
  ASSERT_EQ(::posix_spawn(&indexer, argv[0], nullptr, nullptr, argv.data(), environ), 0);

  pid_t launcher = -1;
  pid_t parser = -1;
  const bool parsing = within(std::chrono::seconds(60), [&] {
    for (const pid_t l : children_of(indexer)) {
      const auto parsers = children_of(l);
      if (!parsers.empty()) {
        launcher = l;
        parser = parsers.front();
        return true;
      }
    }
    return false;
  });
  ::kill(indexer, SIGKILL);
  ::waitpid(indexer, nullptr, 0);
  ASSERT_TRUE(parsing) << "no parser was seen under the indexer's launcher";

  EXPECT_TRUE(within(std::chrono::seconds(5), [&] { return !process_state(parser); }))
      << "parser " << parser << " outlived the indexer";
  EXPECT_TRUE(within(std::chrono::seconds(5), [&] { return !process_state(launcher); }))
      << "launcher " << launcher << " outlived the indexer";
}

}  // namespace
}  // namespace foilog
