// The `foilog eval-check` subcommand: recall@5 and MRR of the pre-filing check.
#pragma once

namespace foilog::web {

int cmd_eval_check(int argc, char** argv);

}  // namespace foilog::web
