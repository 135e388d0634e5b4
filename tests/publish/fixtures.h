// Files the publishing tests make themselves: PDFs written operator by operator (text, then a
// filled black rectangle drawn over some of it, as a failed redaction looks), and Office files
// (XLSX, DOCX) as zips of XML written with libzip. Nothing binary is checked in.
#pragma once

#include <zip.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace foilog::publish_testing {

// data compressed with zlib, as a /FlateDecode stream holds it.
inline std::string deflate(const std::string& data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  if (compress(reinterpret_cast<Bytef*>(out.data()), &size,
               reinterpret_cast<const Bytef*>(data.data()), data.size()) != Z_OK) {
    throw std::runtime_error("deflate: zlib failed");
  }
  out.resize(size);
  return out;
}

// A stream object's text: `data` deflated when `flate`.
inline std::string pdf_stream_object(const std::string& data, bool flate,
                                     const std::string& dict_extra = "") {
  const std::string body = flate ? deflate(data) : data;
  return "<< /Length " + std::to_string(body.size()) + (flate ? " /Filter /FlateDecode " : " ") +
         dict_extra + " >>\nstream\n" + body + "\nendstream";
}

// A one-page PDF (612 x 792 pt, Helvetica) whose content stream is `content` (deflated when
// `flate`, as most producers write it); extra entries go into the page dictionary (a /CropBox),
// info_entries into the document information, extra_objects after it (numbered from 7).
inline std::string make_pdf(const std::string& content, const std::string& page_extra = "",
                            const std::string& info_entries = "", bool flate = false,
                            const std::vector<std::string>& extra_objects = {}) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + page_extra +
          " /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
      pdf_stream_object(content, flate),
  };
  objects.push_back("<< " + info_entries + " >>");  // 6: the document information
  objects.insert(objects.end(), extra_objects.begin(), extra_objects.end());
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto off : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
         (info_entries.empty() ? "" : " /Info 6 0 R") + " >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return out;
}

// A line of 12 pt text with its baseline at (x, y); mode 3 draws nothing (invisible text).
inline std::string pdf_text(int x, int y, const std::string& text, int render_mode = 0) {
  return "BT /F1 12 Tf " + std::to_string(render_mode) + " Tr " + std::to_string(x) + " " +
         std::to_string(y) + " Td (" + text + ") Tj ET\n";
}

// A filled black rectangle: what a careless redaction draws over text it leaves in place.
inline std::string pdf_black_box(int x, int y, int w, int h) {
  return "q 0 0 0 rg " + std::to_string(x) + " " + std::to_string(y) + " " + std::to_string(w) +
         " " + std::to_string(h) + " re f Q\n";
}

// A zip of (name, bytes) parts, as Office files are.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    throw std::runtime_error("make_zip: cannot open an in-memory archive");
  }
  zip_source_keep(out);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (src == nullptr || zip_file_add(archive, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(src);
      throw std::runtime_error("make_zip: cannot add " + name);
    }
  }
  if (zip_close(archive) != 0) {
    throw std::runtime_error("make_zip: cannot write the archive");
  }
  std::string result;
  if (zip_source_open(out) == 0) {
    char buf[8192];
    zip_int64_t n = 0;
    while ((n = zip_source_read(out, buf, sizeof buf)) > 0) {
      result.append(buf, static_cast<std::size_t>(n));
    }
    zip_source_close(out);
  }
  zip_source_free(out);
  zip_error_fini(&error);
  return result;
}

struct SheetSpec {
  std::string name;
  std::string state;  // "", "hidden", "veryHidden"
  std::vector<std::vector<std::string>> rows;
  std::vector<int> hidden_rows;  // 1-based
  bool hidden_column_b = false;
};

// An XLSX workbook (inline strings), optionally with a pivot cache and an external link.
inline std::string make_xlsx(
    const std::vector<SheetSpec>& sheets, bool pivot_cache = false, bool external_link = false,
    const std::vector<std::pair<std::string, std::string>>& extra_parts = {}) {
  std::string workbook_sheets, rels, types;
  std::vector<std::pair<std::string, std::string>> parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const auto& s = sheets[i];
    const std::string n = std::to_string(i + 1);
    workbook_sheets += "<sheet name=\"" + s.name + "\" sheetId=\"" + n + "\"" +
                       (s.state.empty() ? "" : " state=\"" + s.state + "\"") + " r:id=\"rId" + n +
                       "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    types += "<Override PartName=\"/xl/worksheets/sheet" + n +
             ".xml\" ContentType=\"application/"
             "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    std::string data;
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const int row = static_cast<int>(r) + 1;
      bool hidden = false;
      for (const int h : s.hidden_rows) {
        hidden = hidden || h == row;
      }
      data += "<row r=\"" + std::to_string(row) + "\"" + (hidden ? " hidden=\"1\"" : "") + ">";
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(row);
        data += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + s.rows[r][c] + "</t></is></c>";
      }
      data += "</row>";
    }
    parts.emplace_back(
        "xl/worksheets/sheet" + n + ".xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
            std::string(s.hidden_column_b ? "<cols><col min=\"2\" max=\"2\" hidden=\"1\"/></cols>"
                                          : "") +
            "<sheetData>" + data + "</sheetData></worksheet>");
  }
  parts.emplace_back(
      "[Content_Types].xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
      "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
          types + "</Types>");
  parts.emplace_back(
      "xl/workbook.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
          workbook_sheets + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                         rels + "</Relationships>");
  if (pivot_cache) {
    parts.emplace_back("xl/pivotCache/pivotCacheDefinition1.xml",
                       "<?xml version=\"1.0\"?><pivotCacheDefinition "
                       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
    parts.emplace_back("xl/pivotCache/pivotCacheRecords1.xml",
                       "<?xml version=\"1.0\"?><pivotCacheRecords "
                       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
  }
  if (external_link) {
    parts.emplace_back("xl/externalLinks/externalLink1.xml",
                       "<?xml version=\"1.0\"?><externalLink "
                       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
    parts.emplace_back(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
        "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "externalLinkPath\" Target=\"file:///S:/HR/salaries.xlsx\" TargetMode=\"External\"/>"
        "</Relationships>");
  }
  parts.insert(parts.end(), extra_parts.begin(), extra_parts.end());
  return make_zip(parts);
}

// A DOCX whose body is `paragraphs` (w:p of plain runs) plus `extra_body` XML, with optional
// comments and core properties.
inline std::string make_docx(const std::vector<std::string>& paragraphs,
                             const std::string& extra_body = "",
                             const std::string& comments_xml = "",
                             const std::string& core_xml = "") {
  std::string body;
  for (const auto& p : paragraphs) {
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>";
  }
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
       "Extension=\"xml\" ContentType=\"application/xml\"/><Override "
       "PartName=\"/word/document.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
       "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           body + extra_body + "</w:body></w:document>"}};
  if (!comments_xml.empty()) {
    parts.emplace_back("word/comments.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments "
                       "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
                           comments_xml + "</w:comments>");
  }
  if (!core_xml.empty()) {
    parts.emplace_back("docProps/core.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
                       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                       "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" +
                           core_xml + "</cp:coreProperties>");
  }
  return make_zip(parts);
}

}  // namespace foilog::publish_testing
