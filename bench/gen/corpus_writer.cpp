#include "gen/corpus_writer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/timer.h"
#include "gen/corpus_model.h"
#include "gen/letter.h"

namespace foilog::bench {
namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    throw std::runtime_error(path.string() + ": cannot write");
  }
}

}  // namespace

std::string document_stem(std::uint64_t index) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "d%04llu/doc%07llu",
                static_cast<unsigned long long>(index / kDocsPerDirectory),
                static_cast<unsigned long long>(index));
  return buf;
}

GenerateSummary generate_corpus(const CorpusModel& model, const GenerateOptions& options) {
  const auto start = Clock::now();
  std::filesystem::remove(options.dir / "MANIFEST.json");
  for (std::uint64_t d = 0; d * kDocsPerDirectory < options.docs; ++d) {
    std::filesystem::create_directories(
        (options.dir / document_stem(d * kDocsPerDirectory)).parent_path());
  }
  std::atomic<std::uint64_t> next{0}, bytes{0};
  std::atomic<bool> failed{false};
  std::string error;
  std::mutex error_mutex;
  const auto work = [&] {
    try {
      for (std::uint64_t i = next++; i < options.docs && !failed; i = next++) {
        const GeneratedDocument doc = generate_document(model, options.seed, i);
        const auto stem = options.dir / document_stem(i);
        write_file(stem.string() + ".txt", doc.text);
        write_file(stem.string() + ".json", doc.label.dump(1) + "\n");
        bytes += doc.text.size();
      }
    } catch (const std::exception& e) {
      const std::lock_guard lock(error_mutex);
      failed = true;
      error = e.what();
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 1; t < std::max(1u, options.threads); ++t) {
    workers.emplace_back(work);
  }
  work();
  workers.clear();
  if (failed) {
    throw std::runtime_error(error);
  }
  GenerateSummary summary{options.docs, bytes, seconds_since(start)};
  const nlohmann::json manifest = {{"generator", "foilog-bench gen"},
                                   {"version", 1},
                                   {"docs", options.docs},
                                   {"seed", options.seed},
                                   {"text_bytes", summary.text_bytes}};
  write_file(options.dir / "MANIFEST.json", manifest.dump(1) + "\n");
  return summary;
}

}  // namespace foilog::bench
