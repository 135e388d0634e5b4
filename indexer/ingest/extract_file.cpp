#include "ingest/extract_file.h"

#include "extract/extract_record.h"
#include "ingest/ingester.h"

namespace foilog {

Record extract_file(const std::filesystem::path& file, const Taxonomies& taxonomies,
                    const std::string& default_authority, const SandboxLimits& limits) {
  const DocumentText doc = read_document_sandboxed(file, limits);
  const ExtractHints hints{default_authority, source_url_beside(file)};
  return extract_record(doc, taxonomies, hints, file.string());
}

}  // namespace foilog
