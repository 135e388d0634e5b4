#include "readers/xlsx_reader.h"

#include <map>

#include "readers/zip_archive.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

constexpr const char* kWorkbook = "xl/workbook.xml";

// Relationship id -> part, for the relationships of `part` (its _rels/NAME.rels).
std::map<std::string, std::string> relationships(const ZipArchive& zip, const std::string& part) {
  std::map<std::string, std::string> out;
  const auto slash = part.rfind('/');
  const std::string rels = (slash == std::string::npos ? "" : part.substr(0, slash + 1)) +
                           "_rels/" + part.substr(slash + 1) + ".rels";
  if (const auto doc = zip.xml(rels)) {
    for (const auto& r : descendants(*doc, "Relationship")) {
      if (attribute(r, "TargetMode") == "External") {
        out[attribute(r, "Id")] = attribute(r, "Target");
      } else {
        out[attribute(r, "Id")] = resolve_part(part, attribute(r, "Target"));
      }
    }
  }
  return out;
}

std::vector<std::string> shared_strings(const ZipArchive& zip) {
  std::vector<std::string> out;
  if (const auto doc = zip.xml("xl/sharedStrings.xml")) {
    for (const auto& si : descendants(*doc, "si")) {
      out.push_back(xml_text(si));
    }
  }
  return out;
}

std::string cell_value(const pugi::xml_node& c, const std::vector<std::string>& shared) {
  const std::string type = attribute(c, "t");
  if (type == "inlineStr") {
    return xml_text(child_named(c, "is"));
  }
  const std::string v = child_named(c, "v").text().get();
  if (type == "s") {
    try {
      const auto i = std::stoul(v);
      return i < shared.size() ? shared[i] : std::string();
    } catch (const std::exception&) {
      return {};
    }
  }
  if (type == "b") {
    return v == "1" ? "TRUE" : "FALSE";
  }
  return v;
}

}  // namespace

bool is_xlsx(std::string_view bytes) {
  if (!bytes.starts_with("PK")) {
    return false;
  }
  try {
    const ZipArchive zip(bytes, "", "spreadsheet");
    return zip.has(kWorkbook);
  } catch (const IngestError&) {
    return false;
  }
}

std::vector<XlsxSheet> xlsx_sheets(const ZipArchive& zip) {
  const auto workbook = zip.xml(kWorkbook);
  std::vector<XlsxSheet> out;
  if (!workbook) {
    return out;
  }
  const auto rels = relationships(zip, kWorkbook);
  for (const auto& sheet : descendants(*workbook, "sheet")) {
    XlsxSheet s;
    s.name = attribute(sheet, "name");
    s.state = attribute(sheet, "state");
    if (s.state == "visible") {
      s.state.clear();
    }
    const auto it = rels.find(attribute(sheet, "r:id"));
    s.part = it == rels.end() ? std::string() : it->second;
    out.push_back(std::move(s));
  }
  return out;
}

DocumentText read_xlsx(std::string_view bytes, const std::string& filename) {
  const ZipArchive zip(bytes, filename, "XLSX");
  if (!zip.has(kWorkbook)) {
    throw IngestError(filename, "XLSX is damaged: it has no xl/workbook.xml");
  }
  DocumentText doc;
  doc.format = "xlsx";
  if (const auto core = zip.xml("docProps/core.xml")) {
    const auto title = descendants(*core, "title");
    if (!title.empty()) {
      doc.title = collapse_whitespace(title.front().text().get());
    }
  }
  const auto shared = shared_strings(zip);
  std::string text;
  for (const auto& sheet : xlsx_sheets(zip)) {
    text += "Sheet: " + sheet.name + (sheet.state.empty() ? "" : " (" + sheet.state + ")") + "\n";
    const auto part = sheet.part.empty() ? std::nullopt : zip.xml(sheet.part);
    if (!part) {
      text += "\n";
      continue;
    }
    for (const auto& row : descendants(*part, "row")) {
      std::string line;
      for (const auto& c : descendants(row, "c")) {
        const std::string value = collapse_whitespace(cell_value(c, shared));
        if (!value.empty()) {
          line += (line.empty() ? "" : " | ") + value;
        }
      }
      if (!line.empty()) {
        text += line + "\n";
      }
    }
    text += "\n";
  }
  doc.text = repair_utf8(text);
  if (trim(doc.text).empty()) {
    throw IngestError(filename, "XLSX has no cells with text");
  }
  doc.notes.push_back("spreadsheet read cell by cell, hidden sheets included");
  return doc;
}

}  // namespace foilog
