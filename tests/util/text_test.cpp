#include "util/text.h"
#include "util/date.h"

#include <gtest/gtest.h>

namespace foilog {
namespace {

TEST(Utf8, ValidInputIsUnchanged) {
  const std::string s = "Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80";
  EXPECT_TRUE(is_valid_utf8(s));
  EXPECT_EQ(repair_utf8(s), s);
}

TEST(Utf8, InvalidBytesAreReadAsWindows1252) {
  // 0x93/0x94 are Windows-1252 curly quotes, 0xA3 is the pound sign in Latin-1.
  EXPECT_FALSE(
      is_valid_utf8("\x93quoted\x94 \xA3"
                    "450"));
  EXPECT_EQ(repair_utf8("\x93quoted\x94 \xA3"
                        "450"),
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xC2\xA3"
            "450");
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x80"));  // truncated
  EXPECT_TRUE(is_valid_utf8(repair_utf8("\xC0\xAF\xED\xA0\x80\xE2\x80")));
}

TEST(Text, Helpers) {
  EXPECT_EQ(slugify("Norfolk and Suffolk Constabularies"), "norfolk-and-suffolk-constabularies");
  EXPECT_EQ(slugify("Ashford and St Peter's Hospitals"), "ashford-and-st-peters-hospitals");
  EXPECT_EQ(collapse_whitespace("  a \n\t b  "), "a b");
  EXPECT_EQ(ifind("Section 31(1)(a)", "SECTION"), 0U);
  EXPECT_EQ(trim("  x \n"), "x");
  EXPECT_EQ(split_lines("a\nb\n").size(), 2U);
}

TEST(Dates, CivilRoundTripAndWeekday) {
  const Date d{2020, 10, 15};
  EXPECT_EQ(civil_from_days(days_from_civil(d)), d);
  EXPECT_EQ(weekday(d), 3);  // Thursday
  EXPECT_EQ(to_iso(d), "2020-10-15");
  EXPECT_EQ(parse_iso_date("2020-10-15"), d);
  EXPECT_FALSE(make_date(2021, 2, 29).has_value());
  EXPECT_TRUE(make_date(2020, 2, 29).has_value());
  EXPECT_FALSE(parse_iso_date("2020-1-15").has_value());
}

}  // namespace
}  // namespace foilog
