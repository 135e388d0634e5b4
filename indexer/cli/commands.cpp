#include "cli/commands.h"

#include <iostream>

namespace foilog::cli {

int run(int argc, char** argv) {
  (void)argv;
  if (argc < 2) {
    std::cerr << "usage: foilog SUBCOMMAND [--help]\n";
    return 2;
  }
  return 2;
}

}  // namespace foilog::cli
