// DocumentText <-> bytes, for the sandbox's pipe between the parsing child and the indexer.
// Length-prefixed (64-bit little-endian lengths), so any byte may appear in the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

[[nodiscard]] std::string serialise(const DocumentText& doc);
// nullopt when the bytes are cut short or inconsistent (a child that died mid-write).
[[nodiscard]] std::optional<DocumentText> deserialise(std::string_view bytes);

}  // namespace foilog
