#include "readers/inspect_office.h"

#include "readers/inspect.h"

#include "readers/xlsx_reader.h"
#include "readers/zip_archive.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

void warn(std::vector<Warning>& out, const char* kind, std::string detail) {
  out.push_back({kind, std::move(detail), {}});
}

// docProps/core.xml and app.xml: who wrote and last saved the file, and for which company.
void core_metadata(const ZipArchive& zip, std::vector<Warning>& out) {
  std::string found;
  auto add = [&](const char* label, const std::string& value) {
    const std::string v = collapse_whitespace(value);
    if (!v.empty()) {
      found += (found.empty() ? "" : "; ") + std::string(label) + ": " + v;
    }
  };
  if (const auto core = zip.xml("docProps/core.xml")) {
    for (const auto& [name, label] :
         {std::pair{"creator", "author"}, std::pair{"lastModifiedBy", "last saved by"},
          std::pair{"description", "comments"}, std::pair{"keywords", "keywords"}}) {
      for (const auto& n : descendants(*core, name)) {
        add(label, n.text().get());
      }
    }
  }
  if (const auto app = zip.xml("docProps/app.xml")) {
    for (const auto& [name, label] :
         {std::pair{"Company", "company"}, std::pair{"Manager", "manager"}}) {
      for (const auto& n : descendants(*app, name)) {
        add(label, n.text().get());
      }
    }
  }
  if (!found.empty()) {
    warn(out, "metadata", "the file's properties name people: " + found);
  }
}

