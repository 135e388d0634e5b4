#include "extract/authority.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "support/corpus.h"
#include "taxonomy/authority_table.h"

namespace foilog {
namespace {

const AuthorityTable& table() {
  static const AuthorityTable t =
      AuthorityTable::load(std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / "authorities.tsv");
  return t;
}

struct TextCase {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  const char* expected_id;
};

// Snippets as printed, no hints: the text alone must name the author.
const TextCase kTextCases[] = {
    {"seeds/004",
     "OFFICE OF THE IMMIGRATION SERVICES COMMISSIONER\n\nDear [REDACTED],\n\n"
     "If you are not content with the outcome of the internal review, you have the right to apply "
     "directly to the Information Commissioner for a decision.\n\nKind regards,\n\n"
     "For and on behalf of the Office of the Immigration Services Commissioner\n",
     "office-of-the-immigration-services-commissioner"},
    {"seeds/000",
     "I write in connection with your request for information received by Suffolk "
     "and Norfolk Constabularies on 15 October 2020.\nRequests for a review should be made to:\n"
     "Suffolk Constabulary\nPolice Headquarters\n",
     "norfolk-and-suffolk-constabularies"},
    {"dev033",
     "The/\nInformation Assurance and Governance\n01334 462776\n"
     "The University of St Andrews is a charity registered in Scotland, No: SC013532\n",
     "university-of-st-andrews"},
    {"dev025",
     "This therefore falls under Section 40 for he Freedom of Information Act.\n\n"
     "©2019 Royal Surrey County Hospital\n\nLog in with your credentials\n",
     "royal-surrey-county-hospital-nhs-foundation-trust"},
    {"dev032",
     "Customer Request Details\n\n18 August 2021\n\nI watched the podcast.\n\n"
     "East Herts Council Response\n\n07 September 2021\n\nThank you for your request.\n"
     "Information Commissioners Office\nWycliffe House\n",
     "east-hertfordshire-district-council"},
    {"dev006",
     "Please note that any pre 2012/13 data has not been included as the data is not "
     "accurate therefore Shropshire Fire and Rescue Service does not recommend this data is "
     "used.\nIf you remain dissatisfied you have a right to appeal to the Information "
     "Commissioner at:\nInformation Commissioner's Office\nWycliffe House\n",
     "shropshire-fire-and-rescue-service"},
    {"dev019",
     "Police Federation\n\nFOI 00318 - PFEW Representatives Claims\n\nPolice Federation "
     "of England and Wales (PFEW) confirms that it does hold this data",
     "police-federation-of-england-and-wales"},
    {"dev015", "For safety reasons, IPSA does not publish a detailed breakdown of MPs' claims.",
     "independent-parliamentary-standards-authority"},
    {"dev002",
     "the information you requested is not held by West Midlands Police. Senior officers "
     "and the Home Office",
     "west-midlands-police"},
};

TEST(ExtractAuthority, NamesTheBodyThatSpeaksInTheText) {
  for (const auto& c : kTextCases) {
    const auto r = extract_authority(c.text, table(), {});
    EXPECT_EQ(r.id, c.expected_id) << c.source;
    EXPECT_TRUE(r.known) << c.source;
    EXPECT_FALSE(r.span.empty()) << c.source;
  }
}

TEST(ExtractAuthority, SpanPointsAtTheDecidingMention) {
  // dev025's footer.
  const std::string text = "Log in\n©2019 Royal Surrey County Hospital\n";
  const auto r = extract_authority(text, table(), {});
  EXPECT_EQ(text.substr(r.span.begin, r.span.end - r.span.begin), "Royal Surrey County Hospital");
  EXPECT_EQ(r.name, "Royal Surrey County Hospital NHS Foundation Trust");
  EXPECT_EQ(r.type, "nhs");
  EXPECT_EQ(r.country, "england");
}

TEST(ExtractAuthority, RequesterMentionsLoseToThePublishingSite) {
  // dev004: the request names another force; the reply never names the author.
  const std::string text =
      "Misconduct (615/20)\nRequest\nAt the link pasted below, you will see that South Yorkshire "
      "Police have published full details of disciplinaries against police officers.\nResponse\n"
      "Please be advised that the information that you have requested is not available.\n";
  AuthorityHints hints;
  hints.source_url = "https://foi.west-midlands.police.uk/misconduct-615-20/";
  EXPECT_EQ(extract_authority(text, table(), hints).id, "west-midlands-police");
  // Without the address the only body named is the one in the request.
  EXPECT_EQ(extract_authority(text, table(), {}).id, "south-yorkshire-police");
}

TEST(ExtractAuthority, HintsWhenTheTextNamesNoOne) {
  // dev021: the page only says "the Trust".
  const std::string text = "Case Number 4687\nNone of the Trust's IT equipment has been infected.";
  AuthorityHints hints;
  hints.source_url = "https://www.ashfordstpeters.info/answers-from-2016/2902-foi-request-4687";
  auto r = extract_authority(text, table(), hints);
  EXPECT_EQ(r.id, "ashford-and-st-peters-hospitals-nhs-foundation-trust");
  EXPECT_TRUE(r.span.empty());
  hints.source_url.clear();
  hints.email_from = "foi@leics-fire.gov.uk";  // dev011's site, as a sender
  EXPECT_EQ(extract_authority(text, table(), hints).id, "leicestershire-fire-and-rescue-service");
}

TEST(ExtractAuthority, AggregatorSitesNameNoAuthority) {
  // dev033 was published on WhatDoTheyKnow.
  AuthorityHints hints;
  hints.source_url =
      "https://www.whatdotheyknow.com/request/acceptance_rate_for_each_course/response/1888473";
  const auto r = extract_authority("We hold no data for the 2020/21 cycle.", table(), hints);
  EXPECT_FALSE(r.known);
  EXPECT_TRUE(r.name.empty());
}

TEST(ExtractAuthority, ExplicitDefaultWins) {
  AuthorityHints hints;
  hints.default_authority = "East Herts Council";
  hints.source_url = "https://www.devon.gov.uk/accesstoinformation/information_request/12748";
  auto r =
      extract_authority("Devon County Council (DCC) confirms that we hold it.", table(), hints);
  EXPECT_EQ(r.id, "east-hertfordshire-district-council");
  hints.default_authority = "Ambridge Parish Council";
  r = extract_authority("Devon County Council (DCC) confirms that we hold it.", table(), hints);
  EXPECT_EQ(r.name, "Ambridge Parish Council");
  EXPECT_FALSE(r.known);
  EXPECT_TRUE(r.id.empty());
}

TEST(ExtractAuthority, SignOffBlockOutweighsBodiesNamedInPassing) {
  // Standard letter layout (as in seeds/004's close): another force and the College of Policing
  // are named in the body, the author in the sign-off.
  const std::string text =
      "Dear Sir/Madam\nThank you for your request. West Yorkshire Police and the College of "
      "Policing publish guidance on this.\nYours sincerely\n\nInformation Governance Officer\n"
      "Leeds City Council\n";
  EXPECT_EQ(extract_authority(text, table(), {}).id, "leeds-city-council");
}

TEST(ExtractAuthority, UnknownBodyKeptAsPrinted) {
  const std::string text =
      "Dear Sir\nBorsetshire County Council has considered your request under the Freedom of "
      "Information Act 2000. You may complain to the Information Commissioner.\n";
  const auto r = extract_authority(text, table(), {});
  EXPECT_EQ(r.name, "Borsetshire County Council");
  EXPECT_FALSE(r.known);
  EXPECT_EQ(text.substr(r.span.begin, r.span.end - r.span.begin), "Borsetshire County Council");
}

// Every labelled document: the extracted authority must resolve to the same table entry as the
// label's, with the page address as provenance and no --authority.
TEST(ExtractAuthority, CorpusAccuracy) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40U);
  int correct = 0;
  for (const auto& d : docs) {
    const std::string label = d.label.at("authority").get<std::string>();
    const AuthorityInfo* expected = table().resolve(label);
    ASSERT_NE(expected, nullptr) << d.name << ": label authority '" << label
                                 << "' is missing from data/authorities.tsv";
    AuthorityHints hints;
    hints.source_url = d.label.value("source", "");
    const auto r = extract_authority(d.text, table(), hints);
    if (r.id == expected->id) {
      ++correct;
    } else {
      std::cout << "MISS " << d.name << ": expected " << expected->id << ", got '" << r.name
                << "' (" << r.id << ")\n";
    }
  }
  const double accuracy = static_cast<double>(correct) / static_cast<double>(docs.size());
  std::cout << "authority accuracy " << correct << "/" << docs.size() << "\n";
  EXPECT_GE(accuracy, 0.95);
}

}  // namespace
}  // namespace foilog
