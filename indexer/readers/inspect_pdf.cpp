#include "readers/inspect_pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-embedded-file.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <memory>

#include "readers/inspect.h"
#include "readers/pdf_content.h"
#include "readers/pdf_streams.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

constexpr double kDpi = 100;
constexpr int kMaxPages = 500;
// Grey levels: ink is darker than kDark, paper lighter than kPaper.
constexpr int kDark = 80;
constexpr int kPaper = 245;
// A word box this dark is covered; this blank draws nothing. Glyph strokes cover roughly
// 10-40% of their box, so both thresholds are far from ordinary text.
constexpr double kCoveredShare = 0.9;
constexpr double kBlankShare = 0.995;
constexpr std::size_t kSampleWords = 8;
// Decoded stream bytes read for the checks the renderer cannot make (text off the page,
// comments in object streams): bounds the memory a decompression bomb can take.
constexpr std::size_t kMaxDecodedStreams = 64U << 20U;

void silence_poppler(const std::string&, void*) {}

std::string to_std(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return {bytes.begin(), bytes.end()};
}

struct PixelShares {
  double dark = 0, paper = 0;
  std::size_t pixels = 0;
};

// The word box shrunk by 15% on each side (antialiased edges and neighbouring glyphs), in
// image pixels, and how much of it is ink or paper.
PixelShares shares_under(const poppler::image& img, const poppler::rectf& box) {
  PixelShares s;
  const double scale = kDpi / 72.0;
  const double dx = box.width() * 0.15;
  const double dy = box.height() * 0.15;
  const int x0 = std::max(0, static_cast<int>(std::floor((box.left() + dx) * scale)));
  const int y0 = std::max(0, static_cast<int>(std::floor((box.top() + dy) * scale)));
  const int x1 = std::min(img.width(), static_cast<int>(std::ceil((box.right() - dx) * scale)));
  const int y1 = std::min(img.height(), static_cast<int>(std::ceil((box.bottom() - dy) * scale)));
  if (x1 <= x0 || y1 <= y0) {
    return s;
  }
  const auto* data = reinterpret_cast<const unsigned char*>(img.const_data());
  std::size_t dark = 0, paper = 0;
  for (int y = y0; y < y1; ++y) {
    const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row();
    for (int x = x0; x < x1; ++x) {
      dark += row[x] < kDark ? 1 : 0;
      paper += row[x] > kPaper ? 1 : 0;
    }
  }
  s.pixels = static_cast<std::size_t>(x1 - x0) * static_cast<std::size_t>(y1 - y0);
  s.dark = static_cast<double>(dark) / static_cast<double>(s.pixels);
  s.paper = static_cast<double>(paper) / static_cast<double>(s.pixels);
  return s;
}

std::string sample(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < kSampleWords; ++i) {
    out += (i ? ", “" : "“") + clip_utf8(words[i], 40) + "”";
  }
  if (words.size() > kSampleWords) {
    out += ", …";
  }
  return out;
}

std::string count_words(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " word" : " words");
}

// Words whose letters and digits number at least two: a lone punctuation mark is too small to
// judge by its pixels.
bool judgeable(const std::string& word) {
  return std::count_if(word.begin(), word.end(), [](char c) {
           return (static_cast<unsigned char>(c) & 0x80) != 0 ||
                  std::isalnum(static_cast<unsigned char>(c)) != 0;
         }) >= 2;
}

