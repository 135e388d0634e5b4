// FOI topics (data/topics.tsv) and the weighted keyword rules that assign them. The rules live in
// the data file so that an editor can tune them without recompiling.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct TopicKeyword {
  std::string phrase;              // as written in the file, e.g. "cyber attack" or "vehicle*"
  std::vector<std::string> words;  // split_name_words() of the phrase, '*' removed
  bool prefix = false;             // a trailing '*' lets the last word match as a prefix
  double weight = 0;               // negative weights count against the topic
};

struct TopicInfo {
  std::string id;  // slug, stable, e.g. "it-cyber-security"
  std::string label;
  std::vector<TopicKeyword> keywords;
};

class TopicTable {
 public:
  // Rows: id <TAB> label <TAB> keywords, keywords being "phrase=weight" items separated by '|'
  // ("ransomware=3|cyber*=2"). Settings rows: "@threshold <TAB> 5" (minimum score a topic
  // needs) and "@max_topics <TAB> 4". A header starting with "id<TAB>", blank lines and '#'
  // comments are skipped. Throws DataError naming source_name and the line.
  static TopicTable parse(std::string_view tsv, const std::string& source_name);
  static TopicTable load(const std::filesystem::path& tsv_file);

  [[nodiscard]] const std::vector<TopicInfo>& all() const { return topics_; }
  [[nodiscard]] const TopicInfo* by_id(std::string_view id) const;
  [[nodiscard]] double threshold() const { return threshold_; }
  [[nodiscard]] std::size_t max_topics() const { return max_topics_; }

 private:
  std::vector<TopicInfo> topics_;
  double threshold_ = 5;
  std::size_t max_topics_ = 4;
};

}  // namespace foilog
