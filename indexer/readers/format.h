// Decides which reader a file needs. The content decides first because published files are
// often misnamed (a PDF saved as .txt, an e-mail saved as .html); the extension breaks ties.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

enum class DocumentFormat { kText, kMarkdown, kHtml, kPdf, kEmail, kDocx };

[[nodiscard]] std::string_view format_name(DocumentFormat f);

// Throws IngestError(filename, ...) for empty files, binary data and formats foilog cannot read
// ("unsupported format: .xlsx").
[[nodiscard]] DocumentFormat detect_format(std::string_view bytes, const std::string& filename);

// Lower-case extension with its dot (".pdf"), or "" when the name has none.
[[nodiscard]] std::string lower_extension(const std::string& filename);

// True when the bytes are not text in any encoding: NUL bytes or many control bytes.
[[nodiscard]] bool looks_binary(std::string_view bytes);

// True when the text starts with an RFC 822 header block that names a sender or a MIME part
// (so a disclosure-log page that starts "Reference: ..." / "Received: ..." is not mistaken).
[[nodiscard]] bool looks_like_email(std::string_view bytes);

// True when the text is an HTML document (doctype or <html>/<head>/<body> near the start), as
// opposed to plain text that only contains a few tags.
[[nodiscard]] bool looks_like_html_document(std::string_view bytes);

}  // namespace foilog
