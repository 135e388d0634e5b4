// The reason the sandboxed reader gives for refusing a file ("no error" when it reads it),
// checking that the error names the file. Shared by the sandbox and hostile-file tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "readers/sandbox.h"
#include "util/error.h"

namespace foilog {

inline std::string sandbox_reason(const std::filesystem::path& p,
                                  const SandboxLimits& limits = {}) {
  try {
    (void)read_document_sandboxed(p, limits);
  } catch (const IngestError& e) {
    EXPECT_EQ(e.file(), p.string());
    return e.reason();
  }
  return "no error";
}

}  // namespace foilog
