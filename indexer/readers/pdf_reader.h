// PDF -> text with poppler; scanned pages go through Tesseract.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// Text per page in printed (physical) layout, running headers and footers kept once. Pages without
// a text layer are rendered at 300 dpi and OCR'd (DocumentText::ocr, and a note).
// Title/Author/Creator go to title and metadata pdf.author / pdf.creator. Throws IngestError "PDF
// is encrypted" when a password is needed, "PDF is damaged: ..." when the file is truncated or
// unparsable.
[[nodiscard]] DocumentText read_pdf(std::string_view bytes, const std::string& filename);

// Whether a PDF ends like a complete file: %%EOF within its last 1024 bytes (Acrobat's rule).
[[nodiscard]] bool pdf_looks_complete(std::string_view bytes);

// Poppler's physical layout pads lines to the page grid: leading indentation and alignment
// spaces are removed, and a gap of three or more spaces (between table columns, or between an
// address block and a reference block printed beside it) becomes " | ", as in HTML tables.
[[nodiscard]] std::string tidy_physical_layout(std::string_view page_text);

}  // namespace foilog
