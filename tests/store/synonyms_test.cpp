#include "store/synonyms.h"

#include <gtest/gtest.h>

#include <set>

#include "store_fixtures.h"
#include "util/error.h"

namespace foilog {
namespace {

std::set<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
  return {db.synonyms_begin(key), db.synonyms_end(key)};
}

TEST(Synonyms, ParsesWordsAndPhrases) {
  const auto pairs = parse_synonyms(
      "# comment\n\nsiem\tseim\nfoi\tFreedom of Information\nCCTV\tclosed-circuit television\n",
      "test.tsv");
  ASSERT_EQ(pairs.size(), 3U);
  EXPECT_EQ(pairs[0].left, std::vector<std::string>{"siem"});
  EXPECT_EQ(pairs[1].right, (std::vector<std::string>{"freedom", "of", "information"}));
  EXPECT_EQ(pairs[2].left, std::vector<std::string>{"cctv"});  // lower-cased
  EXPECT_EQ(pairs[2].right, (std::vector<std::string>{"closed", "circuit", "television"}));
}

TEST(Synonyms, BadLinesNameFileAndLine) {
  const struct {
    const char* tsv;
    const char* message;
  } cases[] = {
      {"siem seim\n", "test.tsv:1: expected"},
      {"ok\tfine\n\t seim\n", "test.tsv:2: both"},
      {"closed circuit television\tcamera surveillance system\n", "test.tsv:1: at most one"},
  };
  for (const auto& c : cases) {
    try {
      (void)parse_synonyms(c.tsv, "test.tsv");
      ADD_FAILURE() << c.tsv;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

TEST(Synonyms, BothDirectionsUnderThePlainAndStemmedKeys) {
  testing::TempDir dir;  // on disk: the in-memory backend keeps no synonym table
  Xapian::WritableDatabase db((dir.path() / "x").string(), Xapian::DB_CREATE);
  write_synonyms(db, parse_synonyms("siem\tseim\nfoi\tfreedom of information\n", "t"));
  EXPECT_EQ(synonyms_of(db, "siem"), (std::set<std::string>{"seim", "Zseim"}));
  EXPECT_EQ(synonyms_of(db, "Zsiem"), (std::set<std::string>{"seim", "Zseim"}));
  EXPECT_EQ(synonyms_of(db, "seim"), (std::set<std::string>{"siem", "Zsiem"}));
  EXPECT_EQ(synonyms_of(db, "freedom of information"), (std::set<std::string>{"foi", "Zfoi"}));
  // word -> phrase cannot be a Xapian synonym value; SynonymExpander covers it at index time.
  EXPECT_TRUE(synonyms_of(db, "foi").empty());
}

TEST(Synonyms, RewritingReplacesOldEntries) {
  testing::TempDir dir;  // on disk: the in-memory backend keeps no synonym table
  Xapian::WritableDatabase db((dir.path() / "x").string(), Xapian::DB_CREATE);
  write_synonyms(db, parse_synonyms("siem\tseim\n", "t"));
  write_synonyms(db, parse_synonyms("cctv\tclosed circuit television\n", "t"));
  EXPECT_TRUE(synonyms_of(db, "siem").empty());
  EXPECT_FALSE(synonyms_of(db, "closed circuit television").empty());
}

// Real sentences: dev028 names the Act in full and never says "FOI"; dev015 says CCTV only.
TEST(Synonyms, ExpanderAddsTheWordForAPhrasePresent) {
  const SynonymExpander expander(parse_synonyms(
      "foi\tfreedom of information\ncctv\tclosed circuit television\nsiem\tseim\n", "t"));
  const auto dev028 = expander.terms_for_text(
      "However, we consider this is exempt from disclosure under Section 31(1)(a) of the Freedom "
      "of Information Act 2000.");
  EXPECT_EQ(dev028, (std::vector<std::string>{"foi", "Zfoi"}));
  const auto dev015 = expander.terms_for_text(
      "services (such as CCTV, whether or not actually \xe2\x80\x9c"
      "closed circuit\xe2\x80\x9d)");
  EXPECT_TRUE(dev015.empty());  // "closed circuit" alone is not the phrase
}

}  // namespace
}  // namespace foilog
