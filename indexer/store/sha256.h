// SHA-256 of a byte string, as the store identifies source files by content.
#pragma once

#include <string>
#include <string_view>

namespace foilog {

// 64 lower-case hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace foilog
