// Runs the real foilog executable (or any shell command) and captures what it
// printed.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace foilog::testing {

struct CommandResult {
  int status = -1;     // exit status, or 128+signal
  std::string output;  // stdout and stderr, interleaved
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  const std::string full = command + " 2>&1";
  FILE* pipe = popen(full.c_str(),
                     "r");  // NOLINT(cppcoreguidelines-owning-memory): closed below
  if (pipe == nullptr) {
    return r;
  }
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    r.output.append(buf.data(), n);
  }
  const int st = pclose(pipe);
  if (WIFEXITED(st)) {
    r.status = WEXITSTATUS(st);
  } else if (WIFSIGNALED(st)) {
    r.status = 128 + WTERMSIG(st);
  }
  return r;
}

inline std::string foilog_bin() {
  return FOILOG_EXECUTABLE;
}
inline std::filesystem::path source_dir() {
  return FOILOG_SOURCE_DIR;
}
inline std::string quote(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

// A fresh directory under the system temp dir, removed when the object goes
// away.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("foilog-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace foilog::testing