void embedded_files(const ZipArchive& zip, const std::string& folder, std::vector<Warning>& out) {
  const auto names = zip.names_starting(folder);
  if (names.empty()) {
    return;
  }
  std::string list;
  for (const auto& n : names) {
    list += (list.empty() ? "" : ", ") + n.substr(folder.size());
  }
  warn(out, "attachment",
       std::to_string(names.size()) + " embedded files foilog did not read: " + list);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<Warning> inspect_docx(std::string_view bytes, const std::string& filename) {
  const ZipArchive zip(bytes, filename, "DOCX");
  std::vector<Warning> out;
  core_metadata(zip, out);
  if (const auto comments = zip.xml("word/comments.xml")) {
    const auto all = descendants(*comments, "comment");
    if (!all.empty()) {
      std::string authors;
      for (const auto& c : all) {
        const std::string a = attribute(c, "w:author");
        if (!a.empty() && authors.find(a) == std::string::npos) {
          authors += (authors.empty() ? "" : ", ") + a;
        }
      }
      warn(out, "comments",
           plural(all.size(), "comment", "comments") + " in the file" +
               (authors.empty() ? "" : " (by " + authors + ")") + ": " +
               clip_utf8(collapse_whitespace(xml_text(all.front())), 120));
    }
  }
  if (const auto body = zip.xml("word/document.xml")) {
    const auto deleted = descendants(*body, "del");
    const auto inserted = descendants(*body, "ins");
    if (!deleted.empty() || !inserted.empty()) {
      std::string sample;
      for (const auto& d : deleted) {
        for (const auto& t : descendants(d, "delText")) {
          sample += t.text().get();
        }
      }
      warn(out, "tracked_changes",
           plural(deleted.size(), "deletion", "deletions") + " and " +
               plural(inserted.size(), "insertion", "insertions") +
               " are kept as tracked changes: the deleted words are still in the file" +
               (sample.empty() ? "" : " (“" + clip_utf8(collapse_whitespace(sample), 80) + "”)"));
    }
    std::size_t hidden = 0;
    std::string sample;
    for (const auto& v : descendants(*body, "vanish")) {
      // w:rPr/w:vanish hides its run; the run's text is its parent's sibling w:t.
      const pugi::xml_node run = v.parent().parent();
      if (local_name(run) == "r") {
        ++hidden;
        if (sample.size() < 80) {
          sample += xml_text(run) + " ";
        }
      }
    }
    if (hidden > 0) {
      warn(out, "hidden_text",
           plural(hidden, "run of text is", "runs of text are") +
               " formatted as hidden: not printed, but in the file (“" +
               clip_utf8(collapse_whitespace(sample), 80) + "”)");
    }
  }
  embedded_files(zip, "word/embeddings/", out);
  return out;
}

std::vector<Warning> inspect_xlsx(std::string_view bytes, const std::string& filename) {
  const ZipArchive zip(bytes, filename, "XLSX");
  if (!zip.has("xl/workbook.xml")) {
    throw IngestError(filename, "XLSX is damaged: it has no xl/workbook.xml");
  }
  std::vector<Warning> out;
  for (const auto& sheet : xlsx_sheets(zip)) {
    if (sheet.state == "veryHidden") {
      warn(out, "hidden_sheet",
           "sheet “" + sheet.name +
               "” is very hidden: Excel shows it only through the VBA editor, but its cells are "
               "in the file");
    } else if (!sheet.state.empty()) {
      warn(out, "hidden_sheet", "sheet “" + sheet.name + "” is hidden: its cells are in the file");
    }
    const auto part = sheet.part.empty() ? std::nullopt : zip.xml(sheet.part);
    if (!part) {
      continue;
    }
    std::size_t rows = 0;
    for (const auto& r : descendants(*part, "row")) {
      const std::string h = attribute(r, "hidden");
      rows += h == "1" || h == "true" ? 1 : 0;
    }
    for (const auto& f : descendants(*part, "sheetFormatPr")) {
      if (attribute(f, "zeroHeight") == "1" || attribute(f, "zeroHeight") == "true") {
        warn(out, "hidden_rows", "sheet “" + sheet.name + "” hides every row not shown otherwise");
      }
    }
    if (rows > 0) {
      warn(out, "hidden_rows",
           "sheet “" + sheet.name + "” has " + plural(rows, "hidden row", "hidden rows"));
    }
    std::size_t columns = 0;
    for (const auto& c : descendants(*part, "col")) {
      const std::string h = attribute(c, "hidden");
      if (h == "1" || h == "true") {
        try {
          columns += std::stoul(attribute(c, "max")) - std::stoul(attribute(c, "min")) + 1;
        } catch (const std::exception&) {
          ++columns;
        }
      }
    }
    if (columns > 0) {
      warn(out, "hidden_columns",
           "sheet “" + sheet.name + "” has " + plural(columns, "hidden column", "hidden columns"));
    }
  }
  if (const auto caches = zip.names_starting("xl/pivotCache/"); !caches.empty()) {
    std::size_t definitions = 0;
    for (const auto& n : caches) {
      definitions += n.find("pivotCacheDefinition") != std::string::npos ? 1 : 0;
    }
    warn(out, "pivot_cache",
         plural(definitions == 0 ? caches.size() : definitions, "pivot cache", "pivot caches") +
             ": a copy of the pivot table's source data, which may hold rows the sheets do not "
             "show");
  }
  // A Power Pivot data model: a whole compressed copy of the source tables (xl/model/item.data;
  // Excel 2010 kept it under customXml as "Gemini" items).
  if (zip.has("xl/model/item.data") || !zip.names_starting("xl/model/").empty()) {
    warn(out, "data_model",
         "a data model (Power Pivot): a copy of every table loaded into it, rows the sheets do "
         "not show included");
  }
  if (zip.has("xl/connections.xml")) {
    warn(out, "data_connection",
         "data connections (xl/connections.xml): they name the databases or files the data came "
         "from, and can hold connection strings");
  }
  for (const auto& link : zip.names_starting("xl/externalLinks/")) {
    if (link.find("/_rels/") != std::string::npos || !link.ends_with(".xml")) {
      continue;
    }
    std::string target;
    const auto slash = link.rfind('/');
    if (const auto rels =
            zip.xml(link.substr(0, slash + 1) + "_rels/" + link.substr(slash + 1) + ".rels")) {
      for (const auto& r : descendants(*rels, "Relationship")) {
        target = attribute(r, "Target");
      }
    }
    warn(out, "external_link",
         "a link to another workbook" + (target.empty() ? "" : " (" + target + ")") +
             ": it names where the source data lives, and may cache its values");
  }
  std::size_t comments =
      zip.names_starting("xl/comments").size() + zip.names_starting("xl/threadedComments/").size();
  if (comments > 0) {
    warn(out, "comments",
         plural(comments, "comments part", "comments parts") +
             " in the workbook: cell comments are in the file");
  }
  if (zip.has("xl/vbaProject.bin")) {
    warn(out, "macros", "the workbook holds macros (VBA code): save it without them as .xlsx");
  }
  core_metadata(zip, out);
  embedded_files(zip, "xl/embeddings/", out);
  return out;
}

}  // namespace foilog
