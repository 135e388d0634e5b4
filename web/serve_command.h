// The `foilog serve` subcommand (linked into the foilog executable when the web layer builds).
#pragma once

namespace foilog::web {

int cmd_serve(int argc, char** argv);

}  // namespace foilog::web
