#include "render/url.h"

namespace foilog::web {

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& p) {
  std::string out;
  for (const auto& [k, v] : p) {
    if (!out.empty()) {
      out += '&';
    }
    out += url_encode(k);
    out += '=';
    out += url_encode(v);
  }
  return out;
}

std::string with_query(std::string_view path,
                       const std::vector<std::pair<std::string, std::string>>& p) {
  std::string out(path);
  const std::string qs = query_string(p);
  if (!qs.empty()) {
    out += '?';
    out += qs;
  }
  return out;
}

}  // namespace foilog::web
