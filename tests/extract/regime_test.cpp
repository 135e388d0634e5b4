// extract_regimes: table of real snippets, then set accuracy over the labelled corpus.
#include "extract/regime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "support/corpus.h"

namespace foilog {
namespace {

using Regimes = std::vector<std::string>;

struct Row {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  Regimes want;
};

const Row kRows[] = {
    {"dev001",
     "In accordance with the Freedom of Information Act 2000, this letter acts as a "
     "Refusal Notice",
     {"FOIA"}},
    {"dev004", "would exceed the appropriate limit (FOIA, s.12)", {"FOIA"}},
    {"dev003",
     "within the Freedom of Information (FOI) Act (see 'Reason for Decision' below)",
     {"FOIA"}},
    {"dev012", "Request for information under the FOIA", {"FOIA"}},
    {"dev022",
     "Information request and response under the Freedom of Information (Scotland) Act "
     "2002.",
     {"FOISA"}},
    {"dev022", "Under section 12 of FOISA public authorities are not required", {"FOISA"}},
    // A disclosure-log page name is not the Regulations being applied.
    {"dev011",
     "Our FOI and EIR Disclosure Log allows you to read our responses. These are not "
     "included in our FOI/EIR Disclosure Log.",
     {}},
    // "Freedom of Information request" names no Act.
    {"dev030", "Thank you for your recent Freedom of Information request.", {}},
    // The Fees Regulations' title mentions data protection; that is not the DPA.
    {"dev003",
     "as prescribed by the Freedom of Information and Data Protection (Appropriate "
     "Limit and Fees) Regulations 2004",
     {"FOIA"}},
    {"002_c951553b7efd2612",
     "Coventry City Council takes its Data Protection responsibilities "
     "very seriously",
     {}},
    {"synthetic (EIR wording as used by councils)",
     "This information is excepted under regulation 12(4)(b) of the Environmental Information "
     "Regulations 2004.",
     {"EIR"}},
    {"synthetic (Scottish EIRs wording)",
     "We are applying the exception under the Environmental Information (Scotland) Regulations "
     "2004 (the EIRs) and FOISA section 39(2).",
     {"FOISA", "EIRS"}},
    {"synthetic (SAR wording)", "Please make a subject access request under the UK GDPR.", {"DPA"}},
    {"synthetic (EIR acronym)", "We have handled your request under the EIR.", {"EIR"}},
};

TEST(ExtractRegimes, SnippetTable) {
  for (const auto& row : kRows) {
    EXPECT_EQ(extract_regimes(row.text), row.want) << row.source << ": " << row.text;
  }
}

TEST(ImpliedRegime, AnFoiRequestWithNoActNamedFollowsTheAuthoritysCountry) {
  const std::string text = "Thank you for your Freedom of Information request.";
  EXPECT_EQ(with_implied_regime({}, text, "england"), Regimes{"FOIA"});
  EXPECT_EQ(with_implied_regime({}, text, "wales"), Regimes{"FOIA"});
  EXPECT_EQ(with_implied_regime({}, text, "scotland"), Regimes{"FOISA"});
  EXPECT_EQ(with_implied_regime({"DPA"}, "Your FOI request", ""), (Regimes{"FOIA", "DPA"}));
}

TEST(ImpliedRegime, ANamedRegimeOrNoMentionOfFoiImpliesNothing) {
  EXPECT_EQ(with_implied_regime({"EIR"}, "your Freedom of Information request", "england"),
            Regimes{"EIR"});
  EXPECT_EQ(with_implied_regime({}, "Thank you for your subject access request.", "england"),
            Regimes{});
  EXPECT_EQ(with_implied_regime({}, "Information about FOIL packaging", "england"), Regimes{});
}

TEST(ExtractRegimes, CorpusSetAccuracy) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int right = 0;
  for (const auto& d : docs) {
    auto want = d.label.at("regimes").get<Regimes>();
    // Labels give the regime a response is under, named or implied. No corpus letter that names
    // no Act is Scottish, so the implied default here is the rest of the UK's FOIA.
    auto got = with_implied_regime(extract_regimes(d.text), d.text, "england");
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got) {
      ++right;
    } else {
      std::cout << "[regimes miss] " << d.name << " want=" << d.label.at("regimes").dump()
                << " got=" << nlohmann::json(got).dump() << "\n";
    }
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(docs.size());
  std::cout << "[regimes] set accuracy " << right << "/" << docs.size() << " = " << accuracy
            << "\n";
  EXPECT_GE(accuracy, 0.95);
}

}  // namespace
}  // namespace foilog
