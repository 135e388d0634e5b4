// URL pieces for links the server builds: percent-encoding and query strings. Every href a page
// shows is made here, then HTML-escaped by Mustache like any other value.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foilog::web {

// RFC 3986 percent-encoding of everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
[[nodiscard]] std::string url_encode(std::string_view s);

// "a=1&b=x%20y"; empty for no parameters.
[[nodiscard]] std::string query_string(const std::vector<std::pair<std::string, std::string>>& p);

// path, plus "?" and the query string when there are parameters.
[[nodiscard]] std::string with_query(std::string_view path,
                                     const std::vector<std::pair<std::string, std::string>>& p);

}  // namespace foilog::web
