#include "readers/serialise.h"

#include <cstdint>

namespace foilog {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    out += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

void put_string(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out += s;
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool u64(std::uint64_t& v) {
    if (in_.size() < 8) {
      return false;
    }
    v = 0;
    for (int i = 0; i < 8; ++i) {
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[static_cast<std::size_t>(i)]))
           << (8 * i);
    }
    in_.remove_prefix(8);
    return true;
  }

  bool string(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || n > in_.size()) {
      return false;
    }
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }

  [[nodiscard]] bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace

std::string serialise(const DocumentText& doc) {
  std::string out;
  out.reserve(doc.text.size() + 256);
  put_string(out, doc.text);
  put_string(out, doc.format);
  put_string(out, doc.title);
  put_u64(out, doc.ocr ? 1 : 0);
  put_u64(out, doc.metadata.size());
  for (const auto& [k, v] : doc.metadata) {
    put_string(out, k);
    put_string(out, v);
  }
  put_u64(out, doc.notes.size());
  for (const auto& n : doc.notes) {
    put_string(out, n);
  }
  return out;
}

std::optional<DocumentText> deserialise(std::string_view bytes) {
  Reader in(bytes);
  DocumentText doc;
  std::uint64_t ocr = 0;
  std::uint64_t count = 0;
  if (!in.string(doc.text) || !in.string(doc.format) || !in.string(doc.title) || !in.u64(ocr) ||
      !in.u64(count)) {
    return std::nullopt;
  }
  doc.ocr = ocr != 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string k;
    std::string v;
    if (!in.string(k) || !in.string(v)) {
      return std::nullopt;
    }
    doc.metadata.emplace(std::move(k), std::move(v));
  }
  if (!in.u64(count)) {
    return std::nullopt;
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string n;
    if (!in.string(n)) {
      return std::nullopt;
    }
    doc.notes.push_back(std::move(n));
  }
  if (!in.done()) {
    return std::nullopt;
  }
  return doc;
}

}  // namespace foilog
