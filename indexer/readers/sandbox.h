// Parsing untrusted PDFs, DOCX and e-mail is where a crafted or broken file can burn CPU, eat
// memory or crash a library, so those parsers run in a child process with hard limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "model/record.h"
#include "readers/sandbox_task.h"

namespace foilog {

struct SandboxLimits {
  int cpu_seconds = 30;
  std::size_t memory_bytes = 1536u << 20;
  int wall_seconds = 60;
  std::uintmax_t max_file_bytes = 256u << 20;
};

// Reads and parses `file` in a child process with RLIMIT_CPU / RLIMIT_AS and a wall-clock
// timeout enforced by the parent (SIGKILL). The child sends the DocumentText back over a pipe
// (length-prefixed serialisation). Formats that are safe and cheap (text, markdown, html) may be
// parsed in-process after the size check. Throws IngestError naming the file and the reason
// ("parser exceeded 30 s CPU limit", "parser killed after 60 s", "parser ran out of memory
// (limit 1536 MB)", "file too large: 2147483648 bytes (limit 268435456)").
DocumentText read_document_sandboxed(const std::filesystem::path& file,
                                     const SandboxLimits& limits = {});

// Runs task(bytes, filename) in a child process under limits and returns what it returned. An
// IngestError it throws comes back with its reason; a child that crashes, runs out of CPU,
// memory or time is reported as for read_document_sandboxed (IngestError naming filename).
// Used for every parser that reads untrusted files (the readers, and the publishing checks).
//
// The child is not a fork of this process: a fork of a threaded parent inherits every lock
// another thread held at that moment, held for ever (GCC 12's AddressSanitizer allocator hung
// children so, asleep and spinning). It is forked by a launcher, this same program started
// afresh by exec and single-threaded (readers/sandbox_launcher.h), so the work is a registered
// SandboxTask, and every main() that can start children calls run_as_sandbox_child_if_asked()
// first (readers/sandbox_child.h).
std::string run_sandboxed(std::string_view bytes, const std::string& filename,
                          const SandboxLimits& limits, const SandboxTask& task);

}  // namespace foilog
