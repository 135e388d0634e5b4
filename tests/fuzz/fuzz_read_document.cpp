// The readers' entry point as the sandboxed child calls it: format detection by content and
// name, the chosen reader, normalisation; and the pipe format the child answers in. The first
// byte picks the file name. Expected: IngestError. Contract: the text is non-empty valid UTF-8
// and serialise/deserialise round-trips it; deserialise of arbitrary bytes
// (a child that died mid-write) returns nullopt or a record, never crashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.h"
#include "readers/normalise.h"
#include "readers/reader.h"
#include "readers/serialise.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  static const bool kNoOcr = ::setenv("TESSDATA_PREFIX", "/nonexistent/foilog-fuzz", 1) == 0;
  (void)kNoOcr;
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;
  static const char* const kNames[] = {"fuzz.txt", "fuzz.md",   "fuzz.html", "fuzz.pdf",
                                       "fuzz.eml", "fuzz.docx", "fuzz.xlsx", "fuzz"};
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_document(payload, kNames[selector % 8]);
    fuzz::require(!doc.text.empty(), "read_document returns text or throws");
    fuzz::require(is_valid_utf8(doc.text), "read_document returns valid UTF-8");
    const auto back = deserialise(serialise(doc));
    fuzz::require(back && back->text == doc.text && back->metadata == doc.metadata,
                  "serialise/deserialise round-trips a document");
  });
  (void)deserialise(payload);
  return 0;
}
