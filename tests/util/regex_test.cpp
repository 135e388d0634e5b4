// foilog::Regex replaced std::regex in the extractors; these tests pin the ECMAScript behaviour
// the extractors' patterns were written for, partly by comparing against std::regex itself.
#include "util/regex.h"

#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace foilog {
namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

Spans spans_of(const Regex& re, const std::string& s) {
  Spans out;
  for (const RegexMatch& m : re.find_all(s)) {
    out.emplace_back(m.position(), m.length());
  }
  return out;
}

Spans std_spans_of(const std::string& pattern, const std::string& s, bool icase) {
  const std::regex re(pattern,
                      icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
  Spans out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    out.emplace_back(static_cast<std::size_t>(it->position()),
                     static_cast<std::size_t>(it->length()));
  }
  return out;
}

TEST(Regex, FindsWhatStdRegexFindsOnTheExtractorsKindsOfPattern) {
  const std::vector<std::pair<std::string, bool>> patterns = {
      {R"(\bwithh(o|e)ld(ing|s)?\b)", false},
      {R"(\b(sections?|s\.?|sec\.?)\s*(\d+)((\s*\([0-9a-z]+\))*))", false},
      {R"((exceed|exceeds|over) (the )?(cost |fees? )?(limit|level)|cost of compliance)", false},
      {R"((\b18 hours|£\s?450\b)[^.]{0,80}(limit|exceed))", false},
      {R"(\bdear\s*$)", false},
      {R"(^\s*(response|reply)\b)", false},
      {R"(\brequest(ed|s)?\b)", true},
      {R"(x*)", false},    // empty matches: the iteration rule after an empty match
      {R"(a|ab)", false},  // leftmost-first, not longest
      {R"(.+)", false},
  };
  const std::vector<std::string> subjects = {
      "The information is withheld under section 40(2) and s.43(2).",
      "WITHHELD? withholding, withholds; unwithheld",
      "It would exceed the cost limit; the cost of compliance over the fees level.",
      "18 hours at £450 would exceed the limit. 18 hours. The limit.",
      "Yours, dear \nDear  ",
      "  Response to your request\nreply",
      "REQUESTED requests Request requester",
      "axxbx",
      "abab",
      "line one\r\nline two\nthree",
      "",
      "caf\xC3\xA9 \xE2\x80\x98withheld\xE2\x80\x99 section\xC2\xA0"
      "40",
  };
  for (const auto& [pattern, icase] : patterns) {
    const Regex re(pattern, icase ? Regex::kIgnoreCase : Regex::kNone);
    for (const auto& s : subjects) {
      EXPECT_EQ(spans_of(re, s), std_spans_of(pattern, s, icase))
          << "pattern /" << pattern << "/ on \"" << s << "\"";
      const std::regex std_re(
          pattern, icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
      EXPECT_EQ(re.search(s), std::regex_search(s, std_re)) << pattern << " / " << s;
      EXPECT_EQ(re.full_match(s), std::regex_match(s, std_re)) << pattern << " / " << s;
    }
  }
}

TEST(Regex, DollarMatchesOnlyAtTheVeryEnd) {
  const Regex re(R"(on behalf of\s*$)");
  EXPECT_TRUE(re.search("signed on behalf of"));
  EXPECT_TRUE(re.search("signed on behalf of \n"));        // \s* takes the newline
  EXPECT_FALSE(Regex(R"(of$)").search("on behalf of\n"));  // PCRE2's default would say yes
}

TEST(Regex, DotStopsAtCarriageReturnAndNewline) {
  EXPECT_FALSE(Regex("a.b").search("a\rb"));
  EXPECT_FALSE(Regex("a.b").search("a\nb"));
  EXPECT_TRUE(Regex("a.b").search("a b"));
}

TEST(Regex, GroupsThatDidNotTakePartAreEmptyAndHaveNoPosition) {
  RegexMatch m;
  ASSERT_TRUE(Regex(R"((www\.)?([a-z]+)\.gov\.uk)").search("see police.gov.uk", m));
  EXPECT_EQ(m.size(), 3U);
  EXPECT_FALSE(m.matched(1));
  EXPECT_EQ(m.position(1), std::string_view::npos);
  EXPECT_EQ(m.str(1), "");
  EXPECT_EQ(m.str(2), "police");
  EXPECT_EQ(m.position(), 4U);
  EXPECT_EQ(m.end(), 17U);
  EXPECT_FALSE(m.matched(7));  // beyond the pattern's groups
}

TEST(Regex, SearchFromAnOffsetSeesTheTextBeforeIt) {
  RegexMatch m;
  // "held" at offset 4 is inside "withheld": \b must not match there.
  EXPECT_FALSE(Regex(R"(\bheld\b)").search("withheld", m, 4));
  ASSERT_TRUE(Regex(R"(\bheld\b)").search("withheld, held", m, 4));
  EXPECT_EQ(m.position(), 10U);
  EXPECT_FALSE(Regex("x").search("abc", m, 9));  // past the end: no match, no error
}

TEST(Regex, FullMatchNeedsTheWholeSubject) {
  const Regex re(R"(^(date )?received\b.*)");
  EXPECT_TRUE(re.full_match("date received 3 May"));
  EXPECT_FALSE(re.full_match("not received"));
  EXPECT_TRUE(re.search("received"));
  // Alternatives are retried until one spans the whole subject, as std::regex_match does.
  EXPECT_TRUE(Regex("a|ab").full_match("ab"));
}

TEST(Regex, IgnoreCaseFoldsAscii) {
  EXPECT_TRUE(Regex("freedom of information", Regex::kIgnoreCase).search("FREEDOM OF Information"));
  EXPECT_FALSE(Regex("freedom of information").search("FREEDOM OF Information"));
}

TEST(Regex, ABadPatternNamesItselfInTheError) {
  try {
    const Regex re("(unclosed");
    FAIL() << "compiled";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("(unclosed"), std::string::npos) << e.what();
  }
}

TEST(Regex, CopiesShareThePatternAndCountMatches) {
  const Regex a(R"(\d+)");
  const Regex b = a;  // NOLINT(performance-unnecessary-copy-initialization): the copy is tested
  EXPECT_EQ(b.count("1 22 333 x"), 3U);
  EXPECT_EQ(b.pattern(), a.pattern());
}

TEST(Regex, LongSubjectsDoNotExhaustTheStack) {
  // std::regex recursed once per character here and could overflow the machine stack on a big
  // file; the JIT's own stack overflows for a repeated group and the interpreter takes over.
  const std::string big(1024 * 1024, 'a');
  EXPECT_TRUE(Regex("(a|b)+$").search(big));
  EXPECT_EQ(Regex("a+").find_all(big).size(), 1U);
  EXPECT_EQ(Regex(R"(\ba\w*)").find_all(big + " " + big).size(), 2U);
}

TEST(Regex, APathologicalMatchFailsWithAMessageNamingThePattern) {
  // Nested quantifiers over a near miss: exponential backtracking, stopped by PCRE2's limits.
  const std::string s = std::string(40, 'a') + "!";
  try {
    (void)Regex("(a+)+$").search(s);
    FAIL() << "the match finished";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("(a+)+$"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace foilog
