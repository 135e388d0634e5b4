// Store::check(): is SQLite sound, is Xapian sound, and does Xapian hold exactly the documents
// SQLite publishes (review and withdrawn documents are never in Xapian).
#include <map>
#include <set>
#include <sstream>

#include "schema/schema.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace foilog {
namespace {

std::string list_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(ids.size(), 10);
  for (std::size_t i = 0; i < shown; ++i) {
    out += (i ? ", " : "") + std::to_string(ids[i]);
  }
  if (ids.size() > shown) {
    out += ", ... (" + std::to_string(ids.size()) + " in all)";
  }
  return out;
}

std::int64_t count(SqliteDb& db, const char* sql) {
  auto stmt = db.prepare(sql);
  return stmt.step() ? stmt.int64(0) : 0;
}

}  // namespace

CheckReport Store::check() const {
  CheckReport report;
  auto problem = [&report](std::string text) {
    report.ok = false;
    report.problems.push_back(std::move(text));
  };
  const std::string fix = " (run `foilog reindex --db " + dir_.string() + "` to rebuild Xapian)";

  // ---- SQLite ----
  {
    auto integrity = db_->prepare("PRAGMA integrity_check");
    while (integrity.step()) {
      if (const std::string line = integrity.text(0); line != "ok") {
        problem(sqlite_path().string() + ": integrity_check: " + line);
      }
    }
    auto fk = db_->prepare("PRAGMA foreign_key_check");
    if (fk.step()) {
      problem(sqlite_path().string() + ": rows in " + fk.text(0) +
              " point at documents that do not exist");
    }
  }
  const std::vector<std::int64_t> sqlite_ids = published_ids();
  report.sqlite_docs = sqlite_ids.size();
  if (const auto pending = count(*db_,
                                 "SELECT COUNT(*) FROM documents WHERE xapian_pending = 1 AND "
                                 "status = 'published'");
      pending > 0) {
    problem(std::to_string(pending) +
            " documents are committed to SQLite but not yet to Xapian (open the store read-write, "
            "e.g. `foilog index`, to reconcile)");
  }

  // ---- Xapian ----
  if (!std::filesystem::exists(xapian_path())) {
    if (!sqlite_ids.empty()) {
      problem(xapian_path().string() + " is missing" + fix);
    }
    return report;
  }
  std::ostringstream xapian_log;
  try {
    if (const auto errors = Xapian::Database::check(xapian_path().string(),
                                                    Xapian::DBCHECK_SHORT_TREE, &xapian_log);
        errors > 0) {
      problem(xapian_path().string() + ": Xapian check found " + std::to_string(errors) +
              " errors" + fix);
    }
  } catch (const Xapian::Error& e) {
    problem(xapian_path().string() + ": Xapian check failed: " + e.get_description() + fix);
    return report;
  }

  // Read what is committed (what searchers see), not this writer's unflushed batch.
  Xapian::Database xdb;
  try {
    xdb = Xapian::Database(xapian_path().string());
  } catch (const Xapian::Error& e) {
    problem(xapian_path().string() + ": cannot open: " + e.get_description() + fix);
    return report;
  }
  const std::string id_prefix(schema::prefix::kId);
  std::set<std::int64_t> xapian_ids;
  std::vector<std::string> duplicated;
  std::vector<std::string> orphans;
  const std::set<std::int64_t> sqlite_set(sqlite_ids.begin(), sqlite_ids.end());
  for (auto it = xdb.allterms_begin(id_prefix); it != xdb.allterms_end(id_prefix); ++it) {
    const std::string term = *it;
    if (it.get_termfreq() != 1) {
      duplicated.push_back(term);
    }
    const auto hash = term.find('#');
    const std::string digits = term.substr(
        id_prefix.size(), hash == std::string::npos ? std::string::npos : hash - id_prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
        digits.size() > 18) {
      orphans.push_back(term);
      continue;
    }
    const std::int64_t id = std::stoll(digits);
    if (hash == std::string::npos) {
      xapian_ids.insert(id);
    } else if (sqlite_set.count(id) == 0) {
      orphans.push_back(term);
    }
  }
  report.xapian_docs = xapian_ids.size();

  std::vector<std::int64_t> only_sqlite;
  std::vector<std::int64_t> only_xapian;
  std::set_difference(sqlite_set.begin(), sqlite_set.end(), xapian_ids.begin(), xapian_ids.end(),
                      std::back_inserter(only_sqlite));
  std::set_difference(xapian_ids.begin(), xapian_ids.end(), sqlite_set.begin(), sqlite_set.end(),
                      std::back_inserter(only_xapian));
  if (!only_sqlite.empty()) {
    problem("published documents in SQLite but not in Xapian: " + list_ids(only_sqlite) + fix);
  }
  if (!only_xapian.empty()) {
    // Split: rows gone from SQLite, and rows it holds in review or withdrawn (never indexed).
    const std::vector<std::int64_t> all = document_ids();
    const std::set<std::int64_t> all_set(all.begin(), all.end());
    std::vector<std::int64_t> absent, unpublished;
    for (const std::int64_t id : only_xapian) {
      (all_set.count(id) != 0 ? unpublished : absent).push_back(id);
    }
    if (!absent.empty()) {
      problem("documents in Xapian but not in SQLite: " + list_ids(absent) + fix);
    }
    if (!unpublished.empty()) {
      problem("documents in Xapian that SQLite holds in review or withdrawn: " +
              list_ids(unpublished) + fix);
    }
  }
  for (const auto& term : duplicated) {
    problem("Xapian holds more than one document with id term " + term + fix);
  }
  if (!orphans.empty()) {
    problem("Xapian holds " + std::to_string(orphans.size()) +
            " question or malformed documents whose response is not in SQLite (first: " +
            orphans.front() + ")" + fix);
  }

  const std::string question_type =
      std::string(schema::prefix::kDocType) + std::string(schema::doc_type::kQuestion);
  const auto sqlite_questions = count(*db_,
                                      "SELECT COUNT(*) FROM questions WHERE document_id IN "
                                      "(SELECT id FROM documents WHERE status = 'published')");
  const auto xapian_questions = static_cast<std::int64_t>(xdb.get_termfreq(question_type));
  if (sqlite_questions != xapian_questions) {
    problem("SQLite has " + std::to_string(sqlite_questions) + " questions, Xapian " +
            std::to_string(xapian_questions) + fix);
  }
  return report;
}

}  // namespace foilog
