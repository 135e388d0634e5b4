// What a page handler returns, and the one exception type handlers throw for a status other
// than 200. server/http_server.cpp is the only place these become HTTP.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace foilog::web {

struct Reply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// 404 Not Found, 410 Gone, ...; what() is the sentence shown to the person.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

 private:
  int status_;
};

}  // namespace foilog::web
