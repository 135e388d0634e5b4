// The foilog-bench subcommands; each returns the process exit status.
#pragma once

namespace foilog::bench {

int cmd_gen(int argc, char** argv);
int cmd_ingest(int argc, char** argv);
int cmd_search(int argc, char** argv);
int cmd_report(int argc, char** argv);

}  // namespace foilog::bench
