#include "check/draft_words.h"

#include <gtest/gtest.h>

#include <map>

namespace foilog::web {
namespace {

bool is_stopword(const std::string& w) {
  return w == "please" || w == "the" || w == "how";
}

TEST(DraftWords, ContentWordsAreLowerCasedAndSkipStopwordsAndSingleCharacters) {
  EXPECT_EQ(
      content_words("Please: how many CCTV cameras (2021/22)? A 5G mast, the mast.", is_stopword),
      (std::vector<std::string>{"many", "cctv", "cameras", "5g", "mast", "mast"}));
  EXPECT_TRUE(content_words("Please, the ... 2021 / 22", is_stopword).empty());  // no letters
}

// The context keeps the rarest words: an OR of every word of a long draft was most of the
// check's time at 100,000 letters.
TEST(DraftWords, TellingWordsAreTheRarestKnownWordsInAFixedOrder) {
  const std::map<std::string, std::uint64_t> freq = {
      {"cameras", 900}, {"cctv", 40}, {"drones", 40}, {"information", 90000}, {"lidar", 3}};
  const auto frequency = [&freq](const std::string& w) {
    const auto it = freq.find(w);
    return it == freq.end() ? std::uint64_t{0} : it->second;
  };
  const std::vector<std::string> words{"information", "drones", "cctv", "cameras",
                                       "lidar",       "cctv",   "zzyzx"};
  EXPECT_EQ(telling_words(words, 3, frequency), "lidar cctv drones");  // ties alphabetical
  EXPECT_EQ(telling_words(words, 10, frequency), "lidar cctv drones cameras information");
  EXPECT_EQ(telling_words(words, 0, frequency), "");
  EXPECT_EQ(telling_words({"zzyzx"}, 5, frequency), "");  // a word no document has
}

}  // namespace
}  // namespace foilog::web
