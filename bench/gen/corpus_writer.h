// Writes a generated corpus: DIR/dNNNN/docNNNNNNN.txt with its label docNNNNNNN.json beside it,
// 500 documents (1000 files) per directory, and DIR/MANIFEST.json last, so that a directory
// with a manifest is complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace foilog::bench {

class CorpusModel;

struct GenerateOptions {
  std::uint64_t docs = 1000;
  std::uint64_t seed = 1;
  std::filesystem::path dir;
  unsigned threads = 1;  // documents are independent, so output does not depend on this
};

struct GenerateSummary {
  std::uint64_t docs = 0;
  std::uint64_t text_bytes = 0;
  double seconds = 0;
};

inline constexpr std::uint64_t kDocsPerDirectory = 500;

// The relative path of document `index` without extension: "d0000/doc0000042".
[[nodiscard]] std::string document_stem(std::uint64_t index);

// Throws std::runtime_error naming the file that could not be written.
GenerateSummary generate_corpus(const CorpusModel& model, const GenerateOptions& options);

}  // namespace foilog::bench
