// Keeping Xapian's spelling table (what "did you mean" suggests from) in step with the
// documents: XapianIndexer::build() indexes a response with FLAG_SPELLING, which adds one
// spelling entry for every positioned occurrence of an unprefixed term, so a response's share of
// the table can be read back from its own document. Withdrawing a response must take its share
// back, or a search for a near miss would still suggest a word only it contained.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace foilog {

struct SpellingShare {
  std::string word;
  Xapian::termcount count = 0;
};

// The entries a document gives: one per positioned occurrence of each unprefixed term, which is
// what FLAG_SPELLING adds while indexing it. Lets documents be built on other threads, without
// the database, and their spelling added by the writer.
[[nodiscard]] std::vector<SpellingShare> spelling_of(const Xapian::Document& doc);
void add_spelling(Xapian::WritableDatabase& db, const std::vector<SpellingShare>& shares);

// Shares summed word by word, to apply a batch's changes with one call per word.
class SpellingTally {
 public:
  void add(const std::vector<SpellingShare>& shares) {
    for (const auto& s : shares) {
      counts_[s.word] += s.count;
    }
  }
  [[nodiscard]] std::vector<SpellingShare> shares() const {
    std::vector<SpellingShare> out;
    out.reserve(counts_.size());
    for (const auto& [word, count] : counts_) {
      out.push_back({word, count});
    }
    return out;
  }

 private:
  std::map<std::string, Xapian::termcount> counts_;
};

// The spelling entries response `id` gave (its Q<id> document; questions add none). Empty when
// db does not hold it. Read it before deleting or replacing the document.
[[nodiscard]] std::vector<SpellingShare> spelling_share(const Xapian::Database& db,
                                                        std::int64_t id);

// Takes the entries back, after the document is deleted or replaced. A word no document
// contains any more is removed outright, whatever its count: a count inflated by an older
// foilog (which never took entries back) must not keep a withdrawn word suggestible.
void forget_spelling(Xapian::WritableDatabase& db, const std::vector<SpellingShare>& shares);

}  // namespace foilog
