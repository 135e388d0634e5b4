// Reading parts of an Office (OOXML) zip container held in memory, with a size cap per part so
// a zip bomb cannot exhaust memory. Used by the spreadsheet reader and the publishing checks.
#pragma once

#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace foilog {

class ZipArchive {
 public:
  // Throws IngestError(filename, "<what> is damaged: ...") when bytes are not a zip archive.
  // bytes must outlive the archive.
  ZipArchive(std::string_view bytes, std::string filename, std::string what);

  [[nodiscard]] bool has(const std::string& name) const;
  // The part's bytes, or nullopt when there is none. Throws IngestError for a part that cannot
  // be read or inflates past the cap.
  [[nodiscard]] std::optional<std::string> read(const std::string& name) const;
  // The part parsed as XML (nullopt when absent); IngestError naming the part when malformed.
  [[nodiscard]] std::optional<pugi::xml_document> xml(const std::string& name) const;
  // Every part name starting with prefix, sorted.
  [[nodiscard]] std::vector<std::string> names_starting(std::string_view prefix) const;

 private:
  struct Discard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  std::unique_ptr<zip_t, Discard> archive_;
  std::string filename_, what_;
};

// A part name relative to the folder of `from` ("xl/workbook.xml" + "worksheets/sheet1.xml" ->
// "xl/worksheets/sheet1.xml"; an absolute "/xl/x.xml" -> "xl/x.xml"; ".." steps up).
[[nodiscard]] std::string resolve_part(const std::string& from, const std::string& target);

// An element's name without its namespace prefix ("w:t" -> "t"): OOXML writers differ in the
// prefixes they use, never in the local names.
[[nodiscard]] std::string_view local_name(const pugi::xml_node& node);
// Every descendant element (node itself excluded) whose local name is `name`, in document order.
[[nodiscard]] std::vector<pugi::xml_node> descendants(const pugi::xml_node& node,
                                                      std::string_view name);
// The first child element with that local name (empty node when none).
[[nodiscard]] pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name);
// The text of every descendant <t> element of node (w:t, x:t, t), concatenated.
[[nodiscard]] std::string xml_text(const pugi::xml_node& node);
// An attribute by local name ("r:id" matches "id" only when asked for "r:id" exactly, so pass
// the full name for prefixed attributes).
[[nodiscard]] std::string attribute(const pugi::xml_node& node, const char* name);

}  // namespace foilog
