// What the site calls things: authority names and types, exemption titles, topic labels and
// the fixed vocabularies (outcomes, laws, authority types). Read from SQLite's taxonomy tables
// (which the indexer fills from data/*.tsv) and data/topics.tsv; authorities the table does not
// know are named as their letters printed them.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace foilog {
class SqliteDb;
}

namespace foilog::web {

struct AuthorityInfo {
  std::string id, name, type, country;
};

struct ExemptionInfo {
  std::string act, provision, title, parent;
  bool absolute = false, ncnd = false;
};

class Catalog {
 public:
  // topics_tsv may be empty (no topic labels: ids are shown).
  static Catalog load(SqliteDb& db, const std::string& topics_tsv_path);
  // Over several stores (shards): the taxonomy tables of the first (every store syncs the same
  // data/*.tsv), the authorities only documents or accounts name from all of them.
  static Catalog load(const std::vector<SqliteDb*>& stores, const std::string& topics_tsv_path);

  // The label of a facet value, e.g. ("outcome", "not_held") -> "Information not held".
  [[nodiscard]] std::string label(std::string_view facet, const std::string& value) const;

  [[nodiscard]] const AuthorityInfo* authority(const std::string& id) const;
  // Every act's entry for a provision (FOIA s35 and FOISA s35 differ).
  [[nodiscard]] std::vector<const ExemptionInfo*> exemption(const std::string& provision) const;
  [[nodiscard]] const std::map<std::string, AuthorityInfo>& authorities() const {
    return authorities_;
  }
  [[nodiscard]] const std::multimap<std::string, ExemptionInfo>& exemptions() const {
    return exemptions_;
  }

  [[nodiscard]] static std::string outcome_label(const std::string& outcome);
  [[nodiscard]] static std::string regime_label(const std::string& regime);
  [[nodiscard]] static std::string authority_type_label(const std::string& type);

 private:
  std::map<std::string, AuthorityInfo> authorities_;
  std::multimap<std::string, ExemptionInfo> exemptions_;  // by provision
  std::map<std::string, std::string> topics_;
};

}  // namespace foilog::web
