#include "readers/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

#include "readers/ocr.h"
#include "readers/page_furniture.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

constexpr int kOcrDpi = 300;
// A0 at 300 dpi is 140 megapixels; big pages are rendered at a lower resolution instead.
constexpr double kMaxOcrPixels = 40e6;

// Poppler reports problems through a global callback; collect them for the current thread so
// a damaged file's error message can say what poppler saw instead of printing to stderr.
thread_local std::vector<std::string>* poppler_messages = nullptr;

void collect_poppler_message(const std::string& msg, void* /*closure*/) {
  if (poppler_messages != nullptr && poppler_messages->size() < 20) {
    poppler_messages->push_back(msg);
  }
}

class PopplerMessageScope {
 public:
  PopplerMessageScope() {
    poppler::set_debug_error_function(collect_poppler_message, nullptr);
    poppler_messages = &messages_;
  }
  ~PopplerMessageScope() { poppler_messages = nullptr; }
  PopplerMessageScope(const PopplerMessageScope&) = delete;
  PopplerMessageScope& operator=(const PopplerMessageScope&) = delete;
  [[nodiscard]] const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

std::string to_std(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool has_visible_text(std::string_view s) {
  int letters = 0;
  for (const char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') {
      ++letters;
    }
  }
  return letters >= 3;
}

std::optional<std::string> ocr_page(const poppler::page& page, OcrEngine& engine) {
  const poppler::rectf box = page.page_rect();
  double dpi = kOcrDpi;
  const double pixels = (box.width() / 72.0 * dpi) * (box.height() / 72.0 * dpi);
  if (pixels > kMaxOcrPixels) {
    dpi *= std::sqrt(kMaxOcrPixels / pixels);
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid()) {
    return std::nullopt;
  }
  return engine.recognise(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                          image.height(), image.bytes_per_row(), static_cast<int>(dpi));
}

std::string damage_detail(const std::vector<std::string>& messages) {
  return messages.empty() ? "poppler could not parse it" : "poppler: " + messages.front();
}

}  // namespace

std::string tidy_physical_layout(std::string_view page_text) {
  std::string out;
  out.reserve(page_text.size());
  for (const std::string_view raw : split_lines(page_text)) {
    const std::string_view line = trim(raw);
    std::size_t spaces = 0;
    for (const char c : line) {
      if (c == ' ') {
        ++spaces;
        continue;
      }
      if (spaces > 0) {
        out += spaces >= 3 ? " | " : std::string(spaces, ' ');
      }
      spaces = 0;
      out += c;
    }
    out += '\n';
  }
  return out;
}

bool pdf_looks_complete(std::string_view bytes) {
  const std::size_t tail = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
  return bytes.find("%%EOF", tail) != std::string_view::npos;
}

DocumentText read_pdf(std::string_view bytes, const std::string& filename) {
  if (!pdf_looks_complete(bytes)) {
    throw IngestError(filename, "PDF is damaged: file is truncated (no %%EOF at the end)");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw IngestError(filename, "file too large: " + std::to_string(bytes.size()) + " bytes");
  }
  const PopplerMessageScope messages;
  const std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    throw IngestError(filename, "PDF is damaged: " + damage_detail(messages.messages()));
  }
  if (pdf->is_locked()) {
    throw IngestError(filename, "PDF is encrypted");
  }
  const int page_count = pdf->pages();
  if (page_count <= 0) {
    throw IngestError(filename, "PDF is damaged: it has no pages");
  }

  DocumentText doc;
  doc.format = "pdf";
  doc.title = collapse_whitespace(to_std(pdf->get_title()));
  for (const auto& [key, value] : {std::pair{"pdf.author", to_std(pdf->get_author())},
                                   std::pair{"pdf.creator", to_std(pdf->get_creator())},
                                   std::pair{"pdf.producer", to_std(pdf->get_producer())}}) {
    if (!trim(value).empty()) {
      doc.metadata[key] = collapse_whitespace(value);
    }
  }

  std::vector<std::string> pages;
  std::vector<int> pages_without_text;
  for (int i = 0; i < page_count; ++i) {
    const std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      doc.notes.push_back("page " + std::to_string(i + 1) + " could not be read");
      pages.emplace_back();
      continue;
    }
    // Physical layout read best on letter-shaped fixtures: raw content-stream order puts a
    // letterhead drawn last at the bottom and reads tables column by column, and poppler's
    // reading order moves a right-aligned "Our ref:" block to the end of the page. Physical
    // layout keeps both where they are printed; tidy_physical_layout removes its padding.
    pages.push_back(
        tidy_physical_layout(to_std(page->text(poppler::rectf(), poppler::page::physical_layout))));
    if (!has_visible_text(pages.back())) {
      pages_without_text.push_back(i);
    }
  }

  if (!pages_without_text.empty()) {
    OcrEngine engine(filename);
    int recognised = 0;
    for (const int i : pages_without_text) {
      const std::unique_ptr<poppler::page> page(pdf->create_page(i));
      if (!page) {
        continue;
      }
      if (auto text = ocr_page(*page, engine); text && has_visible_text(*text)) {
        pages[static_cast<std::size_t>(i)] = std::move(*text);
        ++recognised;
      }
    }
    if (recognised > 0) {
      doc.ocr = true;
      doc.notes.push_back("text of " + std::to_string(recognised) + " of " +
                          std::to_string(page_count) +
                          " pages read by OCR (Tesseract): expect recognition errors");
    }
  }

  JoinedPages joined = join_pages_without_furniture(pages);
  doc.text = std::move(joined.text);
  if (joined.removed_lines > 0) {
    doc.notes.push_back("removed " + std::to_string(joined.removed_lines) +
                        " repeated header/footer lines (kept on the first page)");
  }
  if (!trim(doc.text).empty() || pages_without_text.empty()) {
    return doc;
  }
  throw IngestError(filename, "no text found: the PDF has no text layer and OCR read nothing");
}

}  // namespace foilog
