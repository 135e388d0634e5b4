// Builders for the reader tests' fixtures: every PDF, DOCX and e-mail is generated at run time
// in a temporary directory, so no binary fixture is checked in and each test shows exactly
// what it feeds the reader.
#pragma once

#include <unistd.h>
#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace foilog::testing {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "foilog-readers-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory");
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] std::filesystem::path write(const std::string& name,
                                            const std::string& bytes) const {
    const auto p = path_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Assembles a PDF from numbered object bodies with a correct cross-reference table.
class PdfWriter {
 public:
  // Returns the object number. Bodies may refer to later objects by number.
  int add(std::string body) {
    objects_.push_back(std::move(body));
    return static_cast<int>(objects_.size());
  }
  static std::string stream(const std::string& dict_entries, const std::string& data) {
    return "<< " + dict_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" +
           data + "\nendstream";
  }
  [[nodiscard]] std::string finish(int catalog, const std::string& info_entries = "") {
    int info = 0;
    if (!info_entries.empty()) {
      info = add("<< " + info_entries + " >>");
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto off : offsets) {
      char line[21];
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
           std::to_string(catalog) + " 0 R" +
           (info != 0 ? " /Info " + std::to_string(info) + " 0 R" : "") + " >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

inline std::string pdf_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// A text PDF: one page per entry, each line set in Helvetica from the top of the page.
// Objects: 1 catalog, 2 page tree, 3 font, then per page a content stream and the page.
inline std::string make_text_pdf(const std::vector<std::vector<std::string>>& pages,
                                 const std::string& info_entries = "", int width = 612,
                                 int height = 792, int font_size = 12) {
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    kids += std::to_string(5 + 2 * i) + " 0 R ";
  }
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (const auto& lines : pages) {
    std::string content =
        "BT /F1 " + std::to_string(font_size) + " Tf " + std::to_string(font_size + font_size / 3) +
        " TL " + std::to_string(font_size) + " " + std::to_string(height - font_size * 2) + " Td\n";
    for (const auto& line : lines) {
      content += "(" + pdf_escape(line) + ") Tj T*\n";
    }
    content += "ET";
    const int stream = pdf.add(PdfWriter::stream("", content));
    pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) + " " +
            std::to_string(height) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(stream) + " 0 R >>");
  }
  return pdf.finish(1, info_entries);
}

// A one-page PDF whose only content is an 8-bit greyscale image (a "scan"): no text layer.
inline std::string make_image_pdf(const std::vector<unsigned char>& gray, int px_width,
                                  int px_height, double pt_width, double pt_height) {
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [5 0 R] /Count 1 >>");
  pdf.add(PdfWriter::stream("/Type /XObject /Subtype /Image /Width " + std::to_string(px_width) +
                                " /Height " + std::to_string(px_height) +
                                " /ColorSpace /DeviceGray /BitsPerComponent 8",
                            std::string(gray.begin(), gray.end())));
  const std::string draw =
      "q " + std::to_string(pt_width) + " 0 0 " + std::to_string(pt_height) + " 0 0 cm /Im1 Do Q";
  pdf.add(PdfWriter::stream("", draw));
  pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(pt_width) + " " +
          std::to_string(pt_height) +
          "] /Resources << /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>");
  return pdf.finish(1);
}

// Writes deflate bits least-significant first; Huffman codes are sent most-significant first.
class BitWriter {
 public:
  void bits(std::uint32_t value, int count) {
    for (int i = 0; i < count; ++i) {
      put((value >> i) & 1U);
    }
  }
  void huffman(std::uint32_t code, int length) {
    for (int i = length - 1; i >= 0; --i) {
      put((code >> i) & 1U);
    }
  }
  std::string take() {
    if (used_ > 0) {
      out_ += static_cast<char>(current_);
    }
    return std::move(out_);
  }

 private:
  void put(std::uint32_t bit) {
    current_ |= static_cast<std::uint8_t>(bit << used_);
    if (++used_ == 8) {
      out_ += static_cast<char>(current_);
      current_ = 0;
      used_ = 0;
    }
  }
  std::string out_;
  std::uint8_t current_ = 0;
  int used_ = 0;
};

// A zlib stream that inflates to about `matches` * 258 spaces: one literal space, then
// length-258/distance-1 back-references in a fixed-Huffman block (13 bits per 258 bytes).
inline std::string zlib_space_bomb(std::size_t matches) {
  BitWriter w;
  w.bits(1, 1);              // BFINAL
  w.bits(1, 2);              // BTYPE = fixed Huffman
  w.huffman(0x30 + ' ', 8);  // literal ' '
  for (std::size_t i = 0; i < matches; ++i) {
    w.huffman(0xC0 + (285 - 280), 8);  // length 258
    w.huffman(0, 5);                   // distance 1
  }
  w.huffman(0, 7);  // end of block
  return std::string("\x78\x01", 2) + w.take() + std::string(4, '\0');
}

// A PDF whose page content is a FlateDecode bomb of whitespace.
inline std::string make_bomb_pdf(std::size_t matches) {
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>");
  pdf.add(PdfWriter::stream("/Filter /FlateDecode", zlib_space_bomb(matches)));
  pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>");
  return pdf.finish(1);
}

inline std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t line = 0;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t v = static_cast<std::uint8_t>(in[i]) << 16;
    if (i + 1 < in.size())
      v |= static_cast<std::uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size())
      v |= static_cast<std::uint8_t>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
    if ((line += 4) >= 76) {
      out += "\r\n";
      line = 0;
    }
  }
  return out;
}

// Writes a zip (e.g. a DOCX) with the given entries using libzip.
inline void write_zip(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    throw std::runtime_error("cannot create zip " + path.string());
  }
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (src == nullptr || zip_file_add(archive, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(src);
      zip_discard(archive);
      throw std::runtime_error("cannot add " + name + " to zip");
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("cannot write zip " + path.string());
  }
}

}  // namespace foilog::testing
