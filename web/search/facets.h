// The facets the site filters and counts by: their URL parameter names (the URL contract shared
// by pages, API and feeds), the Xapian boolean prefix each reads (from schema.h) and the label
// people see. One table, so adding a facet is one line here.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "schema/schema.h"

namespace foilog::web {

struct FacetDef {
  std::string_view param;   // URL parameter and JSON key: "outcome"
  std::string_view prefix;  // Xapian boolean term prefix: "XOUTCOME"
  std::string_view label;   // heading on the page: "Outcome"
};

inline constexpr std::array<FacetDef, 7> kFacets = {{
    {"authority", schema::prefix::kAuthority, "Authority"},
    {"authority_type", schema::prefix::kAuthorityType, "Type of authority"},
    {"exemption", schema::prefix::kExemption, "Exemption"},
    {"topic", schema::prefix::kTopic, "Topic"},
    {"outcome", schema::prefix::kOutcome, "Outcome"},
    {"regime", schema::prefix::kRegime, "Law"},
    {"year", schema::prefix::kYear, "Year"},
}};
inline constexpr std::size_t kFacetCount = kFacets.size();

// Index into kFacets of the facet with this URL parameter, or nullopt.
[[nodiscard]] inline std::optional<std::size_t> facet_index(std::string_view param) {
  for (std::size_t i = 0; i < kFacetCount; ++i) {
    if (kFacets[i].param == param) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace foilog::web
