// Store: a document's publishing life (review -> published -> withdrawn) and corrections.
// Xapian follows at commit(): release marks the row pending, withdraw queues the deletion.
#include "extract/record_json.h"
#include "schema/schema.h"
#include "store/corrections.h"
#include "store/document_rows.h"
#include "store/store.h"
#include "util/error.h"

namespace foilog {

std::optional<DocumentState> Store::document_state(std::int64_t id) const {
  auto st = db_->prepare(
      "SELECT status, authority_id, path, withdrawn_at, withdrawn_reason, purged_at FROM "
      "documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  DocumentState s;
  s.id = id;
  s.status = parse_status(st.text(0)).value_or(DocumentStatus::kPublished);
  s.authority_id = st.text(1);
  s.path = st.text(2);
  s.withdrawn_at = st.text(3);
  s.withdrawn_reason = st.text(4);
  s.purged_at = st.text(5);
  return s;
}

bool Store::release(std::int64_t id) {
  require_writable("release");
  begin_batch();
  const auto before = db_->total_changes();
  db_->prepare(
         "UPDATE documents SET status = 'published', xapian_pending = 1 WHERE id = ?1 AND "
         "status = 'review'")
      .bind(1, id)
      .run();
  return db_->total_changes() != before;
}

bool Store::withdraw(std::int64_t id, const std::string& reason) {
  require_writable("withdraw");
  const auto state = document_state(id);
  if (!state || state->status == DocumentStatus::kWithdrawn) {
    return false;
  }
  begin_batch();
  db_->prepare(
         "UPDATE documents SET status = 'withdrawn', xapian_pending = 0, withdrawn_at = ?1, "
         "withdrawn_reason = ?2 WHERE id = ?3")
      .bind(1, utc_timestamp_now())
      .bind(2, reason)
      .bind(3, id)
      .run();
  if (state->status == DocumentStatus::kPublished) {
    removed_ids_.push_back(id);
  }
  return true;
}

std::vector<CorrectionRow> Store::corrections(std::int64_t id) const {
  std::vector<CorrectionRow> out;
  auto st = db_->prepare(
      "SELECT id, field, value, actor, at FROM corrections WHERE document_id = ?1 ORDER BY id");
  st.bind(1, id);
  while (st.step()) {
    CorrectionRow c;
    c.id = st.int64(0);
    c.field = st.text(1);
    try {
      c.value = nlohmann::json::parse(st.text(2));
    } catch (const nlohmann::json::exception& e) {
      throw DataError(sqlite_path().string() + ": correction " + std::to_string(c.id) +
                      " of document " + std::to_string(id) + " is not JSON (" + e.what() + ")");
    }
    c.actor = st.text(3);
    c.at = st.text(4);
    out.push_back(std::move(c));
  }
  return out;
}

Record Store::correct(std::int64_t id, const std::string& field, const nlohmann::json& value,
                      const Actor& who) {
  require_writable("correct");
  if (!is_correctable_field(field)) {
    throw UsageError(field, "is not a fact that can be corrected");
  }
  auto st = db_->prepare(
      "SELECT record, path, sha256, size, format, ingested_at, status FROM documents WHERE id = "
      "?1");
  st.bind(1, id);
  if (!st.step()) {
    throw DataError(sqlite_path().string() + ": no document " + std::to_string(id));
  }
  if (st.text(6) == schema::document_status::kWithdrawn) {
    throw DataError("document " + std::to_string(id) + " was withdrawn; it cannot be corrected");
  }
  Record rec = record_from_json(nlohmann::json::parse(st.text(0)));
  const DocumentSource source{st.text(1), st.text(2), static_cast<std::uint64_t>(st.int64(3)),
                              st.text(4), st.text(5)};
  const std::string status = st.text(6);
  apply_correction(rec, field, value, holidays());  // throws before anything is written
  begin_batch();
  write_document_rows(*db_, id, rec, source, status);
  auto insert = db_->prepare(
      "INSERT INTO corrections(document_id, field, value, token_id, actor, at) VALUES (?1, ?2, "
      "?3, ?4, ?5, ?6)");
  insert.bind(1, id).bind(2, field).bind(3, value.dump());
  if (who.token_id) {
    insert.bind(4, *who.token_id);
  } else {
    insert.bind_null(4);
  }
  insert.bind(5, who.label).bind(6, utc_timestamp_now()).run();
  return rec;
}

}  // namespace foilog
