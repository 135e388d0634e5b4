// What the sandbox's parent (readers/sandbox.cpp) and child (readers/sandbox_child.cpp) agree on.
#pragma once

#include <cstddef>
#include <string_view>

namespace foilog::sandbox_protocol {

// The children are forked by one launcher process (the "zygote"): this same program started
// afresh by exec, single-threaded, so its forks inherit no lock that another thread held (a
// fork of the threaded indexer did; readers/sandbox.h). Its argv: {kProgramName, kZygoteFlag};
// its end of the request socket is descriptor kRequestFd.
inline constexpr std::string_view kProgramName = "foilog-sandbox";
inline constexpr std::string_view kZygoteFlag = "--foilog-sandbox-zygote";
inline constexpr int kRequestFd = 3;

// A request (one SOCK_SEQPACKET message): "task\0filename\0cpu seconds\0memory bytes", with three
// descriptors (SCM_RIGHTS): the child's input (a memfd holding the file's bytes), the write end
// of its result pipe, and the launcher's end of this request's control socket.
inline constexpr std::size_t kMaxRequestBytes = 16384;
inline constexpr int kRequestDescriptors = 3;

// On the control socket the launcher answers kStarted + pid_t, or kForkFailed + errno, and at
// the end kEnded + int status + struct rusage (wait4's). The indexer may send kKill; closing the
// control socket kills the child too.
inline constexpr char kStarted = 'P';
inline constexpr char kForkFailed = 'F';
inline constexpr char kEnded = 'X';
inline constexpr char kKill = 'K';

// The child reads the file's bytes from standard input and writes its one message here, not to
// standard output, where a parsing library may print.
inline constexpr int kResultFd = 3;

// First byte of the child's message. kOk is followed by the result's length (8 bytes,
// little-endian), so the parent can tell a whole result from one cut short, then the result;
// kError by the reason; kOutOfMemory by nothing.
inline constexpr char kOk = 'O';
inline constexpr char kError = 'E';
inline constexpr char kOutOfMemory = 'M';

}  // namespace foilog::sandbox_protocol
