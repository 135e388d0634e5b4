// Pre-publication checks of Office files: what a Word document or a spreadsheet carries that a
// reader of the page does not see but anyone who downloads the original can.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

// DOCX: "metadata" (author, last modified by, company), "comments", "tracked_changes" (deleted
// text kept in the file), "hidden_text" (runs formatted as hidden), "attachment" (embedded
// files). Throws IngestError for a damaged archive.
[[nodiscard]] std::vector<Warning> inspect_docx(std::string_view bytes,
                                                const std::string& filename);

// XLSX: "hidden_sheet" (hidden and very hidden sheets), "hidden_rows", "hidden_columns",
// "pivot_cache" (a copy of source data), "external_link" (a link to another workbook),
// "comments", "metadata", "macros", "attachment". Throws IngestError for a damaged archive or one
// without a workbook.
[[nodiscard]] std::vector<Warning> inspect_xlsx(std::string_view bytes,
                                                const std::string& filename);

}  // namespace foilog
