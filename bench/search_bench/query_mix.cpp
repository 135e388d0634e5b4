#include "search_bench/query_mix.h"

#include <xapian.h>

#include <map>
#include <set>

#include "common/rng.h"
#include "schema/schema.h"

namespace foilog::bench {
namespace {

namespace prefix = schema::prefix;

const std::set<std::string> kStopwords = {
    "the", "of",  "and",   "to",    "in",  "a",     "is",    "for",    "that",  "on",   "with",
    "as",  "by",  "this",  "be",    "are", "which", "from",  "at",     "or",    "an",   "it",
    "we",  "our", "you",   "your",  "i",   "has",   "have",  "not",    "will",  "been", "any",
    "all", "its", "their", "these", "can", "may",   "would", "should", "there", "if",   "was"};

bool plain_word(const std::string& t) {
  if (t.size() < 3 || !(t[0] >= 'a' && t[0] <= 'z')) {
    return false;
  }
  for (const char c : t) {
    if (!((c >= 'a' && c <= 'z') || c == '\'')) {
      return false;
    }
  }
  return true;
}

class MixBuilder {
 public:
  MixBuilder(const std::filesystem::path& db_dir, std::uint64_t seed)
      : db_((db_dir / schema::file::kXapian).string()), rng_(seed) {
    const std::string doc_term =
        std::string(prefix::kDocType) + std::string(schema::doc_type::kDocument);
    for (auto it = db_.postlist_begin(doc_term); it != db_.postlist_end(doc_term); ++it) {
      docs_.push_back(*it);
    }
    responses_ = static_cast<double>(docs_.size());
  }

  [[nodiscard]] bool empty() const { return docs_.empty(); }

  Xapian::docid random_doc() { return docs_[rng_.below(docs_.size())]; }

  std::vector<std::string> words_of_random_doc() { return words_of(random_doc()); }

  // The words of a response, in position order (unprefixed terms only).
  std::vector<std::string> words_of(Xapian::docid id) {
    std::map<Xapian::termpos, std::string> at;
    for (auto t = db_.termlist_begin(id); t != db_.termlist_end(id); ++t) {
      const std::string term = *t;
      if (!plain_word(term)) {
        continue;
      }
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        at[*p] = term;
      }
    }
    std::vector<std::string> words;
    Xapian::termpos last = 0;
    for (const auto& [pos, term] : at) {
      if (!words.empty() && pos != last + 1) {
        words.emplace_back();  // a gap (a skipped number or punctuation): breaks phrases
      }
      words.push_back(term);
      last = pos;
    }
    return words;
  }

  // Share of responses containing the word (question documents are counted too, so an
  // over-estimate; used only to sort words into rare and broad).
  double share(const std::string& word) {
    return static_cast<double>(db_.get_termfreq(word)) / std::max(1.0, responses_);
  }

  // `n` consecutive words of a document (random unless given), each rarer than max_share and
  // at least one in kMinShare of the responses (what people search for, not a typo).
  std::string words(std::size_t n, double max_share, bool allow_stopwords, Xapian::docid id = 0) {
    static constexpr double kMinShare = 0.002;
    for (int attempt = 0; attempt < 50; ++attempt) {
      const auto w = words_of(id != 0 ? id : random_doc());
      if (w.size() < n + 1) {
        continue;
      }
      const std::size_t start = rng_.below(w.size() - n);
      std::string out;
      bool ok = true, common_enough = false;
      for (std::size_t i = start; i < start + n && ok; ++i) {
        const double sh = w[i].empty() ? 0 : share(w[i]);
        ok = !w[i].empty() && (allow_stopwords || kStopwords.count(w[i]) == 0) && sh < max_share;
        common_enough = common_enough || sh >= kMinShare;
        out += (out.empty() ? "" : " ") + w[i];
      }
      if (ok && common_enough) {
        return out;
      }
    }
    return {};
  }

