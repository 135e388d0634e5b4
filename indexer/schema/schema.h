// The one place that names how foilog stores things: Xapian term prefixes and value slots, and
// SQLite tables and columns. The indexer writes with these names, the web front end reads with
// them. docs/SCHEMA.md mirrors this file; change both together.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace foilog::schema {

// ---- Files inside a store directory (--db DIR) -----------------------------------------------
namespace file {
inline constexpr std::string_view kSqlite = "foilog.sqlite";
inline constexpr std::string_view kXapian = "xapian";         // the live Xapian database
inline constexpr std::string_view kXapianNew = "xapian.new";  // reindex() builds here, then swaps
inline constexpr std::string_view kXapianOld = "xapian.old";  // swap fallback without renameat2
inline constexpr std::string_view kWriteLock = "write.lock";  // flock()ed by the one writer
// flock()ed while both stores change together (a commit, a swap) and while `foilog backup`
// copies them, so a backup sees the two at the same commit.
inline constexpr std::string_view kCommitLock = "commit.lock";
// Files authorities upload through /publish, kept so /doc/ID/original can serve them:
// uploads/<authority id>/<first 16 hex digits of the SHA-256>-<sanitised file name>.
inline constexpr std::string_view kUploads = "uploads";
}  // namespace file

// ---- Xapian boolean term prefixes (Omega conventions: Q unique id; X... our own) -------------
namespace prefix {
inline constexpr std::string_view kId = "Q";  // Q<doc id> (documents), Q<id>#<n> (questions)
inline constexpr std::string_view kDocType = "XTYPE";         // XTYPEdoc | XTYPEquestion
inline constexpr std::string_view kAuthority = "XAUTH";       // XAUTH<authority slug>
inline constexpr std::string_view kAuthorityType = "XATYPE";  // XATYPEpolice
inline constexpr std::string_view kExemption = "XEXEMPT";     // XEXEMPTs31(1)(a) and XEXEMPTs31
inline constexpr std::string_view kTopic = "XTOPIC";          // XTOPIC<topic id>
inline constexpr std::string_view kOutcome = "XOUTCOME";      // XOUTCOMErefused
inline constexpr std::string_view kRegime = "XREGIME";        // XREGIMEFOIA
inline constexpr std::string_view kYear = "XYEAR";  // XYEAR2020: date_responded, else date_received
inline constexpr std::string_view kReference = "XREF";  // XREF<normalise_reference()>
inline constexpr std::string_view kKind = "XKIND";      // XKINDresponse
inline constexpr std::string_view kParent = "XPARENT";  // questions: XPARENT<doc id>
// Free-text prefixes for fielded search (QueryParser add_prefix).
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAuthorityText = "XA";
// TermGenerator's prefix for stemmed terms (STEM_SOME); synonym values use it.
inline constexpr std::string_view kStemmed = "Z";
}  // namespace prefix

// XTYPE values.
namespace doc_type {
inline constexpr std::string_view kDocument = "doc";
inline constexpr std::string_view kQuestion = "question";
}  // namespace doc_type

// ---- Xapian value slots ----------------------------------------------------------------------
namespace slot {
inline constexpr unsigned kDateResponded = 0;  // YYYYMMDD string (sortable, range-able)
inline constexpr unsigned kDateReceived = 1;   // YYYYMMDD
inline constexpr unsigned kWorkingDays = 2;    // Xapian::sortable_serialise(days)
inline constexpr unsigned kAuthorityId = 3;    // authority slug (facet counting)
inline constexpr unsigned kOutcome = 4;
inline constexpr unsigned kYear = 5;
inline constexpr unsigned kDocId = 6;     // the SQLite document id as decimal text
inline constexpr unsigned kSortDate = 7;  // responded, else received, else ingest date
}  // namespace slot

// Xapian user metadata keys.
namespace xapian_meta {
// SHA-256 of the synonyms file last loaded, so a changed file is reloaded.
inline constexpr std::string_view kSynonymsSha256 = "foilog.synonyms_sha256";
}  // namespace xapian_meta

// ---- SQLite ----------------------------------------------------------------------------------
// Bumped by every numbered migration in store/migrations.cpp.
inline constexpr int kSchemaVersion = 4;

