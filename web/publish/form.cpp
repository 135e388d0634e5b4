#include "publish/form.h"

#include "util/error.h"

namespace foilog::web {

std::string Form::get(const std::string& name) const {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

std::vector<std::string> Form::all(const std::string& name) const {
  std::vector<std::string> out;
  const auto [lo, hi] = fields.equal_range(name);
  for (auto it = lo; it != hi; ++it) {
    out.push_back(it->second);
  }
  return out;
}

Form form_of(const httplib::Request& req) {
  Form form;
  if (req.is_multipart_form_data()) {
    for (const auto& [name, part] : req.files) {
      if (part.filename.empty()) {
        form.fields.emplace(name, part.content);
      } else {
        form.files.push_back({name, part.filename, part.content});
      }
    }
    return form;
  }
  // httplib merges urlencoded body fields into req.params with the query string's; read the
  // body alone so nothing in the address can stand in for a form field.
  httplib::Params body;
  httplib::detail::parse_query_text(req.body, body);
  form.fields.insert(body.begin(), body.end());
  return form;
}

nlohmann::json json_body(const httplib::Request& req) {
  if (req.body.empty()) {
    return nlohmann::json::object();
  }
  try {
    return nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::exception&) {
    throw UsageError("body", "is not JSON; send Content-Type: application/json with a JSON object");
  }
}

}  // namespace foilog::web
