// The PDF reader (poppler) as the sandboxed child runs it, called in-process: read_pdf() plus
// the layout tidying and page-furniture removal it applies. Expected: IngestError ("PDF is
// damaged: ...", "PDF is encrypted", ...). Contract: page text comes back as valid UTF-8.
//
// OCR is switched off by pointing Tesseract at a directory without its model: a page without a
// text layer then ends in the documented IngestError instead of seconds of recognition per
// input. Tesseract itself is not foilog's code; the sandbox's CPU limit bounds it in use.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "readers/page_furniture.h"
#include "readers/pdf_reader.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  static const bool kNoOcr = ::setenv("TESSDATA_PREFIX", "/nonexistent/foilog-fuzz", 1) == 0;
  (void)kNoOcr;
  const std::string_view bytes = fuzz::as_view(data, size);
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_pdf(bytes, "fuzz.pdf");
    fuzz::require(is_valid_utf8(doc.text), "read_pdf returns valid UTF-8 text");
  });
  // The text helpers on arbitrary (UTF-8) page text, as poppler could return it.
  const std::string utf8 = repair_utf8(bytes);
  fuzz::require(is_valid_utf8(tidy_physical_layout(utf8)), "tidy_physical_layout keeps UTF-8");
  std::vector<std::string> pages;
  for (std::size_t at = 0; at <= utf8.size() && pages.size() < 16;) {
    const std::size_t end = std::min(utf8.find('\f', at), utf8.size());
    pages.push_back(utf8.substr(at, end - at));
    at = end + 1;
  }
  fuzz::require(is_valid_utf8(join_pages_without_furniture(pages).text),
                "join_pages_without_furniture keeps UTF-8");
  return 0;
}
