// The sandbox's launcher and children (readers/sandbox.h). Every executable that starts
// sandboxed children calls this first thing in main(): a process started as the launcher forks
// children and exits when its indexer has gone; any other process returns from it at once.
#pragma once

namespace foilog {

void run_as_sandbox_child_if_asked(int argc, char** argv);

}  // namespace foilog
