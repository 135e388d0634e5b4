// The SQLite half of the index schema: every table the store creates, as numbered migrations.
// The Xapian half (term prefixes, value slots) and the table/column names the code uses are in
// schema.h; both the indexer and the web layer include these two headers and nothing else to
// learn the layout. docs/SCHEMA.md describes both halves for readers of the database.
#pragma once

namespace foilog::schema {

// Table and column names here are the ones schema.h declares; tests/store/migrations_test.cpp
// checks every schema::table name exists after migrating. Never edit a shipped migration: add
// the next one.
inline constexpr const char* kSqliteMigrations[] = {
    // 1: the first schema.
    R"sql(
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL,
  size           INTEGER NOT NULL,
  format         TEXT NOT NULL,
  ingested_at    TEXT NOT NULL,
  record         TEXT NOT NULL,
  authority_id   TEXT,
  authority_type TEXT,
  reference      TEXT,
  date_received  TEXT,
  date_responded TEXT,
  working_days   INTEGER,
  within_limit   INTEGER,
  outcome        TEXT,
  kind           TEXT,
  ocr            INTEGER NOT NULL DEFAULT 0,
  xapian_pending INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX documents_pending ON documents(xapian_pending) WHERE xapian_pending = 1;
CREATE INDEX documents_authority ON documents(authority_id);
CREATE INDEX documents_outcome ON documents(outcome);
CREATE INDEX documents_responded ON documents(date_responded);
CREATE INDEX documents_reference ON documents(reference);

CREATE TABLE authorities (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  type    TEXT NOT NULL,
  country TEXT NOT NULL
);
CREATE TABLE authority_aliases (
  authority_id TEXT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
  alias        TEXT NOT NULL,
  PRIMARY KEY (authority_id, alias)
);
CREATE TABLE exemptions (
  act       TEXT NOT NULL,
  provision TEXT NOT NULL,
  title     TEXT NOT NULL,
  parent    TEXT NOT NULL,
  absolute  INTEGER NOT NULL,
  ncnd      INTEGER NOT NULL,
  PRIMARY KEY (act, provision)
);

CREATE TABLE document_exemptions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  provision   TEXT NOT NULL,
  act         TEXT NOT NULL,
  parent      TEXT NOT NULL,
  question_n  INTEGER
);
CREATE INDEX document_exemptions_document ON document_exemptions(document_id);
CREATE INDEX document_exemptions_provision ON document_exemptions(provision);

CREATE TABLE questions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  text        TEXT NOT NULL,
  answer      TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);
CREATE TABLE document_topics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  topic       TEXT NOT NULL,
  PRIMARY KEY (document_id, topic)
);
CREATE TABLE document_regimes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  regime      TEXT NOT NULL,
  PRIMARY KEY (document_id, regime)
);
CREATE TABLE ingest_errors (
  path   TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at     TEXT NOT NULL
);
)sql",
};

}  // namespace foilog::schema
