#include "search/catalog.h"

#include <filesystem>

#include "schema/schema.h"
#include "store/sqlite_db.h"
#include "taxonomy/topic_table.h"

namespace foilog::web {

Catalog Catalog::load(SqliteDb& db, const std::string& topics_tsv_path) {
  return load(std::vector<SqliteDb*>{&db}, topics_tsv_path);
}

Catalog Catalog::load(const std::vector<SqliteDb*>& stores, const std::string& topics_tsv_path) {
  Catalog c;
  SqliteDb& db = *stores.front();
  {
    auto st = db.prepare("SELECT id, name, type, country FROM authorities");
    while (st.step()) {
      AuthorityInfo a{st.text(0), st.text(1), st.text(2), st.text(3)};
      c.authorities_.emplace(a.id, std::move(a));
    }
  }
  for (SqliteDb* store : stores) {
    // Authorities the table lacks: the name as printed in (any) one of their letters.
    auto st = store->prepare(
        "SELECT authority_id, json_extract(record, '$.authority'), authority_type FROM documents "
        "WHERE authority_id IS NOT NULL AND authority_id NOT IN (SELECT id FROM authorities) "
        "AND status = 'published' GROUP BY authority_id");
    while (st.step()) {
      AuthorityInfo a{st.text(0), st.is_null(1) ? st.text(0) : st.text(1),
                      st.is_null(2) ? "other" : st.text(2), ""};
      c.authorities_.emplace(a.id, std::move(a));
    }
  }
  for (SqliteDb* store : stores) {
    // Authorities that publish here without being in the table (or before any letter).
    auto st = store->prepare("SELECT id, name FROM accounts");
    while (st.step()) {
      c.authorities_.emplace(st.text(0), AuthorityInfo{st.text(0), st.text(1), "other", ""});
    }
  }
  {
    auto st = db.prepare("SELECT act, provision, title, parent, absolute, ncnd FROM exemptions");
    while (st.step()) {
      ExemptionInfo e{st.text(0), st.text(1),       st.text(2),
                      st.text(3), st.int64(4) != 0, st.int64(5) != 0};
      c.exemptions_.emplace(e.provision, std::move(e));
    }
  }
  std::error_code ec;
  if (!topics_tsv_path.empty() && std::filesystem::exists(topics_tsv_path, ec)) {
    const TopicTable table = TopicTable::load(topics_tsv_path);
    for (const auto& t : table.all()) {
      c.topics_.emplace(t.id, t.label);
    }
  }
  return c;
}

const AuthorityInfo* Catalog::authority(const std::string& id) const {
  const auto it = authorities_.find(id);
  return it == authorities_.end() ? nullptr : &it->second;
}

std::vector<const ExemptionInfo*> Catalog::exemption(const std::string& provision) const {
  std::vector<const ExemptionInfo*> out;
  const auto [lo, hi] = exemptions_.equal_range(provision);
  for (auto it = lo; it != hi; ++it) {
    out.push_back(&it->second);
  }
  return out;
}

std::string Catalog::outcome_label(const std::string& outcome) {
  static const std::map<std::string, std::string> kLabels = {
      {"granted", "Granted in full"},
      {"partial", "Granted in part"},
      {"refused", "Refused"},
      {"not_held", "Information not held"},
      {"ncnd", "Neither confirmed nor denied"},
      {"cost_limit", "Refused: cost limit"},
      {"vexatious", "Refused: vexatious or repeated"},
      {"other", "Other"},
  };
  const auto it = kLabels.find(outcome);
  return it == kLabels.end() ? outcome : it->second;
}

std::string Catalog::regime_label(const std::string& regime) {
  static const std::map<std::string, std::string> kLabels = {
      {"FOIA", "Freedom of Information Act 2000"},
      {"EIR", "Environmental Information Regulations 2004"},
      {"FOISA", "Freedom of Information (Scotland) Act 2002"},
      {"EIRS", "Environmental Information (Scotland) Regulations 2004"},
      {"DPA", "Data Protection Act 2018"},
  };
  const auto it = kLabels.find(regime);
  return it == kLabels.end() ? regime : it->second;
}

std::string Catalog::authority_type_label(const std::string& type) {
  static const std::map<std::string, std::string> kLabels = {
      {"police", "Police"},
      {"council", "Council"},
      {"nhs", "NHS"},
      {"central_government", "Central government"},
      {"fire", "Fire and rescue"},
      {"education", "Education"},
      {"regulator", "Regulator"},
      {"other", "Other"},
  };
  const auto it = kLabels.find(type);
  return it == kLabels.end() ? type : it->second;
}

std::string Catalog::label(std::string_view facet, const std::string& value) const {
  if (facet == "authority") {
    const auto* a = authority(value);
    return a != nullptr ? a->name : value;
  }
  if (facet == "authority_type") {
    return authority_type_label(value);
  }
  if (facet == "exemption") {
    const auto e = exemption(value);
    if (!e.empty() && !e.front()->title.empty()) {
      return value + " " + e.front()->title;
    }
    return value;
  }
  if (facet == "topic") {
    const auto it = topics_.find(value);
    return it == topics_.end() ? value : it->second;
  }
  if (facet == "outcome") {
    return outcome_label(value);
  }
  if (facet == "regime") {
    return regime_label(value);
  }
  return value;
}

}  // namespace foilog::web
