#include "readers/pdf_streams.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>

namespace foilog {
namespace {

bool is_pdf_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Inflates src, appending at most `budget` bytes to out. False when zlib finds the data
// damaged before producing anything.
bool inflate_into(std::string_view src, std::size_t budget, std::string& out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) {
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(src.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(src.size(), UINT32_MAX));
  char chunk[16384];
  int rc = Z_OK;
  const std::size_t start = out.size();
  while (rc == Z_OK && out.size() - start < budget) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = sizeof chunk - z.avail_out;
    out.append(chunk, std::min(produced, budget - (out.size() - start)));
    if (produced == 0 && rc == Z_OK) {
      break;  // no progress: truncated input
    }
  }
  inflateEnd(&z);
  // A truncated or slightly damaged stream still yields what it decoded: PDF viewers draw it.
  return out.size() > start || rc == Z_STREAM_END;
}

// The dictionary that ends just before `stream_at`: from the matching "<<" of the last ">>".
std::string_view dict_before(std::string_view bytes, std::size_t stream_at) {
  const std::size_t close = bytes.rfind(">>", stream_at);
  if (close == std::string_view::npos || stream_at - close > 16) {
    return {};
  }
  int depth = 0;
  for (std::size_t i = close + 2; i-- > 1;) {
    if (bytes[i] == '>' && bytes[i - 1] == '>') {
      ++depth;
      --i;
    } else if (bytes[i] == '<' && bytes[i - 1] == '<') {
      if (--depth == 0) {
        return bytes.substr(i - 1, close + 2 - (i - 1));
      }
      --i;
    }
    if (close - i > 65536) {
      break;  // no dictionary is that long: not a stream keyword after all
    }
  }
  return {};
}

enum class Filter { kNone, kFlate, kOther };

// The stream's /Filter: none, Flate alone (as a name or a one-entry array), or anything else
// (another filter, or a chain that Flate is only part of).
Filter filter_of(std::string_view dict) {
  const std::size_t key = dict.find("/Filter");
  if (key == std::string_view::npos) {
    return Filter::kNone;
  }
  std::size_t i = key + 7;
  while (i < dict.size() && is_pdf_space(dict[i])) {
    ++i;
  }
  std::string_view rest = dict.substr(i);
  if (!rest.empty() && rest.front() == '[') {
    const std::size_t close = rest.find(']');
    rest = rest.substr(1, close == std::string_view::npos ? 0 : close - 1);
    if (std::count(rest.begin(), rest.end(), '/') != 1) {
      return Filter::kOther;
    }
    while (!rest.empty() && is_pdf_space(rest.front())) {
      rest.remove_prefix(1);
    }
  }
  for (const std::string_view name : {"/FlateDecode", "/Fl"}) {
    if (rest.substr(0, name.size()) == name &&
        (rest.size() == name.size() ||
         std::isalnum(static_cast<unsigned char>(rest[name.size()])) == 0)) {
      return Filter::kFlate;
    }
  }
  return Filter::kOther;
}

}  // namespace

bool pdf_dict_has(std::string_view dict, std::string_view key, std::string_view value) {
  for (auto at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
    std::size_t i = at + key.size();
    while (i < dict.size() && is_pdf_space(dict[i])) {
      ++i;
    }
    if (dict.substr(i, value.size()) == value) {
      const std::size_t end = i + value.size();
      if (end >= dict.size() || std::isalnum(static_cast<unsigned char>(dict[end])) == 0) {
        return true;
      }
    }
  }
  return false;
}

std::vector<PdfStream> pdf_streams(std::string_view bytes, std::size_t max_decoded,
                                   bool* truncated) {
  std::vector<PdfStream> out;
  std::size_t decoded = 0;
  if (truncated != nullptr) {
    *truncated = false;
  }
  constexpr std::string_view kStream = "stream";
  constexpr std::string_view kEnd = "endstream";
  for (std::size_t at = bytes.find(kStream); at != std::string_view::npos;
       at = bytes.find(kStream, at + kStream.size())) {
    if (at >= 3 && bytes.substr(at - 3, 3) == "end") {
      continue;
    }
    std::size_t begin = at + kStream.size();
    if (begin < bytes.size() && bytes[begin] == '\r') {
      ++begin;
    }
    if (begin >= bytes.size() || bytes[begin] != '\n') {
      continue;  // "stream" inside some other word or string
    }
    ++begin;
    const std::string_view dict = dict_before(bytes, at);
    if (dict.empty()) {
      continue;
    }
    const std::size_t end = bytes.find(kEnd, begin);
    if (end == std::string_view::npos) {
      break;
    }
    std::string_view raw = bytes.substr(begin, end - begin);
    const Filter filter = filter_of(dict);
    if (filter == Filter::kOther) {
      at = end;
      continue;
    }
    const bool flate = filter == Filter::kFlate;
    if (decoded >= max_decoded) {
      if (truncated != nullptr) {
        *truncated = true;
      }
      break;
    }
    PdfStream s;
    s.dict = std::string(dict);
    if (flate) {
      if (!inflate_into(raw, max_decoded - decoded, s.data)) {
        at = end;
        continue;
      }
    } else {
      while (!raw.empty() && is_pdf_space(raw.back())) {
        raw.remove_suffix(1);
      }
      s.data = std::string(raw.substr(0, max_decoded - decoded));
    }
    decoded += s.data.size();
    out.push_back(std::move(s));
    at = end;
  }
  return out;
}

}  // namespace foilog
