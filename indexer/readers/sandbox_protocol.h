// What the sandbox's parent (readers/sandbox.cpp) and child (readers/sandbox_child.cpp) agree on.
#pragma once

#include <string_view>

namespace foilog::sandbox_protocol {

// argv of a child: {kProgramName, kChildFlag, task name, file name, CPU seconds, memory bytes}.
inline constexpr std::string_view kProgramName = "foilog-sandbox";
inline constexpr std::string_view kChildFlag = "--foilog-sandbox-child";
inline constexpr int kArgumentCount = 6;

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
