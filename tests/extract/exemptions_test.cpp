// extract_exemptions: snippets from the corpus, then micro-F1 over (document, provision) pairs
// on the labelled corpus.
#include "extract/exemptions.h"

#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "extract/regime.h"
#include "support/corpus.h"

namespace foilog {
namespace {

using Strings = std::vector<std::string>;

const ExemptionTable& table() {
  static const auto t =
      ExemptionTable::load(std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / "exemptions.tsv");
  return t;
}

Strings provisions(const ExemptionsResult& r) {
  Strings out;
  for (const auto& e : r.exemptions) {
    out.push_back(e.provision);
  }
  return out;
}

struct Row {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  Strings exemptions;
  Strings procedural;
};

const Row kRows[] = {
    {"000_8b57e2e7d86066a4",
     "The information is exempt from disclosure by virtue of the following exemptions;\n\n"
     "Section 24(1) \xE2\x80\x93 National Security\nSection 31(1) \xE2\x80\x93 Law Enforcement\n\n"
     "Sections 24 and 31 are qualified and prejudice-based exemptions",
     {"s24(1)", "s31(1)"},
     {}},
    {"000_8b57e2e7d86066a4",
     "Section 17 of the Freedom of Information Act 2000 requires that Suffolk and Norfolk "
     "Constabularies, when refusing to provide such information (because the information is "
     "exempt) is to provide you, the applicant, with a notice which:\n\n- (a) States that fact",
     {},
     {"s17"}},
    {"002_c951553b7efd2612",
     "APPLICATION OF FOIA SECTION 31 \xE2\x80\x93 LAW ENFORCEMENT\n\nThis information is exempt "
     "from disclosure under Section 31(1)(a) and Section 31(3) of the Freedom of Information Act",
     {"s31(1)(a)", "s31(3)"},
     {}},
    {"002_c951553b7efd2612",
     "exempt from disclosure under Section 31(1)(a) and Section 31 (3) of "
     "the FOIA Act 2000.",
     {"s31(1)(a)", "s31(3)"},
     {}},
    {"dev003",
     "would exceed the appropriate limit (FOIA, s.12). ... the appropriate costs limit "
     "under section 12(1) of the FOI Act 2000.",
     {"s12(1)"},
     {}},
    {"dev004",
     "if one part of a request exceeds the fees limit then S12 of the Act applies to "
     "the whole request. However, in accordance with Section 16 of the Act I have a "
     "duty to provide advice",
     {"s12"},
     {"s16"}},
    // The Fees Regulations are the cost limit even where section 12 is not cited.
    {"dev001",
     "the cost of locating and retrieving the information exceeds the 'appropriate "
     "level' as stated in the Freedom of Information (Fees and Appropriate Limit) "
     "Regulations 2004.",
     {"s12"},
     {}},
    // The requester's own mention of sections 12 and 16 is no exemption; s16 stays procedural.
    {"dev007",
     "Request detail: \n\nIf it is not possible to provide the information requested "
     "due to the information exceeding the cost of compliance limits identified in "
     "Section 12, please provide advice and assistance, under the Section 16 "
     "obligations of the Act.\n\nResponse detail: \n\nThank you. Please see responses "
     "below.",
     {},
     {"s16"}},
    {"dev015",
     "This information is therefore subject to a Refusal Notice under section 38(1)(b) "
     "of the FOIA.\n- Exemptions Applied:\n- Section 38",
     {"s38(1)(b)"},
     {}},
    {"dev017",
     "it is exempt from disclosure under section 21 of the FOIA (information accessible "
     "to applicant by other means).\n\nSection 22(1) of the FOIA states that "
     "information intended for future publication is exempt",
     {"s21", "s22(1)"},
     {}},
    {"dev018",
     "we will not be sharing it under the relevant exemption Section 40 (1) of the "
     "Freedom of Information Act 2000.",
     {"s40(1)"},
     {}},
    {"dev024",
     "is withholding this information under Section 38 (Health and Safety) of the "
     "Freedom of Information Act.",
     {"s38"},
     {}},
    {"dev025",
     "This therefore falls under Section 40 for he Freedom of Information Act.",
     {"s40"},
     {}},
    {"dev033",
     "The timelines in which this right is available are set out in section 20(5)(a) "
     "and (b) FOISA.",
     {},
     {"s20(5)(a)", "s20(5)(b)"}},
    {"issue", "exempt under section 40(2) and (3A)(a) of the Act", {"s40(2)", "s40(3A)(a)"}, {}},
    {"issue",
     "We are withholding it under Regulation 12(4)(b) and reg. 13 of the EIR.",
     {"reg12(4)(b)", "reg13"},
     {}},
    {"issue", "exempt by virtue of section 43 of the Freedom of Information Act 2000", {"s43"}, {}},
    // Another Act's sections are not FOI provisions.
    {"dev032",
     "There is no requirement under section 5 of the Licensing Act 2003 for the "
     "authority to check.",
     {},
     {}},
    {"dev003",
     "as prescribed by the Freedom of Information and Data Protection (Appropriate Limit "
     "and Fees) Regulations 2004, S.I. 3244.",
     {"s12"},
     {}},
    {"issue", "we estimate it would take 30 hours, so section 12 and 18 hours apply", {"s12"}, {}},
    {"letter wording",
     "withheld under sections 30(1)(a), 31(1)(a) and 40(2) of the Act",
     {"s30(1)(a)", "s31(1)(a)", "s40(2)"},
     {}},
    // A bare low section number is not procedural unless the Act is named.
    {"page wording",
     "See section 3 below for the figures. Under section 1(1)(a) of the FOIA we "
     "confirm the information is held.",
     {},
     {"s1(1)(a)"}},
};

TEST(ExtractExemptions, SnippetTable) {
  for (const auto& row : kRows) {
    const auto r = extract_exemptions(row.text, extract_regimes(row.text), table());
    EXPECT_EQ(provisions(r), row.exemptions) << row.source << ": " << row.text;
    EXPECT_EQ(r.procedural, row.procedural) << row.source << ": " << row.text;
  }
}

TEST(ExtractExemptions, ScottishSectionsBelongToFoisa) {
  // dev022 / dev035: a section number means FOISA in a FOISA response.
  const std::string text =
      "Under section 12 of FOISA public authorities are not required to comply. An exemption "
      "under section 38(1)(b) applies to some of the information.";
  const auto r = extract_exemptions(text, {"FOISA"}, table());
  ASSERT_EQ(r.exemptions.size(), 2u);
  EXPECT_EQ(r.exemptions[0].act, "FOISA");
  EXPECT_EQ(r.exemptions[1].act, "FOISA");
  EXPECT_EQ(r.exemptions[1].provision, "s38(1)(b)");
  EXPECT_EQ(r.exemptions[1].title, "Personal data of a third party");
  EXPECT_EQ(r.exemptions[1].parent, "s38");
}

TEST(ExtractExemptions, CarriesTaxonomyFactsAndSpan) {
  // 002_c951553b7efd2612
  const std::string text =
      "The Council under Section 31(3) neither confirms nor denies whether requested "
      "information is held.";
  const auto r = extract_exemptions(text, {"FOIA"}, table());
  ASSERT_EQ(r.exemptions.size(), 1u);
  const auto& e = r.exemptions.front();
  EXPECT_EQ(e.provision, "s31(3)");
  EXPECT_TRUE(e.ncnd);
  EXPECT_FALSE(e.absolute);
  EXPECT_EQ(e.parent, "s31");
  EXPECT_EQ(text.substr(e.span.begin, e.span.end - e.span.begin), "Section 31(3)");
}

TEST(ExtractExemptions, CorpusMicroF1) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int tp = 0;
  int fp = 0;
  int fn = 0;
  for (const auto& d : docs) {
    const auto want_list = d.label.at("exemptions").get<Strings>();
    const std::set<std::string> want(want_list.begin(), want_list.end());
    const auto got_list = provisions(extract_exemptions(d.text, extract_regimes(d.text), table()));
    const std::set<std::string> got(got_list.begin(), got_list.end());
    for (const auto& g : got) {
      if (want.contains(g)) {
        ++tp;
      } else {
        ++fp;
        std::cout << "[exemptions false positive] " << d.name << " " << g << "\n";
      }
    }
    for (const auto& w : want) {
      if (!got.contains(w)) {
        ++fn;
        std::cout << "[exemptions missed] " << d.name << " " << w << "\n";
      }
    }
  }
  const double precision = tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp);
  const double recall = tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn);
  const double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  std::cout << "[exemptions] tp=" << tp << " fp=" << fp << " fn=" << fn
            << " precision=" << precision << " recall=" << recall << " micro-F1=" << f1 << "\n";
  EXPECT_GE(f1, 0.92);
}

TEST(ExtractExemptions, CorpusProceduralSets) {
  const auto docs = testing::load_labelled_corpus();
  int right = 0;
  for (const auto& d : docs) {
    auto want = d.label.at("procedural").get<Strings>();
    auto got = extract_exemptions(d.text, extract_regimes(d.text), table()).procedural;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got) {
      ++right;
    } else {
      std::cout << "[procedural miss] " << d.name << " want=" << nlohmann::json(want).dump()
                << " got=" << nlohmann::json(got).dump() << "\n";
    }
  }
  std::cout << "[procedural] set accuracy " << right << "/" << docs.size() << "\n";
  EXPECT_GE(static_cast<double>(right) / static_cast<double>(docs.size()), 0.90);
}

}  // namespace
}  // namespace foilog
