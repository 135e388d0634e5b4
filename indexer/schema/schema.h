// The one place that names how foilog stores things: Xapian term prefixes and value slots, and
// SQLite tables. The indexer writes with these names, the web front end reads with them.
// docs/SCHEMA.md mirrors this file; change both together.
#pragma once

#include <string_view>

namespace foilog::schema {

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
inline constexpr std::string_view kYear = "XYEAR";            // XYEAR2020 (of date_responded)
inline constexpr std::string_view kReference = "XREF";        // XREF<normalised reference>
inline constexpr std::string_view kKind = "XKIND";            // XKINDresponse
inline constexpr std::string_view kParent = "XPARENT";        // questions: XPARENT<doc id>
// Free-text prefixes for fielded search (QueryParser add_prefix).
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAuthorityText = "XA";
}  // namespace prefix

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

// ---- SQLite ----------------------------------------------------------------------------------
namespace table {
inline constexpr std::string_view kMeta = "meta";
inline constexpr std::string_view kDocuments = "documents";
inline constexpr std::string_view kAuthorities = "authorities";
inline constexpr std::string_view kAuthorityAliases = "authority_aliases";
inline constexpr std::string_view kExemptions = "exemptions";
inline constexpr std::string_view kDocumentExemptions = "document_exemptions";
inline constexpr std::string_view kQuestions = "questions";
inline constexpr std::string_view kDocumentTopics = "document_topics";
inline constexpr std::string_view kIngestErrors = "ingest_errors";
}  // namespace table

}  // namespace foilog::schema
