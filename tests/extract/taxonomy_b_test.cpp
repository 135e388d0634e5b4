// The authority and topic tables: parsing, error messages, name resolution and the shipped data.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/corpus.h"
#include "taxonomy/authority_table.h"
#include "taxonomy/authority_table_words.h"
#include "taxonomy/topic_table.h"
#include "util/error.h"

namespace foilog {
namespace {

const std::filesystem::path kData = std::filesystem::path(FOILOG_SOURCE_DIR) / "data";

const AuthorityTable& shipped() {
  static const AuthorityTable t = AuthorityTable::load(kData / "authorities.tsv");
  return t;
}

constexpr const char* kSmall =
    "id\tname\taliases\ttype\tcountry\tdomains\n"
    "# comment\n"
    "ipsa\tIndependent Parliamentary Standards Authority\tIPSA\tregulator\tuk\ttheipsa.org.uk\n"
    "royal-surrey\tRoyal Surrey County Hospital NHS Foundation Trust\tRoyal Surrey County "
    "Hospital\tnhs\tengland\troyalsurrey.nhs.uk\n"
    "\n"
    "ash\tAshford and St Peter's Hospitals NHS Foundation Trust\t\tnhs\tengland\t"
    "ashfordstpeters.info|ashfordstpeters.nhs.uk\n";

TEST(AuthorityTable, ParsesRowsAndSkipsHeaderAndComments) {
  const auto t = AuthorityTable::parse(kSmall, "small.tsv");
  ASSERT_EQ(t.all().size(), 3U);
  const auto* a = t.by_id("ash");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->type, "nhs");
  EXPECT_EQ(a->domains.size(), 2U);
  EXPECT_EQ(t.by_id("nope"), nullptr);
}

TEST(AuthorityTable, ResolveIgnoresCasePunctuationAndThe) {
  const auto t = AuthorityTable::parse(kSmall, "small.tsv");
  // Spellings from the labels and texts of dev015-dev017, dev021, dev024, dev025, dev029.
  for (const char* spelling :
       {"The Royal Surrey County Hospital NHS Foundation Trust", "royal surrey county hospital",
        "ROYAL SURREY COUNTY HOSPITAL.", "Royal  Surrey\nCounty Hospital"}) {
    const auto* a = t.resolve(spelling);
    ASSERT_NE(a, nullptr) << spelling;
    EXPECT_EQ(a->id, "royal-surrey") << spelling;
  }
  EXPECT_EQ(t.resolve("Ashford & St. Peter’s Hospitals NHS Foundation Trust")->id, "ash");
  EXPECT_EQ(t.resolve("ipsa")->id, "ipsa");
  EXPECT_EQ(t.resolve("Royal Surrey"), nullptr);  // not a prefix match
}

TEST(AuthorityTable, DomainIsALabelBoundarySuffix) {
  const auto t = AuthorityTable::parse(kSmall, "small.tsv");
  EXPECT_EQ(t.by_domain("www.theipsa.org.uk")->id, "ipsa");
  EXPECT_EQ(t.by_domain("https://www.royalsurrey.nhs.uk/foi-4606-private-security/")->id,
            "royal-surrey");
  EXPECT_EQ(t.by_domain("ASHFORDSTPETERS.INFO")->id, "ash");
  EXPECT_EQ(t.by_domain("nottheipsa.org.uk"), nullptr);
  EXPECT_EQ(t.by_domain("nhs.uk"), nullptr);
  EXPECT_EQ(t.by_domain("seed 000_8b57e2e7d86066a4.txt"), nullptr);
}

TEST(AuthorityTable, ErrorsNameTheSourceAndLine) {
  auto message = [](const std::string& tsv) {
    try {
      (void)AuthorityTable::parse(tsv, "bad.tsv");
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("a\tA\t\tpolice\tengland\n").find("bad.tsv:1: expected 6"), std::string::npos);
  EXPECT_NE(message("# c\na\tA\t\tpolis\tengland\t\n").find("bad.tsv:2: unknown type 'polis'"),
            std::string::npos);
  EXPECT_NE(message("a\tA\t\tpolice\tfrance\t\n").find("unknown country 'france'"),
            std::string::npos);
  EXPECT_NE(message("a\tA\t\tpolice\tengland\t\nb\tB\tThe A\tpolice\tengland\t\n")
                .find("bad.tsv:2: 'The A' also names 'A'"),
            std::string::npos);
  EXPECT_NE(message("a\tA\t\tpolice\tengland\tx.uk\nb\tB\t\tpolice\tengland\tX.uk\n")
                .find("domain 'x.uk' already belongs to 'A'"),
            std::string::npos);
  EXPECT_NE(message("a\tA\t\tpolice\tengland\t\na\tB\t\tpolice\tengland\t\n").find("id 'a'"),
            std::string::npos);
  EXPECT_NE(message("A B\tA\t\tpolice\tengland\t\n").find("must be a slug"), std::string::npos);
  EXPECT_THROW((void)AuthorityTable::load(kData / "no-such-file.tsv"), DataError);
}

TEST(AuthorityTable, NormaliseName) {
  EXPECT_EQ(normalise_name("The Royal Surrey County Hospital"), "royal surrey county hospital");
  EXPECT_EQ(normalise_name("Ashford & St. Peter's"), "ashford and st peters");
  EXPECT_EQ(normalise_name("Dyfed-Powys Police"), "dyfed powys police");
  const auto words = split_name_words("©2019 Royal Surrey");
  ASSERT_EQ(words.size(), 3U);
  EXPECT_EQ(words[1].word, "royal");
  EXPECT_EQ(words[1].begin, 7U);  // after the two-byte © and "2019 "
}

// Every label's authority must be in the shipped table, and the spellings the labels use for the
// same body must resolve to one entry.
TEST(ShippedAuthorities, EveryLabelResolves) {
  for (const auto& d : testing::load_labelled_corpus()) {
    const std::string name = d.label.at("authority").get<std::string>();
    EXPECT_NE(shipped().resolve(name), nullptr) << d.name << ": " << name;
  }
  const std::vector<std::pair<const char*, const char*>> same = {
      {"IPSA", "Independent Parliamentary Standards Authority"},
      {"East Herts Council", "East Hertfordshire District Council"},
      {"Royal Surrey County Hospital", "The Royal Surrey County Hospital NHS Foundation Trust"},
      {"Police Federation", "Police Federation of England and Wales"},
      {"Suffolk and Norfolk Constabularies", "Norfolk and Suffolk Constabularies"},
      {"OISC", "Office of the Immigration Services Commissioner"},
  };
  for (const auto& [a, b] : same) {
    ASSERT_NE(shipped().resolve(a), nullptr) << a;
    EXPECT_EQ(shipped().resolve(a), shipped().resolve(b)) << a << " / " << b;
  }
  EXPECT_EQ(shipped().resolve("Norfolk and Suffolk Constabularies")->id,
            "norfolk-and-suffolk-constabularies");
}

TEST(ShippedAuthorities, CoversTheUk) {
  std::map<std::string, int> by_type;
  std::set<std::string> countries;
  for (const auto& a : shipped().all()) {
    ++by_type[a.type];
    countries.insert(a.country);
  }
  EXPECT_GE(shipped().all().size(), 500U);
  EXPECT_GE(by_type["police"], 45);
  EXPECT_GE(by_type["fire"], 45);
  EXPECT_GE(by_type["council"], 300);
  EXPECT_GE(by_type["nhs"], 100);
  EXPECT_EQ(countries.size(), 5U);
  // Domains the brief names.
  for (const auto& [domain, id] : std::vector<std::pair<const char*, const char*>>{
           {"foi.west-midlands.police.uk", "west-midlands-police"},
           {"www.wmfs.net", "west-midlands-fire-service"},
           {"leics-fire.gov.uk", "leicestershire-fire-and-rescue-service"},
           {"polfed.org", "police-federation-of-england-and-wales"},
           {"www.gov.scot", "scottish-government"},
           {"hgs.uhb.nhs.uk", "university-hospitals-birmingham-nhs-foundation-trust"},
           {"st-andrews.ac.uk", "university-of-st-andrews"},
           {"www.coventry.gov.uk", "coventry-city-council"}}) {
    const auto* a = shipped().by_domain(domain);
    ASSERT_NE(a, nullptr) << domain;
    EXPECT_EQ(a->id, id) << domain;
  }
  EXPECT_EQ(shipped().by_domain("www.whatdotheyknow.com"), nullptr);
}

TEST(TopicTable, ParsesSettingsAndKeywords) {
  const auto t = TopicTable::parse(
      "@threshold\t3.5\n@max_topics\t2\nid\tlabel\tkeywords\n"
      "it-cyber-security\tIT and cyber security\tcyber attack=3|ransom*=4| malware = 2 \n",
      "t.tsv");
  EXPECT_DOUBLE_EQ(t.threshold(), 3.5);
  EXPECT_EQ(t.max_topics(), 2U);
  ASSERT_EQ(t.all().size(), 1U);
  const auto& k = t.all()[0].keywords;
  ASSERT_EQ(k.size(), 3U);
  EXPECT_EQ(k[0].words, (std::vector<std::string>{"cyber", "attack"}));
  EXPECT_TRUE(k[1].prefix);
  EXPECT_EQ(k[1].words, (std::vector<std::string>{"ransom"}));
  EXPECT_DOUBLE_EQ(k[2].weight, 2);
}

TEST(TopicTable, ErrorsNameTheSourceAndLine) {
  auto message = [](const std::string& tsv) {
    try {
      (void)TopicTable::parse(tsv, "topics.tsv");
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("x\tX\tcyber\n").find("topics.tsv:1: keyword 'cyber' needs a weight"),
            std::string::npos);
  EXPECT_NE(message("x\tX\tcyber=lots\n").find("is not a number"), std::string::npos);
  EXPECT_NE(message("x\tX\ta=1\nx\tY\tb=1\n").find("topics.tsv:2: topic 'x' is defined twice"),
            std::string::npos);
  EXPECT_NE(message("@limit\t3\n").find("unknown setting '@limit'"), std::string::npos);
  EXPECT_NE(message("x\tX\n").find("expected 3"), std::string::npos);
}

TEST(ShippedTopics, AtLeastTwentyFiveTopics) {
  const auto t = TopicTable::load(kData / "topics.tsv");
  EXPECT_GE(t.all().size(), 25U);
  for (const char* id : {"it-cyber-security", "covid-19", "hospital-parking", "surveillance-cctv",
                         "fire-incidents", "expenses-hospitality"}) {
    EXPECT_NE(t.by_id(id), nullptr) << id;
  }
}

}  // namespace
}  // namespace foilog
