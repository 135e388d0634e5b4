#include "readers/zip_archive.h"

#include <algorithm>

#include "util/error.h"

namespace foilog {
namespace {

// No sheet, comment or metadata part of a real response comes near this when inflated.
constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string filename, std::string what)
    : filename_(std::move(filename)), what_(std::move(what)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src != nullptr) {
    archive_.reset(zip_open_from_source(src, ZIP_RDONLY, &error));
    if (!archive_) {
      zip_source_free(src);
    }
  }
  const std::string reason = zip_error_strerror(&error);
  zip_error_fini(&error);
  if (!archive_) {
    throw IngestError(filename_, what_ + " is damaged: " + reason);
  }
}

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_.get(), name.c_str(), 0, &st) != 0) {
    return std::nullopt;
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxPartBytes) {
    throw IngestError(filename_, what_ + " is damaged: " + name + " is implausibly large");
  }
  const std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen(archive_.get(), name.c_str(), 0));
  if (!file) {
    throw IngestError(filename_, what_ + " is damaged: cannot open " + name);
  }
  std::string data(st.size, '\0');
  const zip_int64_t got = zip_fread(file.get(), data.data(), st.size);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    throw IngestError(filename_, what_ + " is damaged: cannot read " + name);
  }
  return data;
}

std::optional<pugi::xml_document> ZipArchive::xml(const std::string& name) const {
  const auto bytes = read(name);
  if (!bytes) {
    return std::nullopt;
  }
  std::optional<pugi::xml_document> doc(std::in_place);
  // No DOCTYPE or entity expansion in pugixml: an XML bomb stays its own size.
  const pugi::xml_parse_result ok = doc->load_buffer(bytes->data(), bytes->size());
  if (!ok) {
    throw IngestError(filename_, what_ + " is damaged: " + name + ": " + ok.description());
  }
  return doc;
}

std::vector<std::string> ZipArchive::names_starting(std::string_view prefix) const {
  std::vector<std::string> names;
  const zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr && std::string_view(name).starts_with(prefix)) {
      names.emplace_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string resolve_part(const std::string& from, const std::string& target) {
  std::vector<std::string> parts;
  std::string path = target;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const auto slash = from.rfind('/');
    path = (slash == std::string::npos ? "" : from.substr(0, slash + 1)) + target;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : "/") + p;
  }
  return out;
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::vector<pugi::xml_node> descendants(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  // Iterative: a deeply nested (hostile) document must not exhaust the stack.
  std::vector<pugi::xml_node> stack;
  for (auto c = node.last_child(); c; c = c.previous_sibling()) {
    stack.push_back(c);
  }
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) {
      continue;
    }
    if (local_name(n) == name) {
      out.push_back(n);
    }
    for (auto c = n.last_child(); c; c = c.previous_sibling()) {
      stack.push_back(c);
    }
  }
  return out;
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) {
      return c;
    }
  }
  return {};
}

std::string xml_text(const pugi::xml_node& node) {
  std::string out;
  for (const auto& t : descendants(node, "t")) {
    out += t.text().get();
  }
  return out;
}

std::string attribute(const pugi::xml_node& node, const char* name) {
  return node.attribute(name).value();
}

}  // namespace foilog
