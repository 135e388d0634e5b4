#include "render/templates.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

namespace mstch = kainjow::mustache;
namespace fs = std::filesystem;

mstch::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::data d{mstch::data::type::object};
      for (const auto& [k, v] : j.items()) {
        d.set(k, to_data(v));
      }
      return d;
    }
    case nlohmann::json::value_t::array: {
      mstch::list l;
      for (const auto& v : j) {
        l.push_back(to_data(v));
      }
      return mstch::data{l};
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, so {{#href}}<a ...>{{/href}} means "when there is one"
      // (Mustache would otherwise treat every string as true); it still renders as nothing.
      if (j.get_ref<const std::string&>().empty()) {
        return mstch::data{mstch::data::type::bool_false};
      }
      return mstch::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? mstch::data{mstch::data::type::bool_true}
                           : mstch::data{mstch::data::type::bool_false};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return mstch::data{std::to_string(j.get<long long>())};
    case nlohmann::json::value_t::number_float: {
      std::ostringstream s;
      s << j.get<double>();
      return mstch::data{s.str()};
    }
    default:
      return mstch::data{mstch::data::type::bool_false};
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    throw DataError(p.string() + ": cannot read the template");
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string render_source(const std::string& name, const std::string& source,
                          const nlohmann::json& view,
                          const std::map<std::string, std::string>& sources) {
  mstch::mustache tmpl{source};
  mstch::data data = to_data(view);
  // Templates named _NAME are partials: {{> _NAME}}.
  for (const auto& [partial_name, partial_source] : sources) {
    if (!partial_name.empty() && partial_name[0] == '_') {
      const std::string* text = &partial_source;
      data.set(partial_name, mstch::partial{[text] { return *text; }});
    }
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    throw DataError("template " + name + ": " + tmpl.error_message());
  }
  return out;
}

}  // namespace

std::vector<std::string> unescaped_keys(std::string_view text) {
  std::vector<std::string> keys;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    std::size_t p = pos + 2;
    std::string_view close = "}}";
    bool raw = false;
    if (p < text.size() && text[p] == '{') {
      raw = true;
      close = "}}}";
      ++p;
    } else {
      while (p < text.size() && text[p] == ' ') {
        ++p;
      }
      if (p < text.size() && text[p] == '&') {
        raw = true;
        ++p;
      }
    }
    const std::size_t end = text.find(close, p);
    if (end == std::string_view::npos) {
      break;
    }
    if (raw) {
      keys.emplace_back(trim(text.substr(p, end - p)));
    }
    pos = end + close.size();
  }
  return keys;
}

Templates Templates::load(const fs::path& dir) {
  Templates t;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw DataError(dir.string() + ": the templates directory is missing");
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") {
      continue;
    }
    const std::string name = entry.path().stem().string();
    std::string source = read_file(entry.path());
    mstch::mustache tmpl{source};
    if (!tmpl.is_valid()) {
      throw DataError(entry.path().string() + ": " + tmpl.error_message());
    }
    // A delimiter change ({{=<% %>=}}) would let a tag in the new spelling past the check below.
    if (const auto at = source.find("{{="); at != std::string::npos) {
      throw DataError(entry.path().string() + ": changes the tag delimiters at " +
                      std::to_string(at) + ", which foilog's templates may not do");
    }
    for (const auto& key : unescaped_keys(source)) {
      if (std::find(kRawHtmlKeys.begin(), kRawHtmlKeys.end(), key) == kRawHtmlKeys.end()) {
        throw DataError(entry.path().string() + ": {{{" + key +
                        "}}} inserts a value without escaping; only server-built HTML keys (" +
                        "see kRawHtmlKeys in web/render/templates.h) may be unescaped");
      }
    }
    t.sources_.emplace(name, std::move(source));
  }
  if (!t.has("layout")) {
    throw DataError((dir / "layout.mustache").string() + ": the page layout is missing");
  }
  return t;
}

std::string Templates::render(const std::string& name, const nlohmann::json& view) const {
  const auto it = sources_.find(name);
  if (it == sources_.end()) {
    throw DataError("template " + name + " is missing from the templates directory");
  }
  return render_source(name, it->second, view, sources_);
}

std::string Templates::render_page(const std::string& name, const nlohmann::json& view) const {
  nlohmann::json layout = view;
  layout["body_html"] = render(name, view);
  return render("layout", layout);
}

}  // namespace foilog::web
