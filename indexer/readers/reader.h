// Turns the bytes of one published FOI response into normalised UTF-8 text. The readers layer
// knows file formats; it knows nothing about FOI (the extractors do).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// Formats: text (.txt .text), markdown (.md), html (.html .htm), pdf, email (.eml), docx.
// Detects the format from the content first (%PDF-, PK zip with word/document.xml, RFC 822
// headers, HTML tags), then the file name. Throws IngestError(filename, reason) with reasons a
// user can act on: "empty file", "not a document: binary data", "PDF is encrypted",
// "PDF is damaged: ...", "unsupported format: .xlsx" ...
DocumentText read_document(std::string_view bytes, const std::string& filename);

// Whether the indexer should treat this path as a document (by extension). A NAME.json label
// file is never a document.
bool is_document_path(const std::filesystem::path& p);

}  // namespace foilog
