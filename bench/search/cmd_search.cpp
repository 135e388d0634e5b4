#include "commands.h"

namespace foilog::bench {
int cmd_search(int, char**) {
  return 2;
}
}  // namespace foilog::bench
