#include "ingest/taxonomy_rows.h"

namespace foilog {

std::vector<AuthorityRow> authority_rows(const Taxonomies& t) {
  std::vector<AuthorityRow> rows;
  rows.reserve(t.authorities.all().size());
  for (const auto& a : t.authorities.all()) {
    rows.push_back({a.id, a.name, a.type, a.country, a.aliases});
  }
  return rows;
}

std::vector<ExemptionRow> exemption_rows(const Taxonomies& t) {
  std::vector<ExemptionRow> rows;
  rows.reserve(t.exemptions.all().size());
  for (const auto& e : t.exemptions.all()) {
    rows.push_back({e.act, e.provision, e.title, e.parent, e.absolute, e.ncnd});
  }
  return rows;
}

}  // namespace foilog
