#include "taxonomy/topic_table.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "taxonomy/authority_table_words.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

double parse_number(std::string_view text, const std::string& where, std::string_view what) {
  text = trim(text);
  // from_chars for double is in libstdc++ 11+, so no locale surprises.
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    throw DataError(where + ": " + std::string(what) + " '" + std::string(text) +
                    "' is not a number");
  }
  return value;
}

TopicKeyword parse_keyword(std::string_view item, const std::string& where) {
  const auto eq = item.rfind('=');
  if (eq == std::string_view::npos) {
    throw DataError(where + ": keyword '" + std::string(item) +
                    "' needs a weight, e.g. 'ransomware=3'");
  }
  TopicKeyword k;
  k.phrase = std::string(trim(item.substr(0, eq)));
  k.weight = parse_number(item.substr(eq + 1), where, "weight of '" + k.phrase + "'");
  std::string_view phrase = k.phrase;
  if (!phrase.empty() && phrase.back() == '*') {
    k.prefix = true;
    phrase.remove_suffix(1);
  }
  for (auto& w : split_name_words(phrase)) {
    k.words.push_back(std::move(w.word));
  }
  if (k.words.empty()) {
    throw DataError(where + ": keyword '" + std::string(item) + "' has no words");
  }
  return k;
}

}  // namespace

TopicTable TopicTable::parse(std::string_view tsv, const std::string& source_name) {
  TopicTable table;
  int line_no = 0;
  for (auto line : split_lines(tsv)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (trim(line).empty() || line.front() == '#' || line.starts_with("id\t")) {
      continue;
    }
    const std::string where = source_name + ":" + std::to_string(line_no);
    const auto cols = split(line, '\t');
    if (line.front() == '@') {
      if (cols.size() != 2) {
        throw DataError(where + ": a setting row is '@name<TAB>value'");
      }
      const double value = parse_number(cols[1], where, "value of " + cols[0]);
      if (cols[0] == "@threshold") {
        table.threshold_ = value;
      } else if (cols[0] == "@max_topics" && value >= 1) {
        table.max_topics_ = static_cast<std::size_t>(value);
      } else {
        throw DataError(where + ": unknown setting '" + cols[0] +
                        "' (use @threshold or @max_topics >= 1)");
      }
      continue;
    }
    if (cols.size() != 3) {
      throw DataError(where + ": expected 3 tab-separated columns (id, label, keywords), found " +
                      std::to_string(cols.size()));
    }
    TopicInfo topic;
    topic.id = std::string(trim(cols[0]));
    topic.label = std::string(trim(cols[1]));
    if (topic.id.empty() || topic.id != slugify(topic.id)) {
      throw DataError(where + ": id '" + topic.id + "' must be a slug such as '" +
                      slugify(topic.label) + "'");
    }
    if (table.by_id(topic.id) != nullptr) {
      throw DataError(where + ": topic '" + topic.id + "' is defined twice");
    }
    for (const auto& item : split(cols[2], '|')) {
      if (!trim(item).empty()) {
        topic.keywords.push_back(parse_keyword(item, where));
      }
    }
    if (topic.keywords.empty()) {
      throw DataError(where + ": topic '" + topic.id + "' has no keywords");
    }
    table.topics_.push_back(std::move(topic));
  }
  return table;
}

TopicTable TopicTable::load(const std::filesystem::path& tsv_file) {
  std::ifstream in(tsv_file, std::ios::binary);
  if (!in) {
    throw DataError(tsv_file.string() + ": cannot open the topics table");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv_file.string());
}

const TopicInfo* TopicTable::by_id(std::string_view id) const {
  for (const auto& t : topics_) {
    if (t.id == id) {
      return &t;
    }
  }
  return nullptr;
}

}  // namespace foilog
