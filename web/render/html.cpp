#include "render/html.h"

#include <algorithm>

namespace foilog::web {
namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string highlight_text(std::string_view text, std::vector<Highlight> spans) {
  for (auto& h : spans) {
    while (h.begin > 0 && h.begin < text.size() &&
           is_continuation(static_cast<unsigned char>(text[h.begin]))) {
      --h.begin;
    }
    while (h.end < text.size() && is_continuation(static_cast<unsigned char>(text[h.end]))) {
      ++h.end;
    }
  }
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (const auto& h : spans) {
    if (h.end <= h.begin || h.end > text.size() || h.begin < pos) {
      continue;
    }
    out += html_escape(text.substr(pos, h.begin - pos));
    out += "<mark class=\"evidence\" id=\"" + html_escape(h.id) + "\" title=\"" +
           html_escape(h.label) + "\">";
    out += html_escape(text.substr(h.begin, h.end - h.begin));
    out += "</mark>";
    pos = h.end;
  }
  out += html_escape(text.substr(pos));
  return out;
}

}  // namespace foilog::web
