#include "readers/ocr.h"

#include <tesseract/baseapi.h>

#include <cstdlib>
#include <filesystem>

#include "util/error.h"

namespace foilog {

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
};

std::string tessdata_dir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env != nullptr && *env != '\0') {
    return env;
  }
  return "/usr/share/tesseract-ocr/5/tessdata";
}

OcrEngine::OcrEngine(const std::string& filename) : impl_(std::make_unique<Impl>()) {
  const std::string dir = tessdata_dir();
  if (!std::filesystem::exists(std::filesystem::path(dir) / "eng.traineddata") ||
      impl_->api.Init(dir.c_str(), "eng") != 0) {
    throw IngestError(filename,
                      "PDF has no text layer and OCR is unavailable: no eng.traineddata in " + dir +
                          " (install tesseract-ocr-eng or set TESSDATA_PREFIX)");
  }
  // Tesseract's diagnostics ("Estimating resolution ...") are noise in an indexer's log.
  impl_->api.SetVariable("debug_file", "/dev/null");
  impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() {
  impl_->api.End();
}

std::string OcrEngine::recognise(const unsigned char* pixels, int width, int height,
                                 int bytes_per_row, int dpi) {
  impl_->api.SetImage(pixels, width, height, 1, bytes_per_row);
  impl_->api.SetSourceResolution(dpi);
  const std::unique_ptr<char[]> text(impl_->api.GetUTF8Text());
  impl_->api.Clear();
  return text ? std::string(text.get()) : std::string();
}

}  // namespace foilog
