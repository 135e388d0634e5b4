#include "readers/docx_reader.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <vector>

#include "readers/zip_archive.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

// Names matching word/<prefix>N.xml (header1.xml, footer2.xml ...), sorted.
std::vector<std::string> parts_named(const ZipArchive& zip, const std::string& prefix) {
  std::vector<std::string> names;
  for (auto& name : zip.names_starting("word/" + prefix)) {
    if (name.ends_with(".xml")) {
      names.push_back(std::move(name));
    }
  }
  return names;
}

pugi::xml_document parse_xml(const std::string& xml, const std::string& part,
                             const std::string& filename) {
  pugi::xml_document doc;
  const pugi::xml_parse_result ok = doc.load_buffer(xml.data(), xml.size());
  if (!ok) {
    throw IngestError(filename, "DOCX is damaged: " + part + " is not well-formed XML (" +
                                    ok.description() + ")");
  }
  return doc;
}

bool is_list_paragraph(const pugi::xml_node& p) {
  const pugi::xml_node props = p.child("w:pPr");
  if (props.child("w:numPr")) {
    return true;
  }
  const std::string style = props.child("w:pStyle").attribute("w:val").as_string();
  return icontains(style, "list");
}

void append_run_text(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "w:t") {
      out += child.text().get();
    } else if (name == "w:tab") {
      out += '\t';
    } else if (name == "w:br" || name == "w:cr") {
      out += '\n';
    } else if (name == "w:noBreakHyphen") {
      out += '-';
    } else if (name == "w:delText" || name == "w:instrText" || name == "w:del" || name == "w:pPr" ||
               name == "w:rPr") {
      // tracked deletions and field codes are not what the letter says
    } else {
      append_run_text(child, out);  // w:r, w:hyperlink, w:ins, w:smartTag, w:sdt ...
    }
  }
}

std::string paragraph_text(const pugi::xml_node& p) {
  std::string text;
  append_run_text(p, text);
  return text;
}

void append_block(const pugi::xml_node& container, std::string& out, bool in_cell);

std::string cell_text(const pugi::xml_node& cell) {
  std::string text;
  append_block(cell, text, true);
  return collapse_whitespace(text);
}

void append_table(const pugi::xml_node& table, std::string& out) {
  for (const pugi::xml_node row : table.children("w:tr")) {
    std::string line;
    bool any = false;
    for (const pugi::xml_node cell : row.children("w:tc")) {
      const std::string text = cell_text(cell);
      if (!line.empty() || any) {
        line += " | ";
      }
      line += text;
      any = true;
    }
    if (line.find_first_not_of(" |") != std::string::npos) {
      out += line;
      out += '\n';
    }
  }
  out += '\n';
}

void append_block(const pugi::xml_node& container, std::string& out, bool in_cell) {
  for (const pugi::xml_node child : container.children()) {
    const std::string_view name = child.name();
    if (name == "w:p") {
      std::string text = paragraph_text(child);
      if (is_list_paragraph(child) && !trim(text).empty()) {
        text = "- " + std::string(trim(text));
      }
      out += text;
      out += in_cell ? ' ' : '\n';
    } else if (name == "w:tbl") {
      if (in_cell) {
        out += ' ';
        out += collapse_whitespace([&] {
          std::string nested;
          append_table(child, nested);
          return nested;
        }());
        out += ' ';
      } else {
        append_table(child, out);
      }
    } else if (name == "w:sdt") {
      append_block(child.child("w:sdtContent"), out, in_cell);
    } else if (name == "w:customXml" || name == "w:ins") {
      append_block(child, out, in_cell);
    }
  }
}

std::string part_text(const ZipArchive& zip, const std::string& part, const std::string& root,
                      const std::string& filename) {
  const auto xml = zip.read(part);
  if (!xml) {
    return {};
  }
  const pugi::xml_document doc = parse_xml(*xml, part, filename);
  std::string text;
  append_block(root == "w:body" ? doc.child("w:document").child("w:body") : doc.child(root.c_str()),
               text, false);
  return text;
}

void read_core_properties(const ZipArchive& zip, const std::string& filename, DocumentText& doc) {
  const auto xml = zip.read("docProps/core.xml");
  if (!xml) {
    return;
  }
  pugi::xml_document core;
  if (!core.load_buffer(xml->data(), xml->size())) {
    doc.notes.push_back("docProps/core.xml is not well-formed; document properties ignored");
    return;
  }
  (void)filename;
  const pugi::xml_node props = core.first_child();
  const auto value = [&](const char* name) {
    return collapse_whitespace(props.child(name).text().get());
  };
  doc.title = value("dc:title");
  for (const auto& [key, element] : {std::pair{"docx.author", "dc:creator"},
                                     std::pair{"docx.last_modified_by", "cp:lastModifiedBy"},
                                     std::pair{"docx.created", "dcterms:created"},
                                     std::pair{"docx.modified", "dcterms:modified"}}) {
    if (std::string v = value(element); !v.empty()) {
      doc.metadata[key] = std::move(v);
    }
  }
}

}  // namespace

DocumentText read_docx(std::string_view bytes, const std::string& filename) {
  const ZipArchive zip(bytes, filename, "DOCX");
  DocumentText doc;
  doc.format = "docx";
  if (!zip.read("word/document.xml")) {
    throw IngestError(filename, "DOCX is damaged: word/document.xml is missing");
  }
  // Headers and footers repeat across sections; keep each distinct text once.
  std::vector<std::string> seen;
  const auto furniture = [&](const std::string& prefix, const char* root) {
    std::string text;
    for (const auto& part : parts_named(zip, prefix)) {
      std::string t = part_text(zip, part, root, filename);
      const std::string key = collapse_whitespace(t);
      if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) {
        continue;
      }
      seen.push_back(key);
      text += t;
    }
    return text;
  };
  const std::string header = furniture("header", "w:hdr");
  const std::string body = part_text(zip, "word/document.xml", "w:body", filename);
  const std::string footer = furniture("footer", "w:ftr");
  doc.text = header + (header.empty() ? "" : "\n") + body + (footer.empty() ? "" : "\n") + footer;

  read_core_properties(zip, filename, doc);
  if (const auto comments = zip.read("word/comments.xml")) {
    const pugi::xml_document xml = parse_xml(*comments, "word/comments.xml", filename);
    const auto count = std::distance(xml.child("w:comments").children("w:comment").begin(),
                                     xml.child("w:comments").children("w:comment").end());
    if (count > 0) {
      doc.metadata["docx.comments"] = std::to_string(count);
      doc.notes.push_back("the document carries " + std::to_string(count) +
                          " reviewer comment(s); they are not part of the text");
    }
  }
  return doc;
}

}  // namespace foilog
