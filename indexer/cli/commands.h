// Subcommand dispatch for the foilog executable.
#pragma once

namespace foilog::cli {

// Runs `foilog SUBCOMMAND ...`; returns the process exit code. Never throws.
int run(int argc, char** argv);

}  // namespace foilog::cli
