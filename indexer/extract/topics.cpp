#include "extract/topics.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "taxonomy/authority_table_words.h"

namespace foilog {
namespace {

// A topic must reach this share of the best topic's score: a letter about cyber attacks that
// mentions a budget once is not also about spending.
constexpr double kRelativeCut = 0.35;
// Repeats add less and less, so a long letter does not outscore a short one on one word.
constexpr int kMaxCountedRepeats = 8;
constexpr double kTitleFactor = 2;

// The words of one text sorted, so each keyword finds where its first word occurs by binary
// search instead of comparing every keyword with every word (there are hundreds of keywords).
class WordIndex {
 public:
  explicit WordIndex(std::vector<NameWord> words) : words_(std::move(words)) {
    sorted_.reserve(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
      sorted_.push_back({words_[i].word, i});
    }
    std::sort(sorted_.begin(), sorted_.end());
  }
  // sorted_ points into words_' strings.
  WordIndex(const WordIndex&) = delete;
  WordIndex& operator=(const WordIndex&) = delete;

  // How often the keyword's phrase occurs, counting non-overlapping occurrences from the left.
  [[nodiscard]] int count(const TopicKeyword& k) const {
    const std::size_t n = k.words.size();
    if (n == 0 || n > words_.size()) {
      return 0;
    }
    const std::string& first = k.words.front();
    const bool first_is_prefix = k.prefix && n == 1;
    std::vector<std::size_t> starts;
    for (auto it = std::lower_bound(sorted_.begin(), sorted_.end(), Entry{first, 0});
         it != sorted_.end() &&
         (first_is_prefix ? std::string_view(it->word).starts_with(first) : it->word == first);
         ++it) {
      starts.push_back(it->index);
    }
    std::sort(starts.begin(), starts.end());
    int count = 0;
    std::size_t next_free = 0;
    for (const std::size_t i : starts) {
      if (i < next_free || i + n > words_.size()) {
        continue;
      }
      bool match = true;
      for (std::size_t j = 1; j < n && match; ++j) {
        const bool last = j + 1 == n;
        match = (last && k.prefix) ? words_[i + j].word.starts_with(k.words[j])
                                   : words_[i + j].word == k.words[j];
      }
      if (match) {
        ++count;
        next_free = i + n;
      }
    }
    return count;
  }

 private:
  struct Entry {
    std::string_view word;
    std::size_t index;
    bool operator<(const Entry& o) const {
      return word < o.word || (word == o.word && index < o.index);
    }
  };
  std::vector<NameWord> words_;
  std::vector<Entry> sorted_;  // views into words_
};

double score_words(const WordIndex& text_words, const WordIndex& title_words,
                   const TopicInfo& topic) {
  double score = 0;
  for (const auto& k : topic.keywords) {
    const int in_text = std::min(text_words.count(k), kMaxCountedRepeats);
    if (in_text > 0) {
      score += k.weight * (1 + std::log2(static_cast<double>(in_text)) / 2);
    }
    if (title_words.count(k) > 0) {
      score += k.weight * kTitleFactor;
    }
  }
  return score;
}

}  // namespace

double topic_score(std::string_view text, std::string_view title, const TopicInfo& topic) {
  return score_words(WordIndex(split_name_words(text)), WordIndex(split_name_words(title)), topic);
}

std::vector<std::string> assign_topics(std::string_view text, std::string_view title,
                                       const TopicTable& table) {
  const WordIndex text_words(split_name_words(text));
  const WordIndex title_words(split_name_words(title));
  std::vector<std::pair<double, const TopicInfo*>> scored;
  for (const auto& topic : table.all()) {
    const double s = score_words(text_words, title_words, topic);
    if (s >= table.threshold()) {
      scored.emplace_back(s, &topic);
    }
  }
  // Best first; equal scores keep the file's order so results are stable.
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> ids;
  for (const auto& [s, topic] : scored) {
    if (ids.size() >= table.max_topics() || s < kRelativeCut * scored.front().first) {
      break;
    }
    ids.push_back(topic->id);
  }
  return ids;
}

}  // namespace foilog
