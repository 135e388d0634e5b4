// A publishing request's body: form fields (urlencoded or multipart) and uploaded files, read
// from the body only (never the query string), and JSON bodies for the API.
#pragma once

#include <httplib.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace foilog::web {

struct UploadedFile {
  std::string field;  // the form field ("file", "manifest")
  std::string name;   // the file name the client sent
  std::string bytes;
};

struct Form {
  std::multimap<std::string, std::string> fields;
  std::vector<UploadedFile> files;  // parts with a file name, in order

  [[nodiscard]] std::string get(const std::string& name) const;  // the first value, or ""
  [[nodiscard]] std::vector<std::string> all(const std::string& name) const;
  [[nodiscard]] bool has(const std::string& name) const { return fields.count(name) != 0; }
};

[[nodiscard]] Form form_of(const httplib::Request& req);

// The body as JSON; UsageError("body", ...) when it is not.
[[nodiscard]] nlohmann::json json_body(const httplib::Request& req);

}  // namespace foilog::web
