#include "publish/upload.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <array>

#include "extract/extract_record.h"
#include "ingest/extract_file.h"
#include "readers/format.h"
#include "readers/inspect.h"
#include "readers/serialise.h"
#include "readers/xlsx_reader.h"
#include "store/sha256.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

// Spreadsheet formats foilog cannot open to look for hidden sheets, rows, columns, pivot caches
// or external links: refused, never published unchecked.
constexpr std::array<std::string_view, 6> kUninspectable = {".xls",     ".xlsb", ".ods",
                                                            ".numbers", ".xlt",  ".fods"};

// The upload as a file of its own, for the readers that take paths; removed when done.
class TempFile {
 public:
  TempFile(const std::string& bytes, const std::string& extension) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("foilog-upload-XXXXXX" + extension)).string();
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(extension.size()));
    if (fd < 0) {
      throw DataError(pattern + ": cannot create a temporary file for the upload");
    }
    path_ = pattern;
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) {
        ::close(fd);
        std::filesystem::remove(path_);
        throw DataError(pattern + ": cannot write the upload to a temporary file");
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The XLSX reader in a child: bytes in, the serialised DocumentText out.
const SandboxTask kReadSpreadsheet("read-spreadsheet",
                                   [](std::string_view bytes, const std::string& filename) {
                                     return serialise(read_xlsx(bytes, filename));
                                   });

Record read_spreadsheet(const std::string& bytes, const std::string& name,
                        const Taxonomies& taxonomies, const std::string& authority_name,
                        const SandboxLimits& limits) {
  const std::string result = run_sandboxed(bytes, name, limits, kReadSpreadsheet);
  const auto doc = deserialise(result);
  if (!doc) {
    throw IngestError(name, "the spreadsheet reader sent back a damaged result");
  }
  return extract_record(*doc, taxonomies, ExtractHints{authority_name, ""}, name);
}

}  // namespace

std::string safe_file_name(const std::string& name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (const char c : base) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    const char put = ok ? c : '_';
    if (put == '_' && !out.empty() && out.back() == '_') {
      continue;
    }
    out += put;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == '_')) {
    out.erase(out.begin());  // no hidden files, no ".."
  }
  const auto dot = out.rfind('.');
  std::string ext = dot == std::string::npos ? "" : ascii_lower(out.substr(dot));
  std::string stem = dot == std::string::npos ? out : out.substr(0, dot);
  if (ext.size() > 10) {
    ext.clear();
  }
  if (stem.size() + ext.size() > 100) {
    stem.resize(100 - ext.size());
  }
  return stem.empty() ? "upload" + ext : stem + ext;
}

PreparedUpload prepare_upload(const std::string& name, const std::string& bytes,
                              const Taxonomies& taxonomies, const std::string& authority_id,
                              const std::string& authority_name,
                              const std::filesystem::path& uploads_dir,
                              const SandboxLimits& limits) {
  PreparedUpload up;
  up.name = safe_file_name(name);
  if (bytes.empty()) {
    throw UsageError("file", up.name + ": the file is empty");
  }
  const std::string ext = lower_extension(up.name);
  const bool spreadsheet = is_xlsx(bytes);
  if (!spreadsheet &&
      std::find(kUninspectable.begin(), kUninspectable.end(), ext) != kUninspectable.end()) {
    throw UsageError("file", up.name +
                                 ": foilog cannot check this kind of spreadsheet for hidden "
                                 "sheets, rows, columns or links, so it will not publish it. Save "
                                 "it as .xlsx and upload that.");
  }
  up.sha256 = sha256_hex(bytes);
  up.path = uploads_dir / (authority_id.empty() ? std::string("unattributed") : authority_id) /
            (up.sha256.substr(0, 16) + "-" + up.name);
  try {
    if (spreadsheet) {
      up.record = read_spreadsheet(bytes, up.name, taxonomies, authority_name, limits);
    } else {
      const TempFile tmp(bytes, ext);
      up.record = extract_file(tmp.path(), taxonomies, authority_name, limits);
    }
    for (auto& w : inspect_file_sandboxed(bytes, up.name, limits)) {
      up.record.warnings.push_back(std::move(w));
    }
  } catch (const IngestError& e) {
    throw UsageError("file", up.name + ": " + e.reason());
  }
  up.record.file = up.path.string();
  if (!authority_id.empty() && up.record.authority_id != authority_id) {
    // An account publishes its own log: the upload is its authority's, whoever the letter names.
    up.record.authority = authority_name;
    up.record.authority_id = authority_id;
    up.record.authority_known = true;
    up.record.authority_span = {};
    if (const AuthorityInfo* a = taxonomies.authorities.by_id(authority_id)) {
      up.record.authority_type = a->type;
      up.record.authority_country = a->country;
    } else {
      up.record.authority_type = "other";
      up.record.authority_country.clear();
    }
  }
  return up;
}

}  // namespace foilog::web
