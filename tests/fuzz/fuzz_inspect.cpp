// The pre-publication checks (readers/inspect.h) that the publishing side runs on every upload,
// called in-process: PDF rendering and the pixels under each word, DOCX comments, tracked
// changes and hidden text, XLSX hidden sheets, rows, pivot caches. The first byte picks the
// file name (the content decides the format first; the name breaks ties). Expected:
// IngestError. Contract: every warning has a kind.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "readers/inspect.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;
  static const char* const kNames[] = {"fuzz.pdf", "fuzz.docx", "fuzz.xlsx", "fuzz.txt"};
  fuzz::ingest_errors_expected([&] {
    for (const Warning& w : inspect_file(payload, kNames[selector % 4])) {
      fuzz::require(!w.kind.empty(), "an inspection warning has a kind");
      fuzz::require(is_valid_utf8(w.detail), "an inspection warning's detail is valid UTF-8");
    }
  });
  fuzz::require(is_valid_utf8(clip_utf8(repair_utf8(payload), selector)),
                "clip_utf8 cuts at a character boundary");
  return 0;
}