void document_metadata(const poppler::document& pdf, std::vector<Warning>& out) {
  std::string found;
  // Info keys are PDF names, which may hold any bytes ("/Tit#FF#FFle"): the detail is shown on
  // the review page and kept as JSON, so it must be UTF-8 (found by fuzzing).
  auto add = [&](const std::string& label, const std::string& value) {
    const std::string v = collapse_whitespace(repair_utf8(value));
    if (!v.empty()) {
      found += (found.empty() ? "" : "; ") + repair_utf8(label) + ": " + clip_utf8(v, 120);
    }
  };
  add("author", to_std(pdf.get_author()));
  add("subject", to_std(pdf.get_subject()));
  add("keywords", to_std(pdf.get_keywords()));
  // Keys beyond the standard ones are what an application or a person added ("Comments",
  // "Company", "SourceModified").
  static const std::vector<std::string> kStandard = {"Title",        "Author",  "Subject",
                                                     "Keywords",     "Creator", "Producer",
                                                     "CreationDate", "ModDate", "Trapped"};
  for (const auto& key : pdf.info_keys()) {
    // pdfTeX's PTEX.* keys hold its version banner, not people.
    if (std::find(kStandard.begin(), kStandard.end(), key) == kStandard.end() &&
        key.rfind("PTEX.", 0) != 0) {
      add(key, to_std(pdf.info_key(key)));
    }
  }
  const std::string xmp = to_std(pdf.metadata());
  if (const auto at = xmp.find("<dc:creator"); at != std::string::npos) {
    const auto li = xmp.find("<rdf:li", at);
    const auto open_end = li == std::string::npos ? li : xmp.find('>', li);
    const auto close = open_end == std::string::npos ? open_end : xmp.find('<', open_end);
    if (close != std::string::npos) {
      add("XMP author", xmp.substr(open_end + 1, close - open_end - 1));
    }
  }
  if (!found.empty()) {
    out.push_back({"metadata", "the file's properties name people: " + found, {}});
  }
}

// Comment annotations (sticky notes, free-text notes and their pop-ups), found in the file's
// bytes and in its decoded object streams: poppler-cpp has no annotation API.
std::size_t count_comment_annotations(std::string_view bytes) {
  std::size_t count = 0;
  for (const std::string_view type : {"Text", "FreeText", "Popup"}) {
    for (const std::string_view gap : {"/Subtype/", "/Subtype /"}) {
      const std::string needle = std::string(gap) + std::string(type);
      for (auto at = bytes.find(needle); at != std::string_view::npos;
           at = bytes.find(needle, at + 1)) {
        const std::size_t end = at + needle.size();
        const char next = end < bytes.size() ? bytes[end] : ' ';
        if (std::isalnum(static_cast<unsigned char>(next)) == 0) {
          ++count;
        }
      }
    }
  }
  return count;
}

void comment_annotations(std::string_view bytes, const std::vector<PdfStream>& streams,
                         std::vector<Warning>& out) {
  std::size_t count = count_comment_annotations(bytes);
  for (const auto& s : streams) {
    if (pdf_dict_has(s.dict, "/Type", "/ObjStm")) {
      count += count_comment_annotations(s.data);
    }
  }
  if (count > 0) {
    out.push_back(
        {"comments",
         std::to_string(count) + " comment annotations (notes) in the file: readers can open them",
         {}});
  }
}

// Streams that cannot hold page drawing: images, fonts, metadata, cross-reference and object
// streams, attachments.
bool may_draw_text(const PdfStream& s) {
  for (const auto& [key, value] :
       {std::pair{"/Subtype", "/Image"}, std::pair{"/Type", "/XRef"}, std::pair{"/Type", "/ObjStm"},
        std::pair{"/Type", "/Metadata"}, std::pair{"/Type", "/EmbeddedFile"},
        std::pair{"/Subtype", "/Type1C"}, std::pair{"/Subtype", "/CIDFontType0C"},
        std::pair{"/Subtype", "/OpenType"}}) {
    if (pdf_dict_has(s.dict, key, value)) {
      return false;
    }
  }
  return s.dict.find("/Length1") == std::string::npos && s.data.find("BT") != std::string::npos;
}

bool worth_reporting(const DrawnText& d) {
  return std::count_if(d.text.begin(), d.text.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0;
         }) >= 2;
}

// Text drawn wholly outside every page's media box: poppler's text extraction drops it, so
// neither the index nor the reviewer sees it, but the file holds it for anyone to copy out.
void offpage_text(const std::vector<PdfStream>& streams, const poppler::rectf& page,
                  std::vector<Warning>& out) {
  constexpr double kMargin = 2;
  std::vector<std::string> outside;
  for (const auto& s : streams) {
    if (!may_draw_text(s)) {
      continue;
    }
    for (const DrawnText& d : drawn_text(s.data)) {
      const bool off = d.right < page.left() - kMargin || d.left > page.right() + kMargin ||
                       d.top < page.top() - kMargin || d.bottom > page.bottom() + kMargin;
      if (off && worth_reporting(d)) {
        outside.push_back(d.text);
      }
    }
  }
  if (!outside.empty()) {
    out.push_back({"pdf_offpage_text",
                   std::to_string(outside.size()) +
                       " pieces of text are drawn outside the page: viewers do not show them "
                       "but the file holds them for anyone to copy out: " +
                       sample(outside),
                   {}});
  }
}

}  // namespace

