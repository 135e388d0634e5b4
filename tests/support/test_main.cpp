// main() of every GoogleTest binary: gtest_main's, after the sandbox's hook. Tests start
// sandboxed parsers, which are this same binary started again (readers/sandbox.h).
#include <gtest/gtest.h>

#include "readers/sandbox_child.h"

int main(int argc, char** argv) {
  foilog::run_as_sandbox_child_if_asked(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
