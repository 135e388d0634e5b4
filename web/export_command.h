// The `foilog export` subcommand (linked into the foilog executable with the web layer, whose
// export columns it shares).
#pragma once

namespace foilog::web {

int cmd_export(int argc, char** argv);

}  // namespace foilog::web
