#include "server/malloc_arenas.h"

#include <algorithm>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace foilog::web {

void limit_malloc_arenas() {
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  // Must run before the worker threads start: arenas already made stay.
  mallopt(M_ARENA_MAX, static_cast<int>(cores));
#endif
}

}  // namespace foilog::web
