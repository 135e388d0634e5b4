// The taxonomies as the store's table rows (the store keeps a copy for
// analytics and joins).
#pragma once

#include <vector>

#include "store/store.h"
#include "taxonomy/taxonomies.h"

namespace foilog {

[[nodiscard]] std::vector<AuthorityRow> authority_rows(const Taxonomies& t);
[[nodiscard]] std::vector<ExemptionRow> exemption_rows(const Taxonomies& t);

}  // namespace foilog
