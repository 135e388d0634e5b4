#include "readers/decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cerrno>
#include <memory>

#include "util/text.h"

namespace foilog {
namespace {

// nullopt-like empty result when iconv does not know the charset or the bytes do not fit it.
bool iconv_to_utf8(std::string_view bytes, const std::string& charset, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return false;
  }
  const std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  out.clear();
  std::string input(bytes);
  char* in = input.data();
  std::size_t in_left = input.size();
  std::array<char, 8192> buffer{};
  while (in_left > 0) {
    char* outp = buffer.data();
    std::size_t out_left = buffer.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &outp, &out_left);
    out.append(buffer.data(), buffer.size() - out_left);
    if (rc == static_cast<std::size_t>(-1) && errno != E2BIG) {
      return false;  // EILSEQ / EINVAL: the bytes are not in this charset
    }
  }
  return true;
}

std::string guess_charset(std::string_view bytes) {
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(
      uchardet_new(), uchardet_delete);
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) {
    return {};
  }
  uchardet_data_end(detector.get());
  return ascii_lower(uchardet_get_charset(detector.get()));
}

// Charsets where a uchardet guess is worth trusting over the Windows-1252 default: their bytes
// would be mojibake if read as Western European.
bool is_non_latin_charset(const std::string& c) {
  static const std::array<std::string_view, 16> kNonLatin = {
      "utf-16",     "utf-32",       "shift_jis",  "euc-jp",       "euc-kr",     "gb18030",
      "big5",       "euc-tw",       "koi8-r",     "windows-1251", "iso-8859-5", "windows-1253",
      "iso-8859-7", "windows-1256", "iso-8859-6", "iso-2022-jp"};
  for (const auto name : kNonLatin) {
    if (c.rfind(name, 0) == 0) {
      return true;
    }
  }
  return false;
}

// Counts valid multi-byte UTF-8 sequences against bytes that fit no sequence: a file that is
// mostly UTF-8 with a few pasted Windows-1252 bytes is repaired byte by byte instead.
bool mostly_utf8(std::string_view b) {
  std::size_t good = 0;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < b.size();) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len != 0 && i + len <= b.size() && is_valid_utf8(b.substr(i, len))) {
      ++good;
      i += len;
    } else {
      ++bad;
      ++i;
    }
  }
  return good > bad;
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared_charset) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  DecodedText result;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const std::string charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (iconv_to_utf8(bytes.substr(2), charset, result.utf8)) {
      result.converted_from = charset;
      return result;
    }
  }
  if (is_valid_utf8(bytes)) {
    result.utf8 = std::string(bytes);
    return result;
  }
  const std::string declared = ascii_lower(declared_charset);
  if (!declared.empty() && declared != "utf-8" && declared != "us-ascii" &&
      iconv_to_utf8(bytes,
                    declared == "iso-8859-1" || declared == "latin1" ? "WINDOWS-1252" : declared,
                    result.utf8)) {
    result.converted_from = declared;
    return result;
  }
  const std::string guess = guess_charset(bytes);
  if (is_non_latin_charset(guess) && iconv_to_utf8(bytes, guess, result.utf8)) {
    result.converted_from = guess;
    return result;
  }
  if (mostly_utf8(bytes)) {
    result.utf8 = repair_utf8(bytes);
    result.converted_from = "utf-8 with stray windows-1252 bytes";
  } else {
    result.utf8 = windows1252_to_utf8(bytes);
    result.converted_from = "windows-1252";
  }
  return result;
}

}  // namespace foilog
