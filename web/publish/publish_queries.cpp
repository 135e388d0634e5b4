#include "publish/publish_queries.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "extract/record_json.h"
#include "pages/reply.h"

namespace foilog::web {

std::int64_t document_id(const std::string& digits) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || id <= 0) {
    throw HttpError(404, "There is no response with that number.");
  }
  return id;
}

OwnedDocument load_owned(SqliteDb& db, const Principal& who, std::int64_t id) {
  auto st = db.prepare(
      "SELECT status, authority_id, record, format, ingested_at, withdrawn_at, withdrawn_reason, "
      "purged_at FROM documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) {
    throw HttpError(404, "There is no response with that number.");
  }
  OwnedDocument d;
  d.id = id;
  d.status = st.text(0);
  d.authority_id = st.text(1);
  if (!who.may_act_for(d.authority_id)) {
    throw HttpError(403, "This response belongs to another authority's log.");
  }
  d.record = record_from_json(nlohmann::json::parse(st.text(2)));
  d.format = st.text(3);
  d.ingested_at = st.text(4);
  d.withdrawn_at = st.text(5);
  d.withdrawn_reason = st.text(6);
  d.purged_at = st.text(7);
  auto c =
      db.prepare("SELECT field, actor, at FROM corrections WHERE document_id = ?1 ORDER BY id");
  c.bind(1, id);
  while (c.step()) {
    d.corrections.push_back({c.text(0), c.text(1), c.text(2)});
  }
  return d;
}

DocumentList list_owned(SqliteDb& db, const Principal& who, const std::string& status,
                        const std::string& authority, std::size_t offset, std::size_t limit) {
  const std::string scope = who.admin() ? authority : who.authority_id;
  // ?1 = '' means "any": one fixed statement, values bound, never spliced in.
  const char* where = "WHERE (?1 = '' OR authority_id = ?1) AND (?2 = '' OR status = ?2)";
  DocumentList out;
  {
    auto count = db.prepare(std::string("SELECT COUNT(*) FROM documents ") + where);
    count.bind(1, scope).bind(2, status);
    out.total = count.step() ? static_cast<std::size_t>(count.int64(0)) : 0;
  }
  auto st =
      db.prepare(std::string("SELECT id, status, authority_id, reference, "
                             "json_extract(record, '$.title'), date_responded, ingested_at, "
                             "withdrawn_at, json_array_length(json_extract(record, '$.warnings')) "
                             "FROM documents ") +
                 where + " ORDER BY id DESC LIMIT ?3 OFFSET ?4");
  st.bind(1, scope)
      .bind(2, status)
      .bind(3, static_cast<std::int64_t>(limit))
      .bind(4, static_cast<std::int64_t>(offset));
  while (st.step()) {
    ListedDocument d;
    d.id = st.int64(0);
    d.status = st.text(1);
    d.authority_id = st.text(2);
    d.reference = st.text(3);
    d.title = st.text(4);
    d.date_responded = st.text(5);
    d.ingested_at = st.text(6);
    d.withdrawn_at = st.text(7);
    d.warnings = static_cast<std::size_t>(st.int64(8));
    out.documents.push_back(std::move(d));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> account_names(SqliteDb& db) {
  std::vector<std::pair<std::string, std::string>> out;
  auto st = db.prepare("SELECT id, name FROM accounts ORDER BY id");
  while (st.step()) {
    out.emplace_back(st.text(0), st.text(1));
  }
  return out;
}

}  // namespace foilog::web
