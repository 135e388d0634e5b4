// Word (.docx) letters: the zip's word/document.xml read with pugixml.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// Paragraphs (w:p) as lines, tables as rows of cells joined by " | ", list paragraphs (numbered
// or bulleted, or in a List style) prefixed "- ". Page header text comes first and footer text
// last, once each (as a PDF of the letter would keep them on its first page). core.xml gives
// title, docx.author (creator), docx.last_modified_by, docx.created / docx.modified; comments
// give docx.comments = count. Throws IngestError "DOCX is damaged: ..." for a broken archive.
[[nodiscard]] DocumentText read_docx(std::string_view bytes, const std::string& filename);

}  // namespace foilog
