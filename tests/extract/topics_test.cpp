#include "extract/topics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "support/corpus.h"
#include "taxonomy/topic_table.h"

namespace foilog {
namespace {

const TopicTable& table() {
  static const TopicTable t =
      TopicTable::load(std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / "topics.tsv");
  return t;
}

struct TopicCase {
  const char* source;
  const char* title;
  const char* text;
  const char* expected_first;
};

const TopicCase kCases[] = {
    {"dev037", "Cyber Attacks (2020 – 2024)",
     "1) The total number of successful cyber-attacks in your county council and their dates.\n"
     "2) A breakdown of these successful attacks by category (DDoS attacks, ransomware, phishing, "
     "malware, etc)",
     "it-cyber-security"},
    {"dev022", "Parking fees at Ninewells Hospital: FOI release",
     "correspondence between Scottish ministers and the companies which run car parks at "
     "Ninewells Hospitals through PFI contracts, on the topic of freezing or scrapping parking "
     "fees",
     "hospital-parking"},
    {"dev020", "CCTV Cameras",
     "1) The current total number of CCTV cameras in your district\n3) How many days these "
     "cameras are monitored",
     "surveillance-cctv"},
    {"dev018", "FOI 00422 - PFEW HQ Christmas party",
     "3. How much was spent by PFEW on catering for the event?\n4. How much was spent by PFEW on "
     "alcohol for the event\n(a) How many awards were presented?",
     "expenses-hospitality"},
    {"dev032", "",
     "There is no requirement under the Licensing Act 2003 for the authority to check that a "
     "notice is on display. None of them saw a blue notice at the premises. This licensing "
     "application has now been approved.",
     "planning-licensing"},
    {"dev001", "Coronavirus – Restriction Breach Forms (211A/20)",
     "how many cases were logged on lockdown breakers", "covid-19"},
};

TEST(AssignTopics, BestTopicFirst) {
  for (const auto& c : kCases) {
    const auto ids = assign_topics(c.text, c.title, table());
    ASSERT_FALSE(ids.empty()) << c.source;
    EXPECT_EQ(ids.front(), c.expected_first) << c.source;
    EXPECT_LE(ids.size(), table().max_topics()) << c.source;
  }
}

TEST(AssignTopics, NothingBelowThreshold) {
  // dev012's page chrome only: no topic is clearly meant.
  EXPECT_TRUE(assign_topics("Information Released:\n\nMonday, 19 June, 2023", "", table()).empty());
}

TEST(AssignTopics, TitleCountsDouble) {
  const TopicInfo* cctv = table().by_id("surveillance-cctv");
  ASSERT_NE(cctv, nullptr);
  EXPECT_GT(topic_score("", "CCTV", *cctv), topic_score("CCTV", "", *cctv));
}

// The labels' topics are free words; these are the table topics a reader would accept for each
// labelled document (judged from the label topics and the text). At least one assigned topic
// must be among them for 90% of the documents.
TEST(AssignTopics, LabelledCorpusGetsASensibleTopic) {
  const std::map<std::string, std::set<std::string>> acceptable = {
      {"000_8b57e2e7d86066a4", {"it-cyber-security", "contracts-procurement"}},
      {"002_c951553b7efd2612", {"it-cyber-security", "it-systems"}},
      {"004_c7657b710c87aae1", {"it-cyber-security", "it-systems"}},
      {"dev001", {"covid-19", "crime-statistics"}},
      {"dev002", {"spending-finance", "communications-media", "policing-operations"}},
      {"dev003", {"covid-19", "crime-statistics"}},
      {"dev004", {"complaints-misconduct"}},
      {"dev005", {"vehicles-fleet", "fire-incidents"}},
      {"dev006", {"fire-incidents", "environment"}},
      {"dev007", {"fire-incidents", "estates-facilities"}},
      {"dev008", {"fire-incidents", "animals-wildlife"}},
      {"dev009", {"fire-incidents"}},
      {"dev010", {"fire-incidents"}},
      {"dev011", {"fire-incidents"}},
      {"dev012", {"fire-incidents", "vehicles-fleet"}},
      {"dev013", {"fire-incidents", "vehicles-fleet", "surveillance-cctv"}},
      {"dev014", {"fire-incidents", "staffing-pay", "vehicles-fleet"}},
      {"dev015", {"security-safety", "surveillance-cctv", "expenses-hospitality"}},
      {"dev016", {"security-safety", "expenses-hospitality"}},
      {"dev017", {"governance-decisions", "communications-media"}},
      {"dev018", {"expenses-hospitality", "spending-finance"}},
      {"dev019", {"complaints-misconduct", "legal", "staffing-pay"}},
      {"dev020", {"surveillance-cctv"}},
      {"dev021", {"it-cyber-security", "it-systems"}},
      {"dev022", {"hospital-parking", "contracts-procurement"}},
      {"dev023", {"hospital-parking", "spending-finance"}},
      {"dev024", {"security-safety", "spending-finance"}},
      {"dev025", {"complaints-misconduct", "staffing-pay"}},
      {"dev026", {"security-safety", "health-services", "policing-operations"}},
      {"dev027", {"staffing-pay", "health-services", "communications-media"}},
      {"dev028", {"it-cyber-security", "spending-finance"}},
      {"dev029",
       {"health-services", "spending-finance", "contracts-procurement", "equality-diversity"}},
      {"dev030", {"health-services", "spending-finance", "equality-diversity"}},
      {"dev031", {"health-services", "it-systems", "data-records"}},
      {"dev032", {"planning-licensing"}},
      {"dev033", {"education-schools"}},
      {"dev034", {"estates-facilities", "contracts-procurement"}},
      {"dev035", {"spending-finance", "health-services", "communications-media"}},
      {"dev036", {"health-services", "governance-decisions", "communications-media"}},
      {"dev037", {"it-cyber-security"}},
  };
  const auto docs = testing::load_labelled_corpus();
  int sensible = 0;
  for (const auto& d : docs) {
    const auto it = acceptable.find(d.name);
    ASSERT_NE(it, acceptable.end()) << d.name << " has no judged topics";
    for (const auto& id : it->second) {
      ASSERT_NE(table().by_id(id), nullptr) << id << " is not in data/topics.tsv";
    }
    const auto ids = assign_topics(d.text, "", table());
    const bool ok = std::any_of(ids.begin(), ids.end(),
                                [&](const std::string& id) { return it->second.count(id) > 0; });
    sensible += ok ? 1 : 0;
    if (!ok) {
      std::cout << "NO SENSIBLE TOPIC " << d.name << "\n";
    }
  }
  std::cout << "documents with a sensible topic: " << sensible << "/" << docs.size() << "\n";
  EXPECT_GE(sensible * 10, static_cast<int>(docs.size()) * 9);
}

}  // namespace
}  // namespace foilog
