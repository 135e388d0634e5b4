// Subcommand dispatch for the foilog executable.
#pragma once

#include <map>
#include <string>

namespace foilog::cli {

using Subcommand = int (*)(int argc, char** argv);

// Runs `foilog SUBCOMMAND ...`; returns the process exit code. Never throws. `extra` adds
// subcommands from layers above the CLI (the web layer's `serve`), which the CLI must not link.
int run(int argc, char** argv, const std::map<std::string, Subcommand>& extra = {});

}  // namespace foilog::cli
