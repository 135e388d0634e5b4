// The indexer's side of the sandbox's launcher (readers/sandbox_protocol.h): one single-threaded
// process, this program started afresh by exec, that forks every parsing child. Started on first
// use, shared by all threads, started again if it dies.
#pragma once

#include <sys/types.h>

#include <string>

#include "readers/sandbox.h"
#include "readers/sandbox_task.h"
#include "util/fd.h"

namespace foilog {

struct LaunchedChild {
  pid_t pid = -1;
  Fd control;  // kEnded arrives here; send kKill, or close it, to kill the child
};

// Starts `task` in a child whose standard input is `input` and whose descriptor 3 is
// `result_write` (both passed to the launcher, which closes its copies once the child has
// them). Throws IngestError naming filename when no child could be started.
LaunchedChild launch_sandboxed_child(const SandboxTask& task, const std::string& filename,
                                     const SandboxLimits& limits, const Fd& input,
                                     const Fd& result_write);

}  // namespace foilog
