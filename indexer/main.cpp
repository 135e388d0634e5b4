// foilog: one executable, many subcommands. main() only dispatches; the work is in indexer/cli
// and, for `serve`, web/.
#include "cli/commands.h"
#include "readers/sandbox_child.h"

#ifdef FOILOG_HAVE_WEB
#include "eval_check_command.h"
#include "export_command.h"
#include "serve_command.h"
#endif

int main(int argc, char** argv) {
  // First: this process may be a sandboxed parser started by another foilog (readers/sandbox.h).
  foilog::run_as_sandbox_child_if_asked(argc, argv);
  std::map<std::string, foilog::cli::Subcommand> extra;
#ifdef FOILOG_HAVE_WEB
  extra.emplace("serve", foilog::web::cmd_serve);
  extra.emplace("export", foilog::web::cmd_export);
  extra.emplace("eval-check", foilog::web::cmd_eval_check);
#endif
  return foilog::cli::run(argc, argv, extra);
}
