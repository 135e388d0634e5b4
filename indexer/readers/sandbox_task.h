// A named piece of parsing work for a sandboxed child. The child is a fresh process (this
// executable started again by exec, readers/sandbox.h), so the work cannot travel as a closure:
// it is registered here under a name at static initialisation, and the child looks it up.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

class SandboxTask {
 public:
  // The work: the file's bytes and its name (for error messages) in, the result out. A plain
  // function, not a closure: whatever it needs must come in through the bytes.
  using Run = std::string (*)(std::string_view bytes, const std::string& filename);

  // Registers the task; define tasks as namespace-scope objects so that every process,
  // parent and child alike, has registered them before main() runs. Names must be unique.
  SandboxTask(std::string_view name, Run run);
  SandboxTask(const SandboxTask&) = delete;
  SandboxTask& operator=(const SandboxTask&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] Run run() const { return run_; }

  // The task registered under `name`, or nullptr.
  [[nodiscard]] static const SandboxTask* find(std::string_view name);

 private:
  std::string name_;
  Run run_;
};

}  // namespace foilog
