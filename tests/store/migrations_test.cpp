#include "store/migrations.h"

#include <gtest/gtest.h>

#include "schema/schema.h"
#include "store_fixtures.h"
#include "util/error.h"

namespace foilog {
namespace {

bool table_exists(SqliteDb& db, std::string_view name) {
  auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  stmt.bind(1, name);
  return stmt.step();
}

TEST(Migrations, CreatesEveryTableSchemaNames) {
  testing::TempDir dir;
  SqliteDb db(dir.path() / "foilog.sqlite", false);
  EXPECT_EQ(schema_version(db), 0);
  migrate(db);
  EXPECT_EQ(schema_version(db), schema::kSchemaVersion);
  namespace t = schema::table;
  for (auto name : {t::kMeta, t::kDocuments, t::kAuthorities, t::kAuthorityAliases, t::kExemptions,
                    t::kDocumentExemptions, t::kQuestions, t::kDocumentTopics, t::kDocumentRegimes,
                    t::kIngestErrors}) {
    EXPECT_TRUE(table_exists(db, name)) << name;
  }
  // Every documents column schema.h names exists.
  namespace c = schema::column;
  for (auto column :
       {c::kId, c::kPath, c::kSha256, c::kSize, c::kFormat, c::kIngestedAt, c::kRecord,
        c::kAuthorityId, c::kAuthorityType, c::kReference, c::kDateReceived, c::kDateResponded,
        c::kWorkingDays, c::kWithinLimit, c::kOutcome, c::kKind, c::kOcr, c::kXapianPending}) {
    auto stmt = db.prepare("SELECT 1 FROM pragma_table_info('documents') WHERE name = ?1");
    stmt.bind(1, column);
    EXPECT_TRUE(stmt.step()) << column;
  }
}

TEST(Migrations, SecondRunChangesNothing) {
  testing::TempDir dir;
  SqliteDb db(dir.path() / "foilog.sqlite", false);
  migrate(db);
  const auto changes = db.total_changes();
  migrate(db);
  EXPECT_EQ(db.total_changes(), changes);
}

TEST(Migrations, RefusesANewerSchemaNamingTheFile) {
  testing::TempDir dir;
  const auto file = dir.path() / "foilog.sqlite";
  SqliteDb db(file, false);
  migrate(db);
  db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
  try {
    migrate(db);
    FAIL() << "no DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("newer foilog"), std::string::npos) << e.what();
  }
}

TEST(Migrations, ForeignKeysCascade) {
  testing::TempDir dir;
  SqliteDb db(dir.path() / "foilog.sqlite", false);
  migrate(db);
  db.exec(
      "INSERT INTO documents(id, path, sha256, size, format, ingested_at, record) "
      "VALUES (1, 'a', 'h', 0, 'text', 't', '{}')");
  db.exec("INSERT INTO document_topics(document_id, topic) VALUES (1, 'siem')");
  EXPECT_THROW(db.exec("INSERT INTO document_topics(document_id, topic) VALUES (2, 'x')"),
               DataError);
  db.exec("DELETE FROM documents WHERE id = 1");
  auto stmt = db.prepare("SELECT COUNT(*) FROM document_topics");
  ASSERT_TRUE(stmt.step());
  EXPECT_EQ(stmt.int64(0), 0);
}

}  // namespace
}  // namespace foilog
