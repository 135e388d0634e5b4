#include "readers/reader.h"

#include <array>

#include "readers/docx_reader.h"
#include "readers/email_reader.h"
#include "readers/format.h"
#include "readers/html_reader.h"
#include "readers/normalise.h"
#include "readers/pdf_reader.h"
#include "readers/text_reader.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

DocumentText read_as(DocumentFormat format, std::string_view bytes, const std::string& filename) {
  switch (format) {
    case DocumentFormat::kPdf:
      return read_pdf(bytes, filename);
    case DocumentFormat::kDocx:
      return read_docx(bytes, filename);
    case DocumentFormat::kEmail:
      return read_email(bytes, filename);
    case DocumentFormat::kHtml:
      return read_html(bytes, filename);
    case DocumentFormat::kMarkdown:
      return read_markdown(bytes, filename);
    case DocumentFormat::kText:
      return read_plain_text(bytes, filename);
  }
  return read_plain_text(bytes, filename);
}

}  // namespace

DocumentText read_document(std::string_view bytes, const std::string& filename) {
  if (bytes.empty()) {
    throw IngestError(filename, "empty file");
  }
  const DocumentFormat format = detect_format(bytes, filename);
  DocumentText doc = read_as(format, bytes, filename);
  doc.format = std::string(format_name(format));
  doc.text = normalise_text(doc.text);
  doc.title = collapse_whitespace(normalise_text(doc.title));
  if (doc.text.empty()) {
    const bool textual = format == DocumentFormat::kText || format == DocumentFormat::kMarkdown;
    throw IngestError(filename, textual
                                    ? "empty file"
                                    : "no text found in the " + std::string(format_name(format)));
  }
  return doc;
}

bool is_document_path(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  // Hidden files include macOS "._x.pdf" resource forks; "~$x.docx" is Word's lock file.
  if (name.empty() || name.front() == '.' || name.starts_with("~$")) {
    return false;
  }
  static const std::array<std::string_view, 10> kExtensions = {
      ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".eml", ".docx", ".xhtml"};
  const std::string ext = ascii_lower(p.extension().string());
  for (const auto e : kExtensions) {
    if (ext == e) {
      return true;
    }
  }
  return false;
}

}  // namespace foilog
