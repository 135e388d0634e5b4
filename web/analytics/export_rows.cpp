#include "analytics/export_rows.h"

#include <unordered_map>

#include "store/sqlite_db.h"
#include "util/text.h"

namespace foilog::web {
namespace {

// Bound parameters only: the ids travel as one JSON array read by json_each.
constexpr const char* kRowsSql = R"sql(
SELECT d.id, d.reference, d.authority_id, json_extract(d.record, '$.authority'), d.authority_type,
       d.date_received, d.date_responded, d.working_days, d.within_limit, d.outcome, d.kind,
       json_extract(d.record, '$.title'),
       (SELECT group_concat(provision, '; ') FROM
          (SELECT DISTINCT provision FROM document_exemptions e WHERE e.document_id = d.id
           ORDER BY provision)),
       (SELECT group_concat(topic, '; ') FROM
          (SELECT topic FROM document_topics t WHERE t.document_id = d.id ORDER BY topic)),
       (SELECT group_concat(regime, '; ') FROM
          (SELECT regime FROM document_regimes r WHERE r.document_id = d.id ORDER BY regime)),
       (SELECT COUNT(*) FROM questions q WHERE q.document_id = d.id AND q.n > 0)
FROM documents d WHERE d.id IN (SELECT value FROM json_each(?1)) AND d.status = 'published'
)sql";

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& part : split(s, ';')) {
    const auto t = trim(part);
    if (!t.empty()) {
      out.emplace_back(t);
    }
  }
  return out;
}

// Adds the rows db holds for ids to by_id.
void read_rows(SqliteDb& db, const std::vector<std::int64_t>& ids,
               std::unordered_map<std::int64_t, std::vector<std::string>>& by_id) {
  auto st = db.prepare(kRowsSql);
  st.bind(1, nlohmann::json(ids).dump());
  while (st.step()) {
    auto text = [&](int c) { return st.is_null(c) ? std::string() : st.text(c); };
    const std::int64_t id = st.int64(0);
    std::string within;
    if (!st.is_null(8)) {
      within = st.int64(8) != 0 ? "yes" : "no";
    }
    by_id.emplace(id, std::vector<std::string>{std::to_string(id), "/doc/" + std::to_string(id),
                                               text(1), text(2), text(3), text(4), text(5), text(6),
                                               text(7), within, text(9), text(10), text(11),
                                               text(12), text(13), text(14), text(15)});
  }
}

}  // namespace

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> kColumns = {"id",
                                                    "url",
                                                    "reference",
                                                    "authority_id",
                                                    "authority",
                                                    "authority_type",
                                                    "date_received",
                                                    "date_responded",
                                                    "working_days",
                                                    "within_20_days",
                                                    "outcome",
                                                    "kind",
                                                    "title",
                                                    "exemptions",
                                                    "topics",
                                                    "regimes",
                                                    "questions"};
  return kColumns;
}

std::vector<std::vector<std::string>> export_rows(SqliteDb& db,
                                                  const std::vector<std::int64_t>& ids) {
  return export_rows(std::vector<SqliteDb*>{&db}, ids);
}

std::vector<std::vector<std::string>> export_rows(const std::vector<SqliteDb*>& stores,
                                                  const std::vector<std::int64_t>& ids) {
  std::unordered_map<std::int64_t, std::vector<std::string>> by_id;
  for (SqliteDb* db : stores) {
    read_rows(*db, ids, by_id);
  }
  std::vector<std::vector<std::string>> out;
  out.reserve(ids.size());
  for (const auto id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) {
      out.push_back(std::move(it->second));
    }
  }
  return out;
}

nlohmann::json export_row_json(const std::vector<std::string>& row) {
  const auto& cols = export_columns();
  nlohmann::json o = nlohmann::json::object();
  for (std::size_t i = 0; i < cols.size() && i < row.size(); ++i) {
    const std::string& c = cols[i];
    const std::string& v = row[i];
    if (c == "id" || c == "questions" || (c == "working_days" && !v.empty())) {
      o[c] = std::stoll(v);
    } else if (c == "exemptions" || c == "topics" || c == "regimes") {
      o[c] = split_list(v);
    } else if (c == "within_20_days") {
      o[c] = v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v == "yes");
    } else {
      o[c] = v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v);
    }
  }
  return o;
}

}  // namespace foilog::web
