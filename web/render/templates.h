// The page templates (web/templates/*.mustache, kainjow Mustache): all loaded and validated at
// start-up, so a broken template stops the server from starting instead of failing a request.
//
// Escaping contract: Mustache's {{name}} HTML-escapes; {{{name}}} and {{&name}} do not, and are
// allowed only for the keys in kRawHtmlKeys, which hold HTML the server built and escaped itself
// (render/html.h, Xapian snippets, SVG charts). load() refuses any other unescaped use.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace foilog::web {

// Keys whose values are server-built HTML; every other key is escaped by Mustache.
inline constexpr std::array<std::string_view, 4> kRawHtmlKeys = {
    "body_html",     // a rendered page template, inserted into layout.mustache
    "snippet_html",  // Xapian MSet::snippet(): escapes the text, adds <mark> around matches
    "text_html",     // highlight_text(): the document text, escaped, with evidence marks
    "chart_svg",     // server-rendered SVG charts
};

class Templates {
 public:
  // Loads every *.mustache in dir. Throws DataError naming the file and Mustache's message for
  // a template that does not parse, or one that uses {{{ }}}/{{& }} on a key not in
  // kRawHtmlKeys. layout.mustache must exist.
  static Templates load(const std::filesystem::path& dir);

  // Renders page NAME with view, then the layout around it. view is converted to Mustache data
  // (objects, lists, strings, numbers as text, booleans; null is false).
  [[nodiscard]] std::string render_page(const std::string& name, const nlohmann::json& view) const;
  // Renders one template alone (feeds, fragments).
  [[nodiscard]] std::string render(const std::string& name, const nlohmann::json& view) const;

  [[nodiscard]] bool has(const std::string& name) const { return sources_.count(name) != 0; }

 private:
  std::map<std::string, std::string> sources_;  // name (file stem) -> template text
};

// The {{{key}}} / {{&key}} uses in a template's text (for the load-time check and its test).
[[nodiscard]] std::vector<std::string> unescaped_keys(std::string_view template_text);

}  // namespace foilog::web
