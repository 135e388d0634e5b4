// What the storage reliability tests (R1-R6, R25) share: the scale they run at, corpora written
// by the benchmark's generator, running `foilog index` with a fault or a resource limit, and the
// store audit every crash test ends with (R1's pass criteria).
#pragma once

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ingest/ingester.h"
#include "integration/command.h"
#include "schema/schema.h"
#include "store/sqlite_db.h"

namespace foilog::testing {

// FOILOG_LONG=1 (scripts/reliability-long-storage.sh) runs the full scale: C10k, 20 kill
// points, 5 000 documents under readers. Unset, every test stays small enough for CI.
inline bool long_run() {
  const char* v = std::getenv("FOILOG_LONG");
  return v != nullptr && std::string(v) == "1";
}
inline std::size_t scaled(std::size_t quick, std::size_t full) {
  return long_run() ? full : quick;
}

// A seed for the random choices of one test: FOILOG_SEED when set (to replay a failure), else
// fresh. Tests print it (SCOPED_TRACE and stdout) so every failure names how to reproduce it.
inline unsigned test_seed() {
  if (const char* v = std::getenv("FOILOG_SEED"); v != nullptr && *v != '\0') {
    return static_cast<unsigned>(std::strtoul(v, nullptr, 10));
  }
  return std::random_device{}();
}

// `count` generated letters (document i is the same whatever count) in DIR/gen, the labels
// beside them. The generator is deterministic, so two calls with the same arguments write
// byte-identical files.
inline std::filesystem::path generated_corpus(const std::filesystem::path& dir, std::size_t count,
                                              unsigned seed = 1) {
  const auto out = dir / "gen";
  const auto r =
      run_command(std::string(FOILOG_BENCH_EXECUTABLE) + " gen --threads 1 --docs " +
                  std::to_string(count) + " --seed " + std::to_string(seed) + " " + quote(out));
  if (r.status != 0) {
    throw std::runtime_error("foilog-bench gen failed: " + r.output);
  }
  return out;
}

// The corpus most tests ingest: the sample letters plus `generated` synthetic ones.
inline std::vector<std::filesystem::path> sample_and_generated(const std::filesystem::path& dir,
                                                               std::size_t generated) {
  return {source_dir() / "data" / "corpus", source_dir() / "data" / "seeds",
          generated_corpus(dir, generated)};
}

// How many documents `foilog index` finds below roots.
inline std::size_t document_count(const std::vector<std::filesystem::path>& roots) {
  return collect_documents(roots).size();
}

inline std::string joined(const std::vector<std::filesystem::path>& roots) {
  std::string out;
  for (const auto& r : roots) {
    out += " " + quote(r);
  }
  return out;
}

// `[ENV] foilog index --quiet --db DB --batch N ROOTS`; env is prepended as shell words
// ("FOILOG_FAULT=sigkill_after:3").
inline CommandResult index_command(const std::filesystem::path& db,
                                   const std::vector<std::filesystem::path>& roots,
                                   std::size_t batch, const std::string& env = "") {
  return run_command(env + (env.empty() ? "" : " ") + foilog_bin() + " index --quiet --db " +
                     quote(db) + " --batch " + std::to_string(batch) + joined(roots));
}

// One integer from SQL (COUNT(*) and friends).
inline std::int64_t sqlite_int(const std::filesystem::path& db, const std::string& sql) {
  SqliteDb sqlite(db / schema::file::kSqlite, true);
  auto stmt = sqlite.prepare(sql);
  return stmt.step() ? stmt.int64(0) : -1;
}

// R1's pass criteria, measured without repairing anything.
struct StoreAudit {
  std::string integrity;                   // PRAGMA integrity_check: "ok"
  std::int64_t published = 0;              // SQLite documents with status published
  std::int64_t committed_not_pending = 0;  // of those, with xapian_pending = 0
  std::size_t xapian_docs = 0;             // Xapian documents of type doc (not question)
  std::vector<std::int64_t> missing;       // committed (not pending) ids without a Q posting
  std::vector<std::int64_t> duplicated;    // ids whose Q term has more than one posting
  std::vector<std::int64_t> stale;         // Xapian doc ids SQLite does not publish
  int xapian_check_status = -1;            // exit status of `xapian-check DIR/xapian`
  std::string xapian_check_output;
};

inline StoreAudit audit_store(const std::filesystem::path& db) {
  StoreAudit a;
  std::set<std::int64_t> published;
  {
    SqliteDb sqlite(db / schema::file::kSqlite, true);
    auto integrity = sqlite.prepare("PRAGMA integrity_check");
    while (integrity.step()) {
      a.integrity += (a.integrity.empty() ? "" : "; ") + integrity.text(0);
    }
    auto rows =
        sqlite.prepare("SELECT id, xapian_pending FROM documents WHERE status = 'published'");
    Xapian::Database xapian((db / schema::file::kXapian).string());
    while (rows.step()) {
      const std::int64_t id = rows.int64(0);
      const bool pending = rows.int64(1) != 0;
      published.insert(id);
      ++a.published;
      const Xapian::doccount postings = xapian.get_termfreq(schema::document_id_term(id));
      if (!pending) {
        ++a.committed_not_pending;
        if (postings == 0) {
          a.missing.push_back(id);
        }
      }
      if (postings > 1) {
        a.duplicated.push_back(id);
      }
    }
    const std::string doc_type = std::string(schema::prefix::kDocType) + "doc";
    a.xapian_docs = xapian.get_termfreq(doc_type);
    for (auto it = xapian.postlist_begin(doc_type); it != xapian.postlist_end(doc_type); ++it) {
      const std::string slot = xapian.get_document(*it).get_value(schema::slot::kDocId);
      if (published.count(std::stoll(slot)) == 0) {
        a.stale.push_back(std::stoll(slot));
      }
    }
  }
  const auto check = run_command("xapian-check " + quote(db / schema::file::kXapian));
  a.xapian_check_status = check.status;
  a.xapian_check_output = check.output;
  return a;
}

// Every R1 criterion on a store whose writer finished (nothing may be pending).
inline void expect_consistent(const std::filesystem::path& db) {
  const StoreAudit a = audit_store(db);
  EXPECT_EQ(a.integrity, "ok");
  EXPECT_EQ(a.committed_not_pending, a.published) << "rows still marked pending";
  EXPECT_EQ(a.xapian_docs, static_cast<std::size_t>(a.published));
  EXPECT_TRUE(a.missing.empty()) << a.missing.size() << " committed documents lack a Q posting";
  EXPECT_TRUE(a.duplicated.empty()) << a.duplicated.size() << " Q terms have several postings";
  EXPECT_TRUE(a.stale.empty()) << a.stale.size() << " Xapian documents SQLite does not publish";
  EXPECT_EQ(a.xapian_check_status, 0) << a.xapian_check_output;
}

// The stored content independent of when it was written: per path its hash, record and
// corrections-free columns, and per Xapian id term its data, terms and values. Two stores built
// from the same files in the same order must give the same string.
inline std::string store_fingerprint(const std::filesystem::path& db) {
  std::string out;
  {
    SqliteDb sqlite(db / schema::file::kSqlite, true);
    auto rows = sqlite.prepare(
        "SELECT id, path, sha256, size, format, record, status, authority_id, reference, "
        "outcome FROM documents ORDER BY path");
    while (rows.step()) {
      for (int c = 0; c < 10; ++c) {
        out += (rows.is_null(c) ? "NULL" : rows.text(c)) + "\t";
      }
      out += "\n";
    }
  }
  Xapian::Database xapian((db / schema::file::kXapian).string());
  const std::string id_prefix(schema::prefix::kId);
  for (auto t = xapian.allterms_begin(id_prefix); t != xapian.allterms_end(id_prefix); ++t) {
    const Xapian::Document doc = xapian.get_document(*xapian.postlist_begin(*t));
    out += *t + "\t" + doc.get_data() + "\t";
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      out += *term + ":" + std::to_string(term.get_wdf()) + " ";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      // Slot 7 falls back to the ingest date for undated letters; the rest never change.
      out += std::to_string(v.get_valueno()) + "=" +
             (v.get_valueno() == schema::slot::kSortDate ? "" : *v) + " ";
    }
    out += "\n";
  }
  return out;
}

}  // namespace foilog::testing
