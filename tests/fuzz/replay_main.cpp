// Replays a fuzz target's corpus without libFuzzer, so every build (gcc or clang, normal or
// ASan+UBSan) runs each seed and every regression input through the target: `fuzz_replay_NAME
// DIR_OR_FILE...`. Fails when an input crashes, trips a sanitizer, lets an unexpected exception
// escape (std::terminate), takes longer than kPerInputSeconds, or when there is nothing to
// replay (a mistyped corpus path must not pass).
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// Far above any seed's time under ASan (the slowest take ~1 s); a hang names its input.
constexpr unsigned kPerInputSeconds = 60;

// The input being replayed, for the alarm handler (which may only use async-signal-safe calls).
char g_current[4096] = "";

extern "C" void on_alarm(int /*sig*/) {
  const char prefix[] = "replay: input took too long (a hang?): ";
  (void)!::write(STDERR_FILENO, prefix, sizeof prefix - 1);
  (void)!::write(STDERR_FILENO, g_current, std::strlen(g_current));
  (void)!::write(STDERR_FILENO, "\n", 1);
  ::_exit(1);
}

std::vector<std::filesystem::path> inputs_below(const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> files;
  for (const auto& arg : args) {
    const std::filesystem::path p(arg);
    if (std::filesystem::is_directory(p)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(p)) {
        if (entry.is_regular_file()) {
          files.push_back(entry.path());
        }
      }
    } else if (std::filesystem::is_regular_file(p)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", arg.c_str());
      std::exit(2);
    }
  }
  std::sort(files.begin(), files.end());  // same order every run
  return files;
}

std::vector<std::uint8_t> slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  const auto files = inputs_below(std::vector<std::string>(argv + 1, argv + argc));
  if (files.empty()) {
    std::fprintf(stderr, "replay: nothing to replay (usage: %s DIR_OR_FILE...)\n", argv[0]);
    return 2;
  }
  std::signal(SIGALRM, on_alarm);
  for (const auto& file : files) {
    std::snprintf(g_current, sizeof g_current, "%s", file.c_str());
    // Printed before running, so a crash's output ends with the input that caused it.
    std::printf("replay: %s\n", g_current);
    std::fflush(stdout);
    // An empty vector's data() may be null; libFuzzer passes a valid pointer for size 0.
    std::vector<std::uint8_t> bytes = slurp(file);
    bytes.reserve(1);
    ::alarm(kPerInputSeconds);
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    ::alarm(0);
  }
  std::printf("replay: %zu inputs, no findings\n", files.size());
  return 0;
}
