// The child side of the sandbox (readers/sandbox.h). Every executable that starts sandboxed
// children calls this first thing in main(): a process started as a child runs its task and
// exits; any other process returns from it at once.
#pragma once

namespace foilog {

void run_as_sandbox_child_if_asked(int argc, char** argv);

}  // namespace foilog
