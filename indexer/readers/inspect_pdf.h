// Pre-publication checks of a PDF: words its text layer holds that the page does not show, and
// what else the file carries (see readers/inspect.h for the warning kinds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

// Renders each page (poppler's page_renderer, 100 dpi, greyscale) and looks at the pixels under
// every word of the text layer: a word whose box is nearly all dark is covered by a drawn box
// (the classic failed redaction: a black rectangle over text that is still there, copyable and
// indexed); a word whose box is blank paper draws nothing (invisible or white text). Pages whose
// crop box is smaller than their media box keep content outside the visible page. Also reports
// the document information and XMP metadata that name people, comment annotations and attached
// files. The first 500 pages are rendered; a longer file says so. Throws IngestError when the
// PDF cannot be opened.
[[nodiscard]] std::vector<Warning> inspect_pdf(std::string_view bytes, const std::string& filename);

}  // namespace foilog
