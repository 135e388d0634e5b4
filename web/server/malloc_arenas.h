// How many malloc arenas the server's threads share.
#pragma once

namespace foilog::web {

// glibc gives threads up to 8 arenas a core, and memory freed into an arena stays with it: the
// patterns page's ~22 MB of small allocations, served once on each of eight threads, left the
// server at 186 MB anonymous memory at 10,000 documents, against 54 MB with two arenas
// (bench/RESULTS.md). One arena a core keeps what requests leave behind to a core's worth; the
// threads are mostly busy in Xapian, not in malloc, so contention is small. No-op elsewhere.
void limit_malloc_arenas();

}  // namespace foilog::web
