// One function per `foilog` subcommand. Each takes argv from the subcommand's
// name onwards, returns the exit code and lets exceptions from util/error.h
// escape to run(), which prints them (so every failure message names the file,
// option or database at fault).
#pragma once

namespace foilog::cli {

int cmd_index(int argc, char** argv);
int cmd_extract(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_reindex(int argc, char** argv);
int cmd_compact(int argc, char** argv);
int cmd_stats(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_backup(int argc, char** argv);
// Publishing (cmd_accounts.cpp, cmd_purge.cpp).
int cmd_authority(int argc, char** argv);
int cmd_token(int argc, char** argv);
int cmd_purge(int argc, char** argv);
int cmd_corrections(int argc, char** argv);

// Default database directory when --db is not given.
inline constexpr const char* kDefaultDb = "./foilog-data";

}  // namespace foilog::cli
