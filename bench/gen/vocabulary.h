// The generator's background vocabulary: a head of common, FOI-neutral English words followed by
// a long tail of pronounceable made-up words, ranked so that word frequencies follow Zipf's law
// (a few words are everywhere, most are rare, and the lexicon keeps growing with the corpus as
// real collections do). The words never trigger an extractor: no numbers, months, section
// numbers, outcome wording or reference-like tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/rng.h"
#include "common/zipf.h"

namespace foilog::bench {

class Vocabulary {
 public:
  // `tail_words` made-up words after the head; the ranking is fixed (independent of any corpus
  // seed), so two corpora share a vocabulary.
  explicit Vocabulary(std::size_t tail_words = 40000, double exponent = 1.05);

  [[nodiscard]] const std::string& word(Rng& rng) const { return words_[zipf_.sample(rng)]; }
  // A sentence of `min_words`..`max_words` words, capitalised, ending with a full stop.
  [[nodiscard]] std::string sentence(Rng& rng, int min_words, int max_words) const;
  // Sentences separated by spaces until the paragraph reaches about `bytes` bytes.
  [[nodiscard]] std::string paragraph(Rng& rng, std::size_t bytes) const;
  [[nodiscard]] std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
  Zipf zipf_;
};

}  // namespace foilog::bench
