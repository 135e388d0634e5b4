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
    // 2: publishing. Documents get a status (only `published` ones are indexed in Xapian or
    // shown anywhere public); authorities get accounts and API tokens (stored as SHA-256 only),
    // web sessions, the corrections they make and an audit log of every publishing action.
    R"sql(
ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
  CHECK (status IN ('published', 'review', 'withdrawn'));
ALTER TABLE documents ADD COLUMN withdrawn_at TEXT;
ALTER TABLE documents ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE documents ADD COLUMN purged_at TEXT;
CREATE INDEX documents_unpublished ON documents(status) WHERE status <> 'published';

CREATE TABLE accounts (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE tokens (
  id         INTEGER PRIMARY KEY,
  account_id TEXT REFERENCES accounts(id),
  admin      INTEGER NOT NULL DEFAULT 0,
  name       TEXT NOT NULL DEFAULT '',
  sha256     TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((admin = 1 AND account_id IS NULL) OR (admin = 0 AND account_id IS NOT NULL))
);
CREATE TABLE sessions (
  id_sha256  TEXT PRIMARY KEY,
  token_id   INTEGER NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_token ON sessions(token_id);
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  value       TEXT NOT NULL,
  token_id    INTEGER REFERENCES tokens(id),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX corrections_document ON corrections(document_id);
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  token_id     INTEGER REFERENCES tokens(id),
  actor        TEXT NOT NULL,
  authority_id TEXT,
  action       TEXT NOT NULL,
  document_id  INTEGER,
  detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_authority ON audit_log(authority_id, id);
)sql",
    // 3: the authority figures (responses and median working days a published authority, for
    // /authorities, /api/authorities and each log page) read from an index alone instead of
    // visiting every document row: 96 ms -> 3 ms at 10,000 documents.
    R"sql(
CREATE INDEX documents_authority_days ON documents(authority_id, status, working_days);
)sql",
    // 4: an answer is stored once. It is a span of the letter, which documents.record already
    // holds; it was kept again in questions.answer and in the record's questions (244 -> 93 MB
    // of SQLite at 10,000 generated letters: bench/RESULTS.md, fifth round). The record now
    // keeps a question's text and answer only where they differ from the bytes at their span
    // (stored_record_json), and the view question_answers gives SQL users every answer as
    // before. Existing rows keep their records until they are next written; the view reads
    // both forms.
    R"sql(
ALTER TABLE questions DROP COLUMN answer;
CREATE VIEW question_answers AS
SELECT q.document_id, q.ord, q.n, q.text, q.outcome, d.status,
       COALESCE(json_extract(d.record, '$.questions[' || q.ord || '].answer'),
                CAST(substr(CAST(json_extract(d.record, '$.text') AS BLOB),
                            json_extract(d.record, '$.questions[' || q.ord || '].spans.answer[0]') + 1,
                            json_extract(d.record, '$.questions[' || q.ord || '].spans.answer[1]') -
                                json_extract(d.record, '$.questions[' || q.ord || '].spans.answer[0]'))
                     AS TEXT),
                '') AS answer
FROM questions q JOIN documents d ON d.id = q.document_id;
)sql",
};

}  // namespace foilog::schema
