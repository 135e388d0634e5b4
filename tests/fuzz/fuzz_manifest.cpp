// What an authority's upload brings besides its files: the CSV manifest of an existing log
// (parse_manifest), the file names it sends (safe_file_name) and dates typed in correction
// forms (parse_typed_date). Expected: UsageError naming the field. Contract: safe names are
// plain basenames of at most 100 bytes; manifest keys are safe names; typed dates are ISO.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "publish/correction_input.h"
#include "publish/manifest.h"
#include "publish/upload.h"

namespace {

bool is_safe_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name == "." || name == "..") {
    return false;
  }
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  const std::string bytes(fuzz::as_view(data, size));
  fuzz::usage_errors_expected([&] {
    for (const auto& [name, fields] : web::parse_manifest(bytes)) {
      fuzz::require(is_safe_name(name), "manifest rows are keyed by safe file names");
      fuzz::require(fields.is_object(), "manifest fields are an object");
      (void)fields.dump();  // throws on invalid UTF-8: the store could not keep it
    }
  });
  const std::string first_line = bytes.substr(0, bytes.find('\n'));
  fuzz::require(is_safe_name(web::safe_file_name(first_line)),
                "safe_file_name gives a plain basename");
  if (const auto iso = web::parse_typed_date(first_line.substr(0, 40)); iso && !iso->empty()) {
    fuzz::require(iso->size() == 10 && (*iso)[4] == '-' && (*iso)[7] == '-',
                  "typed dates become ISO");
  }
  return 0;
}
