// Record -> Xapian documents: one for the response (Q<id>, XTYPEdoc) and one per question
// (Q<id>#<n>, XTYPEquestion, XPARENT<id>). Every term prefix and value slot is named in
// schema/schema.h and documented in docs/SCHEMA.md.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "store/synonyms.h"

namespace foilog {

struct IndexedDocument {
  std::string id_term;  // the unique Q term replace_document() keys on
  Xapian::Document document;
  // Whether the words of this document feed the spelling table (the response: its questions
  // are the same words again). See add_spelling_of() for building without a database.
  bool spelled = false;
};

class XapianIndexer {
 public:
  explicit XapianIndexer(const std::vector<SynonymPair>& synonyms = {});

  // The response document first, then one per question, in record order. ingested_at (ISO
  // date or timestamp) is the sort date of a record without dates. With spelling_db, the
  // response's words are added to its spelling table (question text is the same words again).
  // Without spelling_db, build() touches no database and is safe to call from several threads
  // at once; the writer then adds the spelling with add_spelling_of().
  [[nodiscard]] std::vector<IndexedDocument> build(
      const Record& rec, std::int64_t id, std::string_view ingested_at,
      Xapian::WritableDatabase* spelling_db = nullptr) const;

  // Replaces everything indexed for id (a shrinking question list leaves no stale questions).
  // add_spelling: feed db's spelling table (the in-memory backend has none).
  void replace(Xapian::WritableDatabase& db, const Record& rec, std::int64_t id,
               std::string_view ingested_at, bool add_spelling = true) const;
  // The same with documents build() made without a database (on another thread, say): the
  // spelling FLAG_SPELLING would have added is read from the response's own terms.
  static void replace_built(Xapian::WritableDatabase& db, std::int64_t id,
                            std::vector<IndexedDocument>& documents, bool add_spelling = true);

  // Deletes the response and its questions.
  static void remove(Xapian::WritableDatabase& db, std::int64_t id);

 private:
  SynonymExpander expander_;
};

// The question part of Q<id>#<key>: the requester's number n, with "-2", "-3", ... for a number
// that repeats in the same record (numbering slips happen in real letters).
[[nodiscard]] std::vector<std::string> question_keys(const std::vector<Question>& questions);

}  // namespace foilog