  // A word in at least min_share of the responses.
  std::string broad_word(double min_share) {
    for (int attempt = 0; attempt < 200; ++attempt) {
      const auto w = words_of_random_doc();
      if (w.empty()) {
        continue;
      }
      const std::string& word = w[rng_.below(w.size())];
      if (!word.empty() && kStopwords.count(word) == 0 && share(word) >= min_share) {
        return word;
      }
    }
    return {};
  }

  // A boolean term of a response (random unless given) with this prefix ("" when none).
  std::string term_of_random_doc(std::string_view pfx, Xapian::docid given = 0) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      const Xapian::docid id = given != 0 ? given : random_doc();
      std::vector<std::string> found;
      auto t = db_.termlist_begin(id);
      t.skip_to(std::string(pfx));
      for (; t != db_.termlist_end(id) && (*t).compare(0, pfx.size(), pfx) == 0; ++t) {
        found.push_back(*t);
      }
      if (!found.empty()) {
        return found[rng_.below(found.size())];
      }
    }
    return {};
  }

  std::string filter_term(Xapian::docid id = 0) {
    switch (rng_.below(3)) {
      case 0:
        return term_of_random_doc(prefix::kOutcome, id);
      case 1:
        return term_of_random_doc(prefix::kExemption, id);
      default:
        return term_of_random_doc(prefix::kAuthority, id);
    }
  }

  Rng& rng() { return rng_; }

 private:
  Xapian::Database db_;
  Rng rng_;
  std::vector<Xapian::docid> docs_;
  double responses_ = 0;
};

}  // namespace

const std::vector<std::string>& query_classes() {
  static const std::vector<std::string> classes = {"1 word",    "2 words", "3 words", "phrase",
                                                   "reference", "filter",  "broad",   "browse"};
  return classes;
}

std::vector<QueryRecipe> build_query_mix(const std::filesystem::path& db_dir, std::uint64_t seed,
                                         std::size_t per_class) {
  MixBuilder b(db_dir, seed);
  std::vector<QueryRecipe> mix;
  if (b.empty()) {
    return mix;
  }
  const auto add = [&](const std::string& cls, std::string text, std::vector<std::string> f) {
    if (!text.empty() || !f.empty() || cls == "browse") {
      mix.push_back({cls, std::move(text), std::move(f)});
    }
  };
  for (std::size_t i = 0; i < per_class; ++i) {
    add("1 word", b.words(1, 0.2, false), {});
    add("2 words", b.words(2, 0.5, false), {});
    add("3 words", b.words(3, 0.5, false), {});
    const std::string phrase = b.words(b.rng().chance(0.5) ? 2 : 3, 1.01, true);
    add("phrase", phrase.empty() ? "" : "\"" + phrase + "\"", {});
    const std::string ref = b.term_of_random_doc(prefix::kReference);
    add("reference", "", ref.empty() ? std::vector<std::string>{} : std::vector<std::string>{ref});
    // Words and a facet value of the same response, so that the filtered query matches.
    const Xapian::docid id = b.random_doc();
    std::string f = b.filter_term(id);
    for (int attempt = 0; f.empty() && attempt < 3; ++attempt) {
      f = b.filter_term(id);  // a letter without exemptions: try another facet
    }
    const std::string fw = b.words(b.rng().chance(0.5) ? 1 : 2, 0.5, false, id);
    if (!fw.empty() && !f.empty()) {
      add("filter", fw, {f});
    }
    std::string broad = b.broad_word(0.2);
    if (b.rng().chance(0.3)) {
      const std::string second = b.broad_word(0.2);
      if (second != broad) {
        broad += " " + second;
      }
    }
    add("broad", broad, {});
    // Browsing: everything (the home page), or one facet selected, newest first.
    std::vector<std::string> browse;
    if (b.rng().chance(0.6)) {
      const std::string t = b.filter_term();
      if (!t.empty()) {
        browse.push_back(t);
      }
    }
    add("browse", "", browse);
  }
  return mix;
}

}  // namespace foilog::bench
