// Which FOI topics (data/topics.tsv) a document is about, from the weighted keyword rules in that
// file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "taxonomy/topic_table.h"

namespace foilog {

// Topic ids, best first: those scoring at least the table's threshold and within reach of the
// best, at most table.max_topics(). Pure: text in, ids out.
[[nodiscard]] std::vector<std::string> assign_topics(std::string_view text, std::string_view title,
                                                     const TopicTable& table);

// The score behind assign_topics() for one topic, for tuning the rules and for tests.
[[nodiscard]] double topic_score(std::string_view text, std::string_view title,
                                 const TopicInfo& topic);

}  // namespace foilog
