// Store::stats() and Store::get_document(): read-only views of SQLite for the CLI and web.
#include "extract/record_json.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace foilog {
namespace {

nlohmann::json facet(SqliteDb& db, const std::string& sql) {
  nlohmann::json counts = nlohmann::json::object();
  auto stmt = db.prepare(sql);
  while (stmt.step()) {
    if (!stmt.is_null(0)) {
      counts[stmt.text(0)] = stmt.int64(1);
    }
  }
  return counts;
}

std::int64_t scalar(SqliteDb& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  return stmt.step() ? stmt.int64(0) : 0;
}

}  // namespace

nlohmann::json Store::stats() const {
  SqliteDb& db = *db_;
  // Each facet counts published documents (a document citing s40 twice counts once), as the
  // site shows them; "status" counts every document by its publishing status.
  const std::string published =
      "document_id IN (SELECT id FROM documents WHERE status = 'published')";
  nlohmann::json facets = {
      {"authority", facet(db,
                          "SELECT authority_id, COUNT(*) FROM documents WHERE status = "
                          "'published' GROUP BY authority_id")},
      {"authority_type", facet(db,
                               "SELECT authority_type, COUNT(*) FROM documents WHERE status = "
                               "'published' GROUP BY authority_type")},
      {"exemption", facet(db,
                          "SELECT provision, COUNT(DISTINCT document_id) FROM document_exemptions "
                          "WHERE " +
                              published + " GROUP BY provision")},
      {"exemption_parent", facet(db,
                                 "SELECT parent, COUNT(DISTINCT document_id) FROM "
                                 "document_exemptions WHERE " +
                                     published + " GROUP BY parent")},
      {"topic", facet(db, "SELECT topic, COUNT(*) FROM document_topics WHERE " + published +
                              " GROUP BY topic")},
      {"outcome", facet(db,
                        "SELECT outcome, COUNT(*) FROM documents WHERE status = 'published' "
                        "GROUP BY outcome")},
      {"regime", facet(db, "SELECT regime, COUNT(*) FROM document_regimes WHERE " + published +
                               " GROUP BY regime")},
      {"year", facet(db,
                     "SELECT substr(coalesce(date_responded, date_received), 1, 4) AS y, "
                     "COUNT(*) FROM documents WHERE status = 'published' GROUP BY y")},
      {"kind", facet(db,
                     "SELECT kind, COUNT(*) FROM documents WHERE status = 'published' GROUP BY "
                     "kind")},
  };
  return {{"documents", scalar(db, "SELECT COUNT(*) FROM documents WHERE status = 'published'")},
          {"questions", scalar(db, "SELECT COUNT(*) FROM questions WHERE n > 0 AND " + published)},
          {"errors", scalar(db, "SELECT COUNT(*) FROM ingest_errors")},
          {"pending", scalar(db,
                             "SELECT COUNT(*) FROM documents WHERE xapian_pending = 1 AND status "
                             "= 'published'")},
          {"status", facet(db, "SELECT status, COUNT(*) FROM documents GROUP BY status")},
          {"facets", std::move(facets)}};
}

std::optional<nlohmann::json> Store::get_document(std::int64_t id) const {
  auto stmt = db_->prepare(
      "SELECT record, path, sha256, size, format, ingested_at, status FROM documents WHERE id = "
      "?1");
  stmt.bind(1, id);
  if (!stmt.step()) {
    return std::nullopt;
  }
  // Round-trip through Record so callers always get the current record_to_json shape.
  const Record rec = record_from_json(nlohmann::json::parse(stmt.text(0)));
  return nlohmann::json{{"id", id},
                        {"status", stmt.text(6)},
                        {"record", record_to_json(rec, true)},
                        {"source",
                         {{"path", stmt.text(1)},
                          {"sha256", stmt.text(2)},
                          {"size", stmt.int64(3)},
                          {"format", stmt.text(4)},
                          {"ingested_at", stmt.text(5)}}}};
}

}  // namespace foilog
