// The plain-text and Markdown readers, and the decoding and normalising every reader ends with.
// They run in the indexer's own process (no sandbox) on every crawled .txt and .md file.
// Expected: IngestError. Contract: what comes out is valid UTF-8 (extractor spans index it).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "readers/decode.h"
#include "readers/normalise.h"
#include "readers/text_reader.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;
  // The declared charset (an HTML meta or MIME header) comes from the file too.
  static const char* const kCharsets[] = {"", "utf-8", "windows-1252", "utf-16", "x-unknown"};
  const DecodedText decoded = decode_to_utf8(payload, kCharsets[selector % 5]);
  fuzz::require(is_valid_utf8(decoded.utf8), "decode_to_utf8 returns valid UTF-8");
  fuzz::require(is_valid_utf8(normalise_text(decoded.utf8)), "normalise_text keeps UTF-8 valid");
  fuzz::require(is_valid_utf8(collapse_doubled_phrase(decoded.utf8)),
                "collapse_doubled_phrase keeps UTF-8 valid");

  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_plain_text(payload, "fuzz.txt");
    fuzz::require(is_valid_utf8(doc.text), "read_plain_text returns valid UTF-8");
  });
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_markdown(payload, "fuzz.md");
    fuzz::require(is_valid_utf8(doc.text), "read_markdown returns valid UTF-8");
  });
  return 0;
}
