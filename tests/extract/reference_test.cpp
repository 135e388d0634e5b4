// extract_references / normalise_reference: snippets from the corpus, then primary-reference
// accuracy over the labelled corpus.
#include "extract/reference.h"

#include <gtest/gtest.h>

#include <iostream>

#include "support/corpus.h"

namespace foilog {
namespace {

struct Row {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  const char* want;  // primary reference, "" for none
};

const Row kRows[] = {
    {"000_8b57e2e7d86066a4",
     "\n\nFreedom of Information Request Reference N\xC2\xB0: FOI 003477-20\n\nI write in "
     "connection with your request",
     "FOI 003477-20"},
    {"004_c7657b710c87aae1",
     "OFFICE OF THE IMMIGRATION SERVICES COMMISSIONER\n\nFreedom of Information Request\n\n"
     "FOI/AH/17/16\n\nDETAILS RELATING TO IT SECURITY OF OISC\n",
     "FOI/AH/17/16"},
    {"dev001",
     "Skip to content\n\nCoronavirus \xE2\x80\x93 Restriction Breach Forms (211A/20)\n\n"
     "Request\n",
     "211A/20"},
    {"dev002", "Skip to content\n\nCoronavirus (COVID-19)\n\nOfficer Correspondence (867_15)\n",
     "867_15"},
    // A labelled reference beats the number at the end of the title.
    {"dev005", "New appliances and use of HPs \xE2\x80\x93 16114\n\n< Back\n\nRef: FOI/16114\n",
     "FOI/16114"},
    {"dev005 (title only)", "New appliances and use of HPs \xE2\x80\x93 16114\n\n< Back\n",
     "16114"},
    {"dev006", "Outdoor Fires\n\nReference: \n\n1181\n\nRequest detail: \n", "1181"},
    // An empty "Reference:" field must not take the next label.
    {"dev008", "Reference:\nRequest detail:\nPlease could you provide", ""},
    {"dev009", "Call: 01743 260 200\n1299\nYes\n23/06/2023 12:00 am\n07/07/2023 12:00 am\n",
     "1299"},
    {"dev011",
     "Use the 'date' and 'Tag' dropdown selections.\n\nFOI 2289 - E-bike or E-scooter "
     "fires\n\n2 Dec 2024 08:47\n",
     "FOI 2289"},
    {"dev015", "Is this page helpful?\n- Ref:\n- RFI-202106-09\n- Disclosure:\n- 22 July 2021\n",
     "RFI-202106-09"},
    {"dev021", "Case Number 4687\nRequest Date 24/03/2016\n", "4687"},
    {"dev022", "FOI reference: FOI/18/03296\nDate received: 7 November 2018\n", "FOI/18/03296"},
    // A title date is not a reference.
    {"dev023", "August 14, 2019\nCar Parking Charges - 14/08/2019\n", ""},
    {"dev024", "FOI 4606 Private Security\n\n1. The total amount spent", "FOI 4606"},
    // Financial years and year ranges in titles and tables are not references.
    {"dev037", "Cyber Attacks (2020 \xE2\x80\x93 2024)\n\nPlease provide", ""},
    {"dev025", "2015 / 2016 = 43\n\n2016 / 2017 = 35\n", ""},
    {"dev028", "by relevant 12-month period (e.g. 2021/22 2022/23 etc.)", ""},
    {"dev029",
     "Case Number 6768\nRequest Date 10/06/2019\n\nYou can find the information on the "
     "Freedom of Information webpage (FOI Request 6753) on the following link.",
     "6768"},
    {"dev030", "Freedom of Information Request \xE2\x80\x93 Ref: FOI 216-2025\nThank you",
     "FOI 216-2025"},
    {"dev033", "Freedom of Information (Scotland) Act 2002\nOur Ref: 329-21\nI refer to your",
     "329-21"},
    // "Please quote the FOI reference" with nothing printed.
    {"dev035", "Contact\n\nPlease quote the FOI reference\nCentral Enquiry Unit\n", ""},
    // Decision notices are cited, never the response's own reference.
    {"002_c951553b7efd2612",
     "The Council have also taken into account the Information Commissioner's Office (ICO) "
     "Decision Notices [IC-106031-D4Y0](#) [FS50662638](#), [FS50600199](#)",
     ""},
    // Filler words between a label and its number.
    {"hold009", "Freedom of information request reference no: 01.FOI.23.030506\n",
     "01.FOI.23.030506"},
    {"hold020", "Ref: FOIA Reference 2011/286\nDate: 9th February 2012\n", "2011/286"},
    // "with reference to" is not a label for the section number after it.
    {"synthetic", "We have considered this with reference to section 40 of the Act.\n", ""},
    // Any prefix after a request / response heading, or a prefixed number alone on a line.
    {"hold011", "Request for Information - ATISN 16301\nThank you", "ATISN 16301"},
    {"hold012", "Request for Information: ATISN 15980 \xE2\x80\x93 Location of coal tips\n",
     "ATISN 15980"},
    {"hold015", "ICO Disclosure Log \xE2\x80\x93 Response IRQ0648490\n", "IRQ0648490"},
    {"hold017", "Littering\nRequest 101003368704\nResponse 24-08-2023\n", "101003368704"},
    {"hold018", "FI16440\nRequest\n1. How many", "FI16440"},
    // A numbered item or a short number after "Request" is not a reference.
    {"synthetic", "Request 1: the number of fixed penalty notices issued\n", ""},
    // An earlier request's number is not this one's.
    {"hold005",
     "Please note that this request has been aggregated with your previous request (FOI "
     "1154/19) with regards to time constraints under the Act.",
     ""},
    {"synthetic", "This follows your previous request. Our ref: FOI 2231-22\n", "FOI 2231-22"},
    // A subsection in brackets in a heading is not a reference.
    {"hold016", "March 2012\n\nNeither confirm nor deny\n\nSection 23 (5)\nThe duty", ""},
    // Postcodes and charity numbers are not references.
    {"dev033",
     "The University of St Andrews is a charity registered in Scotland, No: SC013532\n"
     "Wycliffe House\nCheshire SK9 5AF\n",
     ""},
};

TEST(ExtractReferences, SnippetTable) {
  for (const auto& row : kRows) {
    EXPECT_EQ(extract_references(row.text).primary, row.want) << row.source << ": " << row.text;
  }
}

TEST(ExtractReferences, SpanPointsAtThePrintedReference) {
  // 000_8b57e2e7d86066a4
  const std::string text = "Freedom of Information Request Reference N\xC2\xB0: FOI 003477-20\n";
  const auto r = extract_references(text);
  ASSERT_FALSE(r.span.empty());
  EXPECT_EQ(text.substr(r.span.begin, r.span.end - r.span.begin), "FOI 003477-20");
}

TEST(ExtractReferences, OtherReferencesAreKeptAfterThePrimary) {
  // dev029: the refusal points at an earlier request's answer.
  const auto r = extract_references(
      "Case Number 6768\n\nYou can find the information on the Freedom of Information webpage "
      "(FOI Request 6753) on the following link.");
  EXPECT_EQ(r.all, (std::vector<std::string>{"6768", "FOI Request 6753"}));
}

TEST(ExtractReferences, DecisionNoticesAreCollectedInOrder) {
  // 002_c951553b7efd2612, plus a Scottish Information Commissioner decision.
  const auto r = extract_references(
      "Decision Notices [IC-106031-D4Y0](#) [FS50662638](#), [FS50600199](#), [FS50662638](#) "
      "and the Commissioner's Decision 123/2019.");
  EXPECT_EQ(r.decision_notices, (std::vector<std::string>{"IC-106031-D4Y0", "FS50662638",
                                                          "FS50600199", "Decision 123/2019"}));
  EXPECT_TRUE(r.primary.empty());
}

TEST(ExtractReferences, TitleIsUsedWhenTheTextHasNoReference) {
  // dev001's title as an HTML reader reports it; the body never repeats the number.
  const auto r = extract_references("Request\n\nI would like to know how many cases were logged",
                                    "Coronavirus \xE2\x80\x93 Restriction Breach Forms (211A/20)");
  EXPECT_EQ(r.primary, "211A/20");
  EXPECT_TRUE(r.span.empty());
}

TEST(NormaliseReference, SeparatorsAndCase) {
  EXPECT_EQ(normalise_reference("FOI 003477-20"), "foi003477-20");
  EXPECT_EQ(normalise_reference("FOI-2289"), normalise_reference("FOI 2289"));
  EXPECT_EQ(normalise_reference("FOI/2289"), "foi2289");
  EXPECT_EQ(normalise_reference("FOI/AH/17/16"), "foi-ah17-16");
  EXPECT_EQ(normalise_reference("211A/20"), "211a-20");
  EXPECT_NE(normalise_reference("FOI 00422"), normalise_reference("FOI 00318"));
}

TEST(ExtractReferences, CorpusPrimaryAccuracy) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int right = 0;
  for (const auto& d : docs) {
    const auto& label = d.label.at("reference");
    const std::string want = label.is_null() ? "" : label.get<std::string>();
    const auto got = extract_references(d.text).primary;
    if (got == want) {
      ++right;
    } else {
      std::cout << "[reference miss] " << d.name << " want='" << want << "' got='" << got << "'\n";
    }
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(docs.size());
  std::cout << "[reference] accuracy " << right << "/" << docs.size() << " = " << accuracy << "\n";
  EXPECT_GE(accuracy, 0.95);
}

}  // namespace
}  // namespace foilog
