// foilog: one executable, many subcommands. main() only dispatches; the work is in indexer/cli.
#include "cli/commands.h"

int main(int argc, char** argv) {
  return foilog::cli::run(argc, argv);
}
