// The streams of a PDF file, found in its bytes and decoded where the filter is Flate (or none):
// what poppler-cpp does not expose — the drawing operators of content streams and the objects
// packed into compressed object streams. Used by the pre-publication checks (inspect_pdf).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct PdfStream {
  std::string dict;  // the stream's dictionary, as written ("<< /Length 42 /Filter ... >>")
  std::string data;  // decoded bytes
};

// Every stream whose filter is absent or /FlateDecode alone, decoded. Streams with other filters
// (images, fonts in other encodings) are skipped; a stream that fails to inflate is skipped.
// Decoding stops once max_decoded bytes have been produced in all, so a decompression bomb
// costs at most that much memory; `truncated` (when given) says whether it stopped early.
[[nodiscard]] std::vector<PdfStream> pdf_streams(std::string_view bytes, std::size_t max_decoded,
                                                 bool* truncated = nullptr);

// Whether dict names `key` (a PDF name such as "/Subtype/Image", spaces optional between the
// two names).
[[nodiscard]] bool pdf_dict_has(std::string_view dict, std::string_view key,
                                std::string_view value);

}  // namespace foilog
