#include "store/synonyms.h"

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "schema/schema.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

// One per thread: a Xapian::Stem keeps the Snowball stemmer's working state, so sharing one
// between threads generating terms at once would be a data race.
const Xapian::Stem& english() {
  thread_local const Xapian::Stem stem("en");
  return stem;
}

std::string stemmed_term(const std::string& word) {
  return std::string(schema::prefix::kStemmed) + english()(word);
}

// The terms a single query word produces and QueryParser looks synonyms up under.
std::vector<std::string> word_terms(const std::string& word) {
  return {word, stemmed_term(word)};
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) {
      out += ' ';
    }
    out += w;
  }
  return out;
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (Xapian::Unicode::is_wordchar(*it)) {
      Xapian::Unicode::append_utf8(current, Xapian::Unicode::tolower(*it));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    words.push_back(std::move(current));
  }
  return words;
}

std::vector<SynonymPair> parse_synonyms(std::string_view tsv, const std::string& source_name) {
  std::vector<SynonymPair> pairs;
  std::size_t line_no = 0;
  for (std::string_view line : split_lines(tsv)) {
    ++line_no;
    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') {
      continue;
    }
    const std::string where = source_name + ":" + std::to_string(line_no);
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) {
      throw DataError(where + ": expected \"term<TAB>synonym\"");
    }
    SynonymPair pair{split_words(line.substr(0, tab)), split_words(line.substr(tab + 1))};
    if (pair.left.empty() || pair.right.empty()) {
      throw DataError(where + ": both the term and the synonym need at least one word");
    }
    if (pair.left.size() > 1 && pair.right.size() > 1) {
      throw DataError(where +
                      ": at most one side may be a phrase (Xapian synonyms map to one "
                      "term); pair each phrase with a single word");
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

std::vector<SynonymPair> load_synonyms(const std::filesystem::path& tsv_file) {
  std::ifstream in(tsv_file, std::ios::binary);
  if (!in) {
    throw DataError(tsv_file.string() + ": cannot read the synonyms file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_synonyms(ss.str(), tsv_file.string());
}

void write_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymPair>& pairs) {
  std::set<std::string> old_keys;
  for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) {
    old_keys.insert(*it);
  }
  for (const auto& key : old_keys) {
    db.clear_synonyms(key);
  }
  auto add_direction = [&db](const std::vector<std::string>& from,
                             const std::vector<std::string>& to) {
    if (to.size() != 1) {
      return;  // word -> phrase: handled at index time by SynonymExpander
    }
    const std::vector<std::string> values = word_terms(to.front());
    // A phrase is looked up by its words joined with single spaces; a word by itself and by
    // its stem, whichever QueryParser tries (it depends on capitalisation).
    const std::vector<std::string> keys =
        from.size() > 1 ? std::vector<std::string>{join_words(from)} : word_terms(from.front());
    for (const auto& key : keys) {
      for (const auto& value : values) {
        db.add_synonym(key, value);
      }
    }
  };
  for (const auto& pair : pairs) {
    add_direction(pair.left, pair.right);
    add_direction(pair.right, pair.left);
  }
}

SynonymExpander::SynonymExpander(const std::vector<SynonymPair>& pairs) {
  for (const auto& pair : pairs) {
    if (pair.left.size() > 1 && pair.right.size() == 1) {
      phrases_.push_back({pair.left, word_terms(pair.right.front())});
    } else if (pair.right.size() > 1 && pair.left.size() == 1) {
      phrases_.push_back({pair.right, word_terms(pair.left.front())});
    }
  }
}

std::vector<std::string> SynonymExpander::terms_for_text(std::string_view text) const {
  std::vector<std::string> terms;
  if (phrases_.empty()) {
    return terms;
  }
  const std::vector<std::string> words = split_words(text);
  for (const auto& phrase : phrases_) {
    const auto& pw = phrase.words;
    for (std::size_t i = 0; i + pw.size() <= words.size(); ++i) {
      if (std::equal(pw.begin(), pw.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
        terms.insert(terms.end(), phrase.terms.begin(), phrase.terms.end());
        break;
      }
    }
  }
  return terms;
}

}  // namespace foilog
