#include "readers/inspect.h"

#include <cstdint>

#include "readers/format.h"
#include "readers/inspect_office.h"
#include "readers/inspect_pdf.h"
#include "readers/xlsx_reader.h"
#include "util/error.h"

namespace foilog {
namespace {

// Warnings over the sandbox pipe: each field length-prefixed (64-bit little-endian).
void put(std::string& out, std::string_view field) {
  for (int i = 0; i < 8; ++i) {
    out += static_cast<char>((static_cast<std::uint64_t>(field.size()) >> (8 * i)) & 0xFF);
  }
  out += field;
}

bool take(std::string_view& in, std::string& field) {
  if (in.size() < 8) {
    return false;
  }
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) {
    n = (n << 8) | static_cast<unsigned char>(in[static_cast<std::size_t>(i)]);
  }
  in.remove_prefix(8);
  if (in.size() < n) {
    return false;
  }
  field.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

}  // namespace

std::string clip_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) {
    return std::string(s);
  }
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;  // never cut inside a multi-byte character
  }
  return std::string(s.substr(0, end)) + "…";
}

std::vector<Warning> inspect_file(std::string_view bytes, const std::string& filename) {
  if (is_xlsx(bytes)) {
    return inspect_xlsx(bytes, filename);
  }
  DocumentFormat format = DocumentFormat::kText;
  try {
    format = detect_format(bytes, filename);
  } catch (const IngestError&) {
    return {};  // nothing foilog can read has nothing to inspect; reading reports why
  }
  switch (format) {
    case DocumentFormat::kPdf:
      return inspect_pdf(bytes, filename);
    case DocumentFormat::kDocx:
      return inspect_docx(bytes, filename);
    case DocumentFormat::kText:
    case DocumentFormat::kMarkdown:
    case DocumentFormat::kHtml:
    case DocumentFormat::kEmail:
      return {};
  }
  return {};
}

namespace {

// inspect_file() in a child: the warnings go back length-prefixed, kind then detail.
const SandboxTask kInspectFile("inspect-file",
                               [](std::string_view bytes, const std::string& filename) {
                                 std::string out;
                                 for (const auto& w : inspect_file(bytes, filename)) {
                                   put(out, w.kind);
                                   put(out, w.detail);
                                 }
                                 return out;
                               });

}  // namespace

std::vector<Warning> inspect_file_sandboxed(std::string_view bytes, const std::string& filename,
                                            const SandboxLimits& limits) {
  const std::string result = run_sandboxed(bytes, filename, limits, kInspectFile);
  std::vector<Warning> warnings;
  std::string_view in = result;
  while (!in.empty()) {
    Warning w;
    if (!take(in, w.kind) || !take(in, w.detail)) {
      throw IngestError(filename, "the file check sent back a damaged result");
    }
    warnings.push_back(std::move(w));
  }
  return warnings;
}

}  // namespace foilog
