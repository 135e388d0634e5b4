#include "extract/topics.h"

#include <algorithm>
#include <cmath>

#include "taxonomy/authority_table_words.h"

namespace foilog {
namespace {

// A topic must reach this share of the best topic's score: a letter about cyber attacks that
// mentions a budget once is not also about spending.
constexpr double kRelativeCut = 0.35;
// Repeats add less and less, so a long letter does not outscore a short one on one word.
constexpr int kMaxCountedRepeats = 8;
constexpr double kTitleFactor = 2;

int count_phrase(const std::vector<NameWord>& words, const TopicKeyword& k) {
  int count = 0;
  const std::size_t n = k.words.size();
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < n && match; ++j) {
      const bool last = j + 1 == n;
      match = (last && k.prefix) ? words[i + j].word.starts_with(k.words[j])
                                 : words[i + j].word == k.words[j];
    }
    if (match) {
      ++count;
      i += n - 1;
    }
  }
  return count;
}

double score_words(const std::vector<NameWord>& text_words,
                   const std::vector<NameWord>& title_words, const TopicInfo& topic) {
  double score = 0;
  for (const auto& k : topic.keywords) {
    const int in_text = std::min(count_phrase(text_words, k), kMaxCountedRepeats);
    if (in_text > 0) {
      score += k.weight * (1 + std::log2(static_cast<double>(in_text)) / 2);
    }
    if (count_phrase(title_words, k) > 0) {
      score += k.weight * kTitleFactor;
    }
  }
  return score;
}

}  // namespace

double topic_score(std::string_view text, std::string_view title, const TopicInfo& topic) {
  return score_words(split_name_words(text), split_name_words(title), topic);
}

std::vector<std::string> assign_topics(std::string_view text, std::string_view title,
                                       const TopicTable& table) {
  const auto text_words = split_name_words(text);
  const auto title_words = split_name_words(title);
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