std::vector<Warning> inspect_pdf(std::string_view bytes, const std::string& filename) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw IngestError(filename, "file too large to inspect");
  }
  poppler::set_debug_error_function(silence_poppler, nullptr);
  const std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    throw IngestError(filename, "PDF is damaged: poppler could not parse it");
  }
  if (pdf->is_locked()) {
    throw IngestError(filename, "PDF is encrypted");
  }
  std::vector<Warning> out;
  document_metadata(*pdf, out);
  bool streams_truncated = false;
  const std::vector<PdfStream> streams = pdf_streams(bytes, kMaxDecodedStreams, &streams_truncated);
  comment_annotations(bytes, streams, out);
  if (pdf->has_embedded_files()) {
    std::string names;
    for (const poppler::embedded_file* f : pdf->embedded_files()) {
      names += (names.empty() ? "" : ", ") + clip_utf8(f->name(), 80);
    }
    out.push_back(
        {"attachment", "files attached to the PDF, which foilog did not read: " + names, {}});
  }

  const int pages = std::min(pdf->pages(), kMaxPages);
  std::vector<int> cropped;
  poppler::rectf all_pages;  // the union of the media boxes: "outside" means outside them all
  for (int i = 0; i < pages; ++i) {
    const std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      continue;
    }
    const poppler::rectf media = page->page_rect(poppler::media_box);
    all_pages = all_pages.width() <= 0
                    ? media
                    : poppler::rectf(std::min(all_pages.left(), media.left()),
                                     std::min(all_pages.top(), media.top()),
                                     std::max(all_pages.right(), media.right()) -
                                         std::min(all_pages.left(), media.left()),
                                     std::max(all_pages.bottom(), media.bottom()) -
                                         std::min(all_pages.top(), media.top()));
    const poppler::rectf crop = page->page_rect(poppler::crop_box);
    if (media.width() > crop.width() + 1 || media.height() > crop.height() + 1) {
      cropped.push_back(i + 1);
    }
    const std::vector<poppler::text_box> words = page->text_list();
    if (words.empty()) {
      continue;
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image img = renderer.render_page(page.get(), kDpi, kDpi);
    if (!img.is_valid()) {
      continue;
    }
    std::vector<std::string> covered, blank;
    for (const auto& box : words) {
      const std::string word = std::string(trim(to_std(box.text())));
      if (!judgeable(word)) {
        continue;
      }
      const PixelShares s = shares_under(img, box.bbox());
      if (s.pixels < 4) {
        continue;
      }
      if (s.dark >= kCoveredShare) {
        covered.push_back(word);
      } else if (s.paper >= kBlankShare) {
        blank.push_back(word);
      }
    }
    const std::string where = "page " + std::to_string(i + 1) + ": ";
    if (!covered.empty()) {
      out.push_back({"pdf_hidden_text",
                     where + count_words(covered.size()) +
                         " of the text layer lie under a drawn box (a redaction that hides the "
                         "words but leaves them in the file): " +
                         sample(covered),
                     {}});
    }
    if (!blank.empty()) {
      out.push_back(
          {"pdf_invisible_text",
           where + count_words(blank.size()) +
               " of the text layer draw nothing (invisible or white text): " + sample(blank),
           {}});
    }
  }
  if (!cropped.empty()) {
    std::string list;
    for (const int p : cropped) {
      list += (list.empty() ? "" : ", ") + std::to_string(p);
    }
    out.push_back(
        {"pdf_offpage_text",
         "page " + list + " cropped: the file keeps whatever lies outside the visible page",
         {}});
  }
  if (all_pages.width() > 0) {
    offpage_text(streams, all_pages, out);
  }
  if (streams_truncated) {
    out.push_back({"pdf_unchecked",
                   "the file's streams decode to more than " +
                       std::to_string(kMaxDecodedStreams >> 20U) +
                       " MB: text drawn outside the page was looked for in the first part only",
                   {}});
  }
  if (pdf->pages() > kMaxPages) {
    out.push_back({"pdf_unchecked",
                   "only the first " + std::to_string(kMaxPages) + " of " +
                       std::to_string(pdf->pages()) + " pages were checked for hidden text",
                   {}});
  }
  return out;
}

}  // namespace foilog
