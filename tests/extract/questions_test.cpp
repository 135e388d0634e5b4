#include "extract/questions.h"

#include <gtest/gtest.h>

#include <iostream>

#include "support/corpus.h"

namespace foilog {
namespace {

TEST(QuestionsCorpus, CountAccuracyOnLabelledDocs) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int right = 0;
  for (const auto& d : docs) {
    const auto qs = extract_questions(d.text);
    int count = 0;
    for (const auto& q : qs) {
      count += q.n > 0 ? 1 : 0;
    }
    const int want = d.label.at("questions").get<int>();
    if (count == want) {
      ++right;
    } else {
      std::cout << "MISS " << d.name << ": got " << count << ", label " << want << "\n";
    }
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(docs.size());
  std::cout << "question count accuracy " << right << "/" << docs.size() << "\n";
  EXPECT_GE(accuracy, 0.85);
}

}  // namespace
}  // namespace foilog
