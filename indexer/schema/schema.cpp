#include "schema/schema.h"

#include "util/text.h"

namespace foilog::schema {

std::string normalise_reference(std::string_view reference) {
  return ascii_lower(collapse_whitespace(reference));
}

std::string provision_parent(std::string_view provision) {
  const std::string_view trimmed = trim(provision);
  return std::string(trimmed.substr(0, trimmed.find('(')));
}

std::string document_id_term(std::int64_t id) {
  // Built by append rather than operator+ on temporaries: GCC 12 at -O3 reports a false
  // -Wrestrict on the latter, which breaks Release builds with -Werror.
  std::string term(prefix::kId);
  term.append(std::to_string(id));
  return term;
}

std::string question_id_term(std::int64_t id, std::string_view question_key) {
  return document_id_term(id) + "#" + std::string(question_key);
}

}  // namespace foilog::schema
