#include "server/static_files.h"

#include <fstream>
#include <sstream>

#include "store/sha256.h"
#include "util/error.h"

namespace foilog::web {
namespace {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".css")
    return "text/css; charset=utf-8";
  if (ext == ".js")
    return "text/javascript; charset=utf-8";
  if (ext == ".svg")
    return "image/svg+xml";
  if (ext == ".png")
    return "image/png";
  if (ext == ".ico")
    return "image/x-icon";
  if (ext == ".woff2")
    return "font/woff2";
  if (ext == ".txt")
    return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

StaticFiles StaticFiles::load(const fs::path& dir) {
  StaticFiles out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw DataError(dir.string() + ": the static files directory is missing");
  }
  const fs::path root = fs::canonical(dir);
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_symlink() || !it->is_regular_file()) {
      continue;  // a link could lead outside static/
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    StaticFile f;
    f.body = bytes.str();
    f.content_type = content_type_for(it->path());
    f.etag = "\"" + sha256_hex(f.body).substr(0, 20) + "\"";
    out.files_.emplace(fs::relative(it->path(), root).generic_string(), std::move(f));
  }
  return out;
}

const StaticFile* StaticFiles::find(const std::string& rel) const {
  const auto it = files_.find(rel);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace foilog::web
