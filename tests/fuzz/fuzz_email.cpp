// The e-mail reader (GMime) as the sandboxed child runs it, called in-process: headers, text and
// HTML parts, and attachments read through the other readers. Expected: IngestError (an
// attachment that cannot be read becomes a note). Contract: valid UTF-8 text, title, metadata.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.h"
#include "readers/email_reader.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  // Attached PDFs without a text layer must not start Tesseract (see fuzz_pdf.cpp).
  static const bool kNoOcr = ::setenv("TESSDATA_PREFIX", "/nonexistent/foilog-fuzz", 1) == 0;
  (void)kNoOcr;
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_email(fuzz::as_view(data, size), "fuzz.eml");
    fuzz::require(is_valid_utf8(doc.text), "read_email returns valid UTF-8 text");
    fuzz::require(is_valid_utf8(doc.title), "read_email returns a valid UTF-8 title");
    for (const auto& [key, value] : doc.metadata) {
      fuzz::require(is_valid_utf8(value), "read_email metadata is valid UTF-8");
    }
  });
  return 0;
}
