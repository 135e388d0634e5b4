#include "readers/normalise.h"

#include <cstdint>
#include <vector>

#include "util/text.h"

namespace foilog {
namespace {

// Decodes the code point at s[i] (s is valid UTF-8) and its length.
std::uint32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
  std::uint32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  return cp;
}

bool is_odd_space(std::uint32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_invisible(std::uint32_t cp) {
  return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
         cp == 0xFEFF || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE;
}

// Character-level pass: line ends, spaces, invisible and control characters.
std::string clean_characters(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    std::size_t len = 1;
    const std::uint32_t cp = decode_at(in, i, len);
    if (cp == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') {
        ++len;
      }
    } else if (cp == '\f' || cp == '\v' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      out += '\n';
    } else if (cp == '\n' || cp == '\t') {
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F || is_invisible(cp)) {
      // dropped
    } else if (is_odd_space(cp)) {
      out += ' ';
    } else {
      out.append(in.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::string collapse_doubled_phrase(std::string_view line) {
  const std::string_view body = trim(line);
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < body.size();) {
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) {
      ++i;
    }
    const std::size_t start = i;
    while (i < body.size() && body[i] != ' ' && body[i] != '\t') {
      ++i;
    }
    if (i > start) {
      words.push_back(body.substr(start, i - start));
    }
  }
  const std::size_t half = words.size() / 2;
  if (words.size() < 4 || words.size() % 2 != 0) {
    return std::string(line);
  }
  for (std::size_t k = 0; k < half; ++k) {
    if (words[k] != words[half + k]) {
      return std::string(line);
    }
  }
  // Keep any indentation; the first copy ends where the first word of the second copy starts.
  const std::size_t indent = static_cast<std::size_t>(body.data() - line.data());
  const std::size_t first_copy_end =
      static_cast<std::size_t>(words[half - 1].data() + words[half - 1].size() - line.data());
  return std::string(line.substr(0, indent)) +
         std::string(line.substr(indent, first_copy_end - indent));
}

std::string normalise_text(std::string_view utf8) {
  const std::string cleaned = clean_characters(utf8);
  std::string out;
  out.reserve(cleaned.size());
  int blank_run = 0;
  for (const std::string_view raw : split_lines(cleaned)) {
    const std::string_view line = trim_right(raw);
    if (line.empty()) {
      ++blank_run;
      continue;
    }
    if (!out.empty()) {
      out += blank_run > 0 ? "\n\n" : "\n";
    }
    blank_run = 0;
    out += collapse_doubled_phrase(line);
  }
  return out;
}

}  // namespace foilog
