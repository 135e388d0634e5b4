// One uploaded file made ready for review: read and extracted as `foilog index` reads files
// (sandboxed, through a temporary file), spreadsheets through the XLSX reader, and inspected for
// what the page would not show (readers/inspect.h); the warnings are the record's own
// personal-data findings plus the file's.
#pragma once

#include <filesystem>
#include <string>

#include "model/record.h"
#include "readers/sandbox.h"
#include "taxonomy/taxonomies.h"

namespace foilog::web {

struct PreparedUpload {
  std::string name;            // the file name as sent, made safe
  std::string sha256;          // of the bytes
  std::filesystem::path path;  // where the original is kept: uploads/AUTHORITY/SHA16-NAME
  Record record;               // with warnings, attributed to the uploader's authority
};

// authority_id / authority_name: the uploading account's authority (both empty for an
// administrator: the letter decides). Throws UsageError("file", "NAME: reason") for a file
// foilog cannot publish (unsupported or uninspectable format, damaged, empty, too large).
[[nodiscard]] PreparedUpload prepare_upload(const std::string& name, const std::string& bytes,
                                            const Taxonomies& taxonomies,
                                            const std::string& authority_id,
                                            const std::string& authority_name,
                                            const std::filesystem::path& uploads_dir,
                                            const SandboxLimits& limits = {});

// "../My Letter (final).PDF" -> "My_Letter_final_.pdf": a basename of letters, digits, '.',
// '-' and '_', at most 100 bytes, extension lower-cased; "upload" when nothing is left.
[[nodiscard]] std::string safe_file_name(const std::string& name);

}  // namespace foilog::web
