#include "extract/outcome.h"

#include <gtest/gtest.h>

#include <iostream>

#include "extract/questions.h"
#include "support/corpus.h"

namespace foilog {
namespace {

// The exemption extractor is written by another engineer; until it lands, the corpus test builds
// the citations from each label's `exemptions` list with empty spans (empty spans are trusted
// as applied), so this measures the outcome classifier on its own.
std::vector<ExemptionCitation> citations_from_label(const nlohmann::json& label) {
  std::vector<ExemptionCitation> out;
  const auto& regimes = label.at("regimes");
  const std::string act = regimes.empty() ? "FOIA" : regimes.front().get<std::string>();
  for (const auto& p : label.at("exemptions")) {
    ExemptionCitation c;
    c.provision = p.get<std::string>();
    c.act = act;
    out.push_back(c);
  }
  return out;
}

TEST(OutcomeCorpus, AccuracyOnLabelledDocs) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int right = 0;
  for (const auto& d : docs) {
    auto qs = extract_questions(d.text);
    const auto result = classify_outcome(d.text, qs, citations_from_label(d.label));
    const auto want = d.label.at("outcome").get<std::string>();
    if (result.outcome == want) {
      ++right;
    } else {
      std::cout << "MISS " << d.name << ": got " << result.outcome << ", label " << want << "\n";
    }
  }
  std::cout << "outcome accuracy " << right << "/" << docs.size() << "\n";
  EXPECT_GE(static_cast<double>(right) / static_cast<double>(docs.size()), 0.90);
}

}  // namespace
}  // namespace foilog
