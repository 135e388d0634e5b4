// static/ served from an allowlist built at start-up: every regular file below the directory
// (symlinks are skipped, so none can point outside), held in memory with its type and ETag.
// A request is looked up by exact path, so `..`, encoded dots, backslashes, NUL bytes and
// prefix tricks (/staticfoo) can only miss.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace foilog::web {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;  // "\"<sha256 prefix>\""
};

class StaticFiles {
 public:
  // Throws DataError when dir is missing.
  static StaticFiles load(const std::filesystem::path& dir);
  // rel: the path after "/static/", e.g. "foilog.css". nullptr when not allowlisted.
  [[nodiscard]] const StaticFile* find(const std::string& rel) const;
  [[nodiscard]] std::size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace foilog::web
