// Tesseract OCR for PDF pages that are scans (no text layer).
#pragma once

#include <memory>
#include <string>

namespace foilog {

// One Tesseract instance (English) reused for every page of a document: loading the model
// costs more than recognising a page. Throws IngestError(filename, ...) when the English
// model is missing, naming the directory and the fix.
class OcrEngine {
 public:
  explicit OcrEngine(const std::string& filename);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // An 8-bit greyscale raster (row stride `bytes_per_row`) at `dpi` -> UTF-8 text.
  [[nodiscard]] std::string recognise(const unsigned char* pixels, int width, int height,
                                      int bytes_per_row, int dpi);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where the English model is looked for: $TESSDATA_PREFIX, else the Debian location.
[[nodiscard]] std::string tessdata_dir();

}  // namespace foilog
