// Pre-publication checks of an uploaded file: what it holds beyond the text a reader of the page
// sees. Run before an authority releases a response; each finding is a Warning (kind, detail)
// the review page lists and releasing with warnings needs an explicit confirmation.
//
//   PDF   pdf_hidden_text (words under a drawn box), pdf_invisible_text (words that draw
//         nothing), pdf_offpage_text (words outside the page), metadata, comments, attachment
//   DOCX  metadata, comments, tracked_changes, hidden_text, attachment
//   XLSX  hidden_sheet, hidden_rows, hidden_columns, pivot_cache, data_model, data_connection,
//         external_link, comments, metadata, attachment
// Text files, HTML and e-mail have no container to inspect; their personal data is found in the
// text (extract/personal_data.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "readers/sandbox.h"

namespace foilog {

// Dispatches on the detected format. Throws IngestError for a file it cannot parse.
[[nodiscard]] std::vector<Warning> inspect_file(std::string_view bytes,
                                                const std::string& filename);

// inspect_file() in a sandboxed child (readers/sandbox.h): these parsers read untrusted files.
[[nodiscard]] std::vector<Warning> inspect_file_sandboxed(std::string_view bytes,
                                                          const std::string& filename,
                                                          const SandboxLimits& limits = {});

// s cut to at most max bytes at a UTF-8 character boundary, with "…" when it was cut.
[[nodiscard]] std::string clip_utf8(std::string_view s, std::size_t max);

}  // namespace foilog
