#include "readers/sandbox_task.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace foilog {
namespace {

// A function-local static, so tasks defined in any translation unit can register during static
// initialisation whatever the order the linker gave those units.
std::map<std::string, const SandboxTask*, std::less<>>& registry() {
  static std::map<std::string, const SandboxTask*, std::less<>> tasks;
  return tasks;
}

}  // namespace

SandboxTask::SandboxTask(std::string_view name, Run run) : name_(name), run_(run) {
  if (!registry().emplace(name_, this).second) {
    // A programming error found before main(): two tasks would be indistinguishable to a child.
    std::fprintf(stderr, "foilog: two sandbox tasks are named '%s'\n", name_.c_str());
    std::abort();
  }
}

const SandboxTask* SandboxTask::find(std::string_view name) {
  const auto it = registry().find(name);
  return it == registry().end() ? nullptr : it->second;
}

}  // namespace foilog
