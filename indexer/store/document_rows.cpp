#include "store/document_rows.h"

#include <chrono>
#include <ctime>

#include "extract/record_json.h"
#include "schema/schema.h"

namespace foilog {
namespace {

void delete_children(SqliteDb& db, std::int64_t id) {
  // Fixed statements per child table: table names are never built from values.
  for (const char* sql : {"DELETE FROM document_exemptions WHERE document_id = ?1",
                          "DELETE FROM questions WHERE document_id = ?1",
                          "DELETE FROM document_topics WHERE document_id = ?1",
                          "DELETE FROM document_regimes WHERE document_id = ?1"}) {
    db.prepare(sql).bind(1, id).run();
  }
}

void insert_children(SqliteDb& db, std::int64_t id, const Record& rec) {
  auto exemption = db.prepare(
      "INSERT INTO document_exemptions(document_id, provision, act, parent, question_n) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& e : rec.exemptions) {
    const std::string parent = e.parent.empty() ? schema::provision_parent(e.provision) : e.parent;
    exemption.bind(1, id).bind(2, e.provision).bind(3, e.act).bind(4, parent).bind_null(5).run();
    exemption.reset();
  }
  // Question-level citations: the act comes from the record's citation of the same provision.
  auto act_of = [&rec](const std::string& provision) {
    for (const auto& e : rec.exemptions) {
      if (e.provision == provision) {
        return e.act;
      }
    }
    return std::string();
  };
  auto question = db.prepare(
      "INSERT INTO questions(document_id, ord, n, text, outcome) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (std::size_t i = 0; i < rec.questions.size(); ++i) {
    const Question& q = rec.questions[i];
    question.bind(1, id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, q.n)
        .bind(4, q.text)
        .bind(5, q.outcome)
        .run();
    question.reset();
    for (const auto& p : q.exemptions) {
      exemption.bind(1, id)
          .bind(2, p)
          .bind(3, act_of(p))
          .bind(4, schema::provision_parent(p))
          .bind(5, q.n)
          .run();
      exemption.reset();
    }
  }
  // OR IGNORE: a topic or regime listed twice is one fact.
  auto topic =
      db.prepare("INSERT OR IGNORE INTO document_topics(document_id, topic) VALUES (?1, ?2)");
  for (const auto& t : rec.topics) {
    topic.bind(1, id).bind(2, t).run();
    topic.reset();
  }
  auto regime =
      db.prepare("INSERT OR IGNORE INTO document_regimes(document_id, regime) VALUES (?1, ?2)");
  for (const auto& r : rec.regimes) {
    regime.bind(1, id).bind(2, r).run();
    regime.reset();
  }
}

}  // namespace

std::int64_t write_document_rows(SqliteDb& db, std::optional<std::int64_t> existing_id,
                                 const Record& rec, const DocumentSource& src,
                                 std::string_view status, std::optional<std::int64_t> new_id) {
  const std::string record_json = stored_record_json(rec).dump();
  // Same column order for both statements so one bind sequence serves both.
  auto stmt =
      existing_id
          ? db.prepare(
                "UPDATE documents SET path = ?1, sha256 = ?2, size = ?3, format = ?4, "
                "ingested_at = ?5, record = ?6, authority_id = ?7, authority_type = ?8, "
                "reference = ?9, date_received = ?10, date_responded = ?11, "
                "working_days = ?12, within_limit = ?13, outcome = ?14, kind = ?15, "
                "ocr = ?16, status = ?17, xapian_pending = ?18 WHERE id = ?19")
          : db.prepare(
                "INSERT INTO documents(path, sha256, size, format, ingested_at, record, "
                "authority_id, authority_type, reference, date_received, date_responded, "
                "working_days, within_limit, outcome, kind, ocr, status, xapian_pending, id) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?18, ?19)");
  stmt.bind(1, src.path)
      .bind(2, src.sha256)
      .bind(3, static_cast<std::int64_t>(src.size))
      .bind(4, src.format)
      .bind(5, src.ingested_at)
      .bind(6, record_json)
      .bind_or_null(7, rec.authority_id)
      .bind_or_null(8, rec.authority_type)
      .bind_or_null(9, rec.reference)
      .bind_or_null(10, rec.date_received.iso)
      .bind_or_null(11, rec.date_responded.iso)
      .bind(12, rec.working_days)
      .bind(13, rec.within_limit)
      .bind_or_null(14, rec.outcome)
      .bind_or_null(15, rec.kind)
      .bind(16, rec.ocr)
      .bind(17, status)
      .bind(18, status == schema::document_status::kPublished);
  std::int64_t id = 0;
  if (existing_id) {
    id = *existing_id;
    stmt.bind(19, id).run();
    delete_children(db, id);
  } else {
    if (new_id) {
      stmt.bind(19, *new_id);
    } else {
      stmt.bind_null(19);  // SQLite's next rowid
    }
    stmt.run();
    id = db.last_insert_rowid();
  }
  insert_children(db, id, rec);
  return id;
}

std::string utc_timestamp_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace foilog
