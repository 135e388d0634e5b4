// The Office readers as the sandboxed child runs them, called in-process: DOCX (libzip +
// pugixml) and XLSX (the publishing side's spreadsheet reader). The first byte picks which.
// Expected: IngestError ("DOCX is damaged: ...", part too large, ...). Contract: valid UTF-8.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "readers/docx_reader.h"
#include "readers/xlsx_reader.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc =
        (selector & 1) == 0 ? read_docx(payload, "fuzz.docx") : read_xlsx(payload, "fuzz.xlsx");
    fuzz::require(is_valid_utf8(doc.text), "Office readers return valid UTF-8 text");
  });
  (void)is_xlsx(payload);
  return 0;
}
