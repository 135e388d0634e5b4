// The HTML reader (gumbo), run in-process on every crawled page, and the fragment cleaner the
// text reader uses for lines with tags in them. Expected: IngestError. Contract: valid UTF-8
// text and title.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "readers/html_reader.h"
#include "readers/text_reader.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;
  fuzz::ingest_errors_expected([&] {
    const DocumentText doc = read_html(payload, "fuzz.html");
    fuzz::require(is_valid_utf8(doc.text), "read_html returns valid UTF-8 text");
    fuzz::require(is_valid_utf8(doc.title), "read_html returns a valid UTF-8 title");
  });
  // The fragment functions take UTF-8 (their callers decode first).
  const std::string utf8 = repair_utf8(payload);
  fuzz::require(is_valid_utf8(html_fragment_to_text(utf8, (selector & 1) != 0)),
                "html_fragment_to_text keeps UTF-8 valid");
  if (has_html_tag(utf8)) {
    fuzz::require(is_valid_utf8(clean_html_line(utf8)), "clean_html_line keeps UTF-8 valid");
  }
  return 0;
}
