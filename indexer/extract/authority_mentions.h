// Finding authority names in text: the table's names and aliases, and names the table lacks
// that follow the way UK public bodies are named ("X Borough Council", "X Constabulary").
// Internal to extract_authority.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "taxonomy/authority_table.h"
#include "taxonomy/authority_table_words.h"

namespace foilog::authority_detail {

struct Mention {
  std::size_t authority = 0;  // index into AuthorityTable::all(); unused for unnamed bodies
  std::string printed;        // the text as printed
  Span span;
};

// Longest table name at each position, left to right, non-overlapping. Multi-word names must
// start with a capital letter as printed ("Home Office", not "home office"); acronyms must be
// printed as in the table or in capitals ("IPSA", not "Ipsa" or "ipsa").
[[nodiscard]] std::vector<Mention> find_table_mentions(std::string_view text,
                                                       const std::vector<NameWord>& words,
                                                       const AuthorityTable& table);

// Capitalised names ending in a public-body suffix ("Borsetshire County Council", "Ambridge NHS
// Foundation Trust", "Felpersham Constabulary", "University of Borchester"), as printed.
[[nodiscard]] std::vector<Mention> find_unnamed_bodies(std::string_view text,
                                                       const std::vector<NameWord>& words);

}  // namespace foilog::authority_detail
