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

// 404 Not Found, 410 Gone, ...; what() is the sentence shown to the person. headers go out
// with the error page: Cache-Control: no-store on a withdrawn document's 410, Retry-After on a
// 429 or 503, WWW-Authenticate on a 401.
class HttpError : public std::runtime_error {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  HttpError(int status, const std::string& message, Headers headers = {})
      : std::runtime_error(message), status_(status), headers_(std::move(headers)) {}
  [[nodiscard]] int status() const { return status_; }
  [[nodiscard]] const Headers& headers() const { return headers_; }

 private:
  int status_;
  Headers headers_;
};

}  // namespace foilog::web
