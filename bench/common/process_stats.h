// What the process and its files cost: peak resident memory and bytes on disk.
#pragma once

#include <cstdint>
#include <filesystem>

namespace foilog::bench {

// getrusage(RUSAGE_SELF).ru_maxrss in bytes: the high-water mark since the process started.
[[nodiscard]] std::uint64_t peak_rss_bytes();
// Current resident set (VmRSS from /proc/self/status) in bytes; 0 when unavailable.
[[nodiscard]] std::uint64_t current_rss_bytes();
// CPU seconds (user + system) used so far by the whole process / by the calling thread. On a
// shared machine these move less than wall time when other work competes for the cores.
[[nodiscard]] double process_cpu_seconds();
[[nodiscard]] double thread_cpu_seconds();
// Blocks allocated on disk (st_blocks * 512) for a file or everything below a directory.
[[nodiscard]] std::uint64_t disk_usage_bytes(const std::filesystem::path& path);

}  // namespace foilog::bench
