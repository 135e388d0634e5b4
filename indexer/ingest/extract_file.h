// Reads one file (sandboxed) and extracts its record, without writing anything.
// Shared by `foilog extract`, `foilog eval` and the indexer.
#pragma once

#include <filesystem>
#include <string>

#include "model/record.h"
#include "readers/sandbox.h"
#include "taxonomy/taxonomies.h"

namespace foilog {

// Throws IngestError naming the file when it cannot be read.
[[nodiscard]] Record extract_file(const std::filesystem::path& file, const Taxonomies& taxonomies,
                                  const std::string& default_authority,
                                  const SandboxLimits& limits = {});

}  // namespace foilog
