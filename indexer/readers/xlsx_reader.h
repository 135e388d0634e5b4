// Spreadsheets (XLSX) -> text, for publishing only: an authority may upload a spreadsheet it
// answered with once inspect_xlsx() has listed what it hides. `foilog index` does not read
// spreadsheets (read_document() refuses them), so a crawl never publishes one unchecked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

// True when bytes are a zip container holding xl/workbook.xml.
[[nodiscard]] bool is_xlsx(std::string_view bytes);

// Every sheet, hidden ones included (so the personal-data checks see what they hold), as
// "Sheet: NAME" (plus "(hidden)") and then one line per row, cells joined with " | ". format
// "xlsx"; the title from docProps/core.xml. Throws IngestError for a damaged workbook.
[[nodiscard]] DocumentText read_xlsx(std::string_view bytes, const std::string& filename);

// A workbook's sheets in order, with the part each lives in and its visibility.
struct XlsxSheet {
  std::string name;
  std::string part;   // "xl/worksheets/sheet1.xml"
  std::string state;  // "", "hidden" or "veryHidden"
};
class ZipArchive;
[[nodiscard]] std::vector<XlsxSheet> xlsx_sheets(const ZipArchive& zip);

}  // namespace foilog
