// Search synonyms (data/synonyms.tsv): "siem" finds "SEIM", "foi" finds "Freedom of Information".
//
// Xapian's QueryParser expands a single query word through the database's synonym table (keyed
// by the word, or "Z" + its stem) and a run of words through a multi-word key ("freedom of
// information"); a synonym *value* must be one term. So a word<->word pair is stored both ways,
// a phrase->word direction is a multi-word key, and the word->phrase direction is done at index
// time: a document containing the phrase also gets the word's terms (synonym_terms_for_text).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct SynonymPair {
  std::vector<std::string> left;   // lower-case words; more than one for a phrase
  std::vector<std::string> right;  // at most one side is a phrase
};

// Lines "term<TAB>synonym"; '#' comments and blank lines skipped. Throws DataError naming
// source_name and the line for a line without a tab, an empty side, or two phrases.
[[nodiscard]] std::vector<SynonymPair> parse_synonyms(std::string_view tsv,
                                                      const std::string& source_name);
[[nodiscard]] std::vector<SynonymPair> load_synonyms(const std::filesystem::path& tsv_file);

// Replaces every synonym in db with these (both directions).
void write_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymPair>& pairs);

// The extra terms a text earns from word<-phrase synonyms: for each phrase it contains (word
// boundaries, case-insensitive), the partner word's stemmed ("Z...") and plain terms.
class SynonymExpander {
 public:
  explicit SynonymExpander(const std::vector<SynonymPair>& pairs);
  [[nodiscard]] std::vector<std::string> terms_for_text(std::string_view text) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::vector<std::string> terms;  // added when the phrase is present
  };
  std::vector<Phrase> phrases_;
};

// Lower-cased words as Xapian's TermGenerator splits them.
[[nodiscard]] std::vector<std::string> split_words(std::string_view text);

}  // namespace foilog
