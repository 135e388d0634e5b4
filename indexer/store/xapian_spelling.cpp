#include "store/xapian_spelling.h"

#include <limits>

#include "schema/schema.h"

namespace foilog {

std::vector<SpellingShare> spelling_share(const Xapian::Database& db, std::int64_t id) {
  const std::string id_term = schema::document_id_term(id);
  const auto post = db.postlist_begin(id_term);
  if (post == db.postlist_end(id_term)) {
    return {};
  }
  return spelling_of(db.get_document(*post));
}

std::vector<SpellingShare> spelling_of(const Xapian::Document& doc) {
  std::vector<SpellingShare> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // Prefixed terms (Omega convention: a leading capital) never enter the spelling table;
    // synonym terms added without positions did not either.
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) {
      continue;
    }
    if (const Xapian::termcount n = t.positionlist_count(); n > 0) {
      out.push_back({term, n});
    }
  }
  return out;
}

void add_spelling(Xapian::WritableDatabase& db, const std::vector<SpellingShare>& shares) {
  for (const auto& s : shares) {
    db.add_spelling(s.word, s.count);
  }
}

void forget_spelling(Xapian::WritableDatabase& db, const std::vector<SpellingShare>& shares) {
  for (const auto& s : shares) {
    const bool still_used = db.term_exists(s.word);
    db.remove_spelling(s.word,
                       still_used ? s.count : std::numeric_limits<Xapian::termcount>::max());
  }
}

}  // namespace foilog
