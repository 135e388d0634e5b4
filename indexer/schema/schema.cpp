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
  return std::string(prefix::kId) + std::to_string(id);
}

std::string question_id_term(std::int64_t id, std::string_view question_key) {
  return document_id_term(id) + "#" + std::string(question_key);
}

}  // namespace foilog::schema
