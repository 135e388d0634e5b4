// The practical limit for one writer (issue 7): a bare Xapian loop over the same normalised
// texts, TermGenerator (English stemmer, STEM_SOME) with positions, add_document, and a commit
// every batch; no extraction, no SQLite, no question documents.
#pragma once

#include <filesystem>

namespace foilog::bench {

struct BaselineResult {
  std::size_t docs = 0;
  std::uint64_t bytes = 0;
  double wall = 0;  // term generation + writer + commits (reading the texts is not counted)
  double term_generation = 0, writer = 0, commit = 0;
  double cpu = 0;  // CPU seconds of the loop's thread, text reading excluded
  std::uint64_t xapian_bytes = 0;
};

[[nodiscard]] BaselineResult run_baseline(const std::filesystem::path& source,
                                          const std::filesystem::path& scratch_dir,
                                          std::size_t batch_size, bool positions);

}  // namespace foilog::bench
