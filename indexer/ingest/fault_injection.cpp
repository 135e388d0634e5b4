#include "ingest/fault_injection.h"

#include <csignal>
#include <cstdlib>
#include <string>

namespace foilog {

FaultInjector FaultInjector::from_environment() {
  FaultInjector f;
  const char* spec = std::getenv("FOILOG_FAULT");
  if (spec == nullptr) {
    return f;
  }
  const std::string s = spec;
  const std::string key = "sigkill_after:";
  if (s.rfind(key, 0) == 0) {
    f.kill_after_ = std::strtoul(s.c_str() + key.size(), nullptr, 10);
  }
  return f;
}

void FaultInjector::after_put() {
  ++puts_;
  if (kill_after_ != 0 && puts_ >= kill_after_) {
    std::raise(SIGKILL);
  }
}

}  // namespace foilog
