#include "ingest/fault_injection.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "util/error.h"

namespace foilog {
namespace {

// N of "KEY:N", or 0 when spec does not start with KEY:.
std::size_t count_after(const std::string& spec, const std::string& key) {
  const std::string head = key + ":";
  if (spec.rfind(head, 0) != 0) {
    return 0;
  }
  const std::size_t n = std::strtoul(spec.c_str() + head.size(), nullptr, 10);
  if (n == 0) {
    throw UsageError("FOILOG_FAULT", "'" + spec + "' needs a count of 1 or more after the colon");
  }
  return n;
}

}  // namespace

FaultInjector FaultInjector::from_environment() {
  FaultInjector f;
  const char* spec = std::getenv("FOILOG_FAULT");
  if (spec == nullptr || *spec == '\0') {
    return f;
  }
  const std::string s = spec;
  if (const auto n = count_after(s, "sigkill_after"); n != 0) {
    f.kill_after_put_ = n;
  } else if (const auto n = count_after(s, "sigkill_after_sqlite_commit"); n != 0) {
    f.kill_at_commit_ = n;
    f.kill_stage_ = CommitStage::kSqliteCommitted;
  } else if (const auto n = count_after(s, "sigkill_after_xapian_commit"); n != 0) {
    f.kill_at_commit_ = n;
    f.kill_stage_ = CommitStage::kXapianCommitted;
  } else if (const auto n = count_after(s, "pause_after"); n != 0) {
    const std::size_t file_at = s.find(':', std::string("pause_after:").size());
    if (file_at == std::string::npos || file_at + 1 == s.size()) {
      throw UsageError("FOILOG_FAULT",
                       "'" + s + "' needs a file after the count (pause_after:N:FILE)");
    }
    f.pause_after_put_ = n;
    f.resume_file_ = s.substr(file_at + 1);
  } else {
    throw UsageError("FOILOG_FAULT", "unknown fault '" + s +
                                         "' (sigkill_after:N, sigkill_after_sqlite_commit:N, "
                                         "sigkill_after_xapian_commit:N or pause_after:N:FILE)");
  }
  return f;
}

void FaultInjector::after_put() {
  ++puts_;
  if (kill_after_put_ != 0 && puts_ >= kill_after_put_) {
    std::raise(SIGKILL);
  }
  if (pause_after_put_ != 0 && puts_ == pause_after_put_) {
    std::ofstream(resume_file_ + ".paused") << puts_ << "\n";
    while (!std::filesystem::exists(resume_file_)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
}

void FaultInjector::at_commit_stage(CommitStage stage) {
  if (stage == CommitStage::kSqliteCommitted) {
    ++commits_;
  }
  if (kill_at_commit_ != 0 && stage == kill_stage_ && commits_ >= kill_at_commit_) {
    std::raise(SIGKILL);
  }
}

}  // namespace foilog
