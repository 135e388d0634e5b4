#include "readers/format.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>

#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// What is inside a zip container decides the Office format; the extension may lie.
std::string zip_office_kind(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    zip_error_fini(&error);
    return "damaged";
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(src);
    zip_error_fini(&error);
    return "damaged";
  }
  zip_error_fini(&error);
  const auto has = [&](const char* name) { return zip_name_locate(archive.get(), name, 0) >= 0; };
  if (has("word/document.xml")) {
    return "docx";
  }
  if (has("xl/workbook.xml")) {
    return ".xlsx";
  }
  if (has("ppt/presentation.xml")) {
    return ".pptx";
  }
  if (has("content.xml") && has("mimetype")) {
    return "OpenDocument (.odt/.ods)";
  }
  return "zip archive";
}

// Binary formats people publish FOI material in that foilog does not read (yet).
std::string binary_signature(std::string_view b) {
  static const std::array<std::pair<std::string_view, std::string_view>, 9> kSignatures = {{
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
       "legacy Office document (.doc/.xls); save as .docx or PDF"},
      {"\x89PNG", "image (.png)"},
      {"\xFF\xD8\xFF", "image (.jpg)"},
      {"GIF8", "image (.gif)"},
      {"II*\0", "image (.tif)"},
      {"MM\0*", "image (.tif)"},
      {"{\\rtf", ".rtf"},
      {"Rar!", "rar archive"},
      {"7z\xBC\xAF", "7z archive"},
  }};
  for (const auto& [magic, name] : kSignatures) {
    if (starts_with(b, magic)) {
      return std::string(name);
    }
  }
  return {};
}

bool is_header_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::string_view format_name(DocumentFormat f) {
  switch (f) {
    case DocumentFormat::kText:
      return "text";
    case DocumentFormat::kMarkdown:
      return "markdown";
    case DocumentFormat::kHtml:
      return "html";
    case DocumentFormat::kPdf:
      return "pdf";
    case DocumentFormat::kEmail:
      return "email";
    case DocumentFormat::kDocx:
      return "docx";
  }
  return "text";
}

std::string lower_extension(const std::string& filename) {
  const auto slash = filename.find_last_of('/');
  const auto dot = filename.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0 ||
      (slash != std::string::npos && dot == slash + 1)) {
    return {};
  }
  return ascii_lower(filename.substr(dot));
}

bool looks_binary(std::string_view bytes) {
  // UTF-16 text is full of NULs but is text; the decoder handles its byte-order mark.
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    return false;
  }
  const std::string_view sample = bytes.substr(0, kSniffBytes);
  std::size_t control = 0;
  for (const char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) {
      return true;
    }
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7F) {
      ++control;
    }
  }
  // Legacy text has the odd stray control byte (a DOS end-of-file, an escape); binary data has
  // them everywhere.
  return control * 50 > sample.size();
}

bool looks_like_email(std::string_view bytes) {
  static const std::array<std::string_view, 6> kSenderHeaders = {
      "from", "received", "return-path", "message-id", "mime-version", "delivered-to"};
  static const std::array<std::string_view, 6> kOtherHeaders = {"to", "subject",      "date",
                                                                "cc", "content-type", "reply-to"};
  std::string_view rest = bytes.substr(0, kSniffBytes);
  int sender = 0;
  int other = 0;
  int lines = 0;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      break;  // end of the header block
    }
    ++lines;
    if (line.front() == ' ' || line.front() == '\t') {
      if (lines == 1) {
        return false;
      }
      continue;  // folded header continuation
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                     is_header_name_char)) {
      // mbox files start with "From sender date" without a colon after From.
      if (lines == 1 && starts_with(line, "From ")) {
        continue;
      }
      return false;
    }
    const std::string name = ascii_lower(line.substr(0, colon));
    if (std::find(kSenderHeaders.begin(), kSenderHeaders.end(), name) != kSenderHeaders.end()) {
      ++sender;
    } else if (std::find(kOtherHeaders.begin(), kOtherHeaders.end(), name) != kOtherHeaders.end()) {
      ++other;
    }
  }
  return sender >= 1 && sender + other >= 2;
}

bool looks_like_html_document(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  if (starts_with(head, "\xEF\xBB\xBF")) {
    head.remove_prefix(3);
  }
  head = trim(head);
  if (istarts_with(head, "<!doctype html") || istarts_with(head, "<html") ||
      (istarts_with(head, "<?xml") && icontains(head, "<html"))) {
    return true;
  }
  return icontains(head, "<html") || icontains(head, "<head>") || icontains(head, "<body");
}

DocumentFormat detect_format(std::string_view bytes, const std::string& filename) {
  if (trim(bytes).empty()) {
    throw IngestError(filename, "empty file");
  }
  const std::string ext = lower_extension(filename);
  // Some generators put junk before the header; readers accept %PDF- anywhere in the first KB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return DocumentFormat::kPdf;
  }
  if (starts_with(bytes, "PK\x03\x04")) {
    const std::string kind = zip_office_kind(bytes);
    if (kind == "docx") {
      return DocumentFormat::kDocx;
    }
    if (kind == "damaged") {
      throw IngestError(filename, ext == ".docx" ? "DOCX is damaged: not a readable zip archive"
                                                 : "unsupported format: damaged zip archive");
    }
    throw IngestError(filename, "unsupported format: " + kind);
  }
  if (const std::string sig = binary_signature(bytes); !sig.empty()) {
    throw IngestError(filename, "unsupported format: " + sig);
  }
  static const std::array<std::string_view, 10> kUnsupported = {
      ".xlsx", ".xls", ".doc", ".pptx", ".ppt", ".odt", ".ods", ".rtf", ".zip", ".msg"};
  if (std::find(kUnsupported.begin(), kUnsupported.end(), ext) != kUnsupported.end()) {
    throw IngestError(filename, "unsupported format: " + ext);
  }
  if (looks_binary(bytes)) {
    throw IngestError(filename, "not a document: binary data");
  }
  if (ext == ".pdf") {
    throw IngestError(filename, "PDF is damaged: no %PDF- header");
  }
  if (ext == ".docx") {
    throw IngestError(filename, "DOCX is damaged: not a zip archive");
  }
  if (looks_like_email(bytes)) {
    return DocumentFormat::kEmail;
  }
  if (looks_like_html_document(bytes)) {
    return DocumentFormat::kHtml;
  }
  if (ext == ".eml") {
    return DocumentFormat::kEmail;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
    return DocumentFormat::kHtml;
  }
  if (ext == ".md" || ext == ".markdown") {
    return DocumentFormat::kMarkdown;
  }
  return DocumentFormat::kText;
}

}  // namespace foilog
