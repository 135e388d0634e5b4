// What every fuzz target shares. A target decides explicitly what is foilog's documented answer
// to bad input (expected: swallowed) and what is a bug: a crash, a sanitizer report, an
// exception of any other type (it escapes LLVMFuzzerTestOneInput and std::terminate aborts the
// run), a broken output contract (require() aborts), or a hang (libFuzzer's -timeout, the
// replay runner's per-input alarm).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "util/error.h"

namespace foilog::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken contract is a finding: say which, then abort so libFuzzer (or the replay test)
// records the input.
inline void require(bool ok, const char* contract) {
  if (!ok) {
    std::fprintf(stderr, "fuzz: contract broken: %s\n", contract);
    std::abort();
  }
}

// Readers report unreadable files as IngestError("FILE: REASON") with a reason a user can act
// on; that is the expected outcome for most fuzzed bytes. An empty reason is not.
template <typename Fn>
void ingest_errors_expected(Fn&& fn) {
  try {
    fn();
  } catch (const IngestError& e) {
    require(!e.reason().empty(), "an IngestError names its reason");
  }
}

// Request parsing reports bad parameters as UsageError naming the parameter (the server turns
// it into a 400 page naming it).
template <typename Fn>
void usage_errors_expected(Fn&& fn) {
  try {
    fn();
  } catch (const UsageError& e) {
    require(!e.param().empty(), "a UsageError names its parameter");
  }
}

// The first byte of an input picks a variant (a file name, a mode), the rest is the payload,
// so one corpus can steer the target.
struct Steered {
  std::uint8_t selector = 0;
  std::string_view payload;
};
inline Steered steer(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return {};
  }
  return {data[0], as_view(data + 1, size - 1)};
}

}  // namespace foilog::fuzz