namespace table {
inline constexpr std::string_view kMeta = "meta";
inline constexpr std::string_view kDocuments = "documents";
inline constexpr std::string_view kAuthorities = "authorities";
inline constexpr std::string_view kAuthorityAliases = "authority_aliases";
inline constexpr std::string_view kExemptions = "exemptions";
inline constexpr std::string_view kDocumentExemptions = "document_exemptions";
inline constexpr std::string_view kQuestions = "questions";
// Schema 4: a view of questions with each answer (stored once, in documents.record).
inline constexpr std::string_view kQuestionAnswers = "question_answers";
inline constexpr std::string_view kDocumentTopics = "document_topics";
inline constexpr std::string_view kDocumentRegimes = "document_regimes";
inline constexpr std::string_view kIngestErrors = "ingest_errors";
// Schema 2: publishing.
inline constexpr std::string_view kAccounts = "accounts";        // authorities that publish here
inline constexpr std::string_view kTokens = "tokens";            // API tokens, as SHA-256 only
inline constexpr std::string_view kSessions = "sessions";        // web sign-in sessions
inline constexpr std::string_view kCorrections = "corrections";  // facts an authority corrected
inline constexpr std::string_view kAuditLog = "audit_log";       // every publishing action
}  // namespace table

// Columns of `documents` that readers (web, analytics) rely on; docs/SCHEMA.md lists all.
namespace column {
inline constexpr std::string_view kId = "id";
inline constexpr std::string_view kPath = "path";
inline constexpr std::string_view kSha256 = "sha256";
inline constexpr std::string_view kSize = "size";
inline constexpr std::string_view kFormat = "format";
inline constexpr std::string_view kIngestedAt = "ingested_at";
inline constexpr std::string_view kRecord = "record";  // stored_record_json(rec), as text
inline constexpr std::string_view kAuthorityId = "authority_id";
inline constexpr std::string_view kAuthorityType = "authority_type";
inline constexpr std::string_view kReference = "reference";
inline constexpr std::string_view kDateReceived = "date_received";
inline constexpr std::string_view kDateResponded = "date_responded";
inline constexpr std::string_view kWorkingDays = "working_days";
inline constexpr std::string_view kWithinLimit = "within_limit";
inline constexpr std::string_view kOutcome = "outcome";
inline constexpr std::string_view kKind = "kind";
inline constexpr std::string_view kOcr = "ocr";
inline constexpr std::string_view kXapianPending = "xapian_pending";
// Schema 2. Only `published` documents are in Xapian or on any public page; every SQLite query
// behind a public view filters on it (see document_status below).
inline constexpr std::string_view kStatus = "status";
inline constexpr std::string_view kWithdrawnAt = "withdrawn_at";          // ISO timestamp
inline constexpr std::string_view kWithdrawnReason = "withdrawn_reason";  // typed by the authority
inline constexpr std::string_view kPurgedAt = "purged_at";  // when its text left the data files
}  // namespace column

// Values of documents.status.
namespace document_status {
inline constexpr std::string_view kPublished = "published";  // default: all `foilog index` writes
inline constexpr std::string_view kReview = "review";        // uploaded, not yet released
inline constexpr std::string_view kWithdrawn = "withdrawn";  // gone from every public view
}  // namespace document_status

// meta keys.
namespace meta_key {
inline constexpr std::string_view kSchemaVersion = "schema_version";
// sha256 of the authority and exemption rows last synced, so unchanged taxonomies are not
// rewritten.
inline constexpr std::string_view kTaxonomyFingerprint = "taxonomy_fingerprint";
// The first id this store gives a document (`foilog index --first-id N`), so the stores served as
// shards of one site number their documents in ranges that never meet. Absent: from 1.
inline constexpr std::string_view kFirstDocumentId = "first_document_id";
}  // namespace meta_key

// ---- Shared normal forms ---------------------------------------------------------------------

// The form references are indexed and looked up in (XREF terms): lower-case ASCII, every run of
// whitespace one space, trimmed; other characters kept ("FOI/18/03296" -> "foi/18/03296",
// "FOI  003477-20" -> "foi 003477-20"). Kept close to the printed form so that two distinct
// references never collide. Empty for an empty or all-space reference.
[[nodiscard]] std::string normalise_reference(std::string_view reference);

// The section a provision rolls up to: "s31(1)(a)" -> "s31", "reg12(5)(b)" -> "reg12"; a
// provision without a subsection is its own parent.
[[nodiscard]] std::string provision_parent(std::string_view provision);

// Unique id terms: "Q42" and "Q42#3".
[[nodiscard]] std::string document_id_term(std::int64_t id);
[[nodiscard]] std::string question_id_term(std::int64_t id, std::string_view question_key);

}  // namespace foilog::schema
