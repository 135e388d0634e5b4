// Loads the labelled documents in data/ (corpus and seeds): NAME.txt (or other document) beside
// NAME.json. Used by the per-field accuracy tests and mirrors what `foilog eval` reads.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace foilog::testing {

struct LabelledDoc {
  std::string name;  // "dev001", "000_8b57e2e7d86066a4"
  std::filesystem::path path;
  std::string text;
  nlohmann::json label;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<LabelledDoc> load_labelled_corpus() {
  std::vector<LabelledDoc> docs;
  const std::filesystem::path data = std::filesystem::path(FOILOG_SOURCE_DIR) / "data";
  for (const char* sub : {"corpus", "seeds"}) {
    for (const auto& e : std::filesystem::directory_iterator(data / sub)) {
      if (e.path().extension() != ".txt") {
        continue;
      }
      auto label_path = e.path();
      label_path.replace_extension(".json");
      if (!std::filesystem::exists(label_path)) {
        continue;
      }
      docs.push_back({e.path().stem().string(), e.path(), read_file(e.path()),
                      nlohmann::json::parse(read_file(label_path))});
    }
  }
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return docs;
}

}  // namespace foilog::testing
