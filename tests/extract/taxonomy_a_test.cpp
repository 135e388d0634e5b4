// ExemptionTable and BankHolidays: the shipped data files and the parsers' error messages.
#include <gtest/gtest.h>

#include "taxonomy/bank_holidays.h"
#include "taxonomy/exemption_table.h"
#include "util/error.h"

namespace foilog {
namespace {

std::filesystem::path data_file(const char* name) {
  return std::filesystem::path(FOILOG_SOURCE_DIR) / "data" / name;
}

TEST(ExemptionTable, ShippedTableCoversTheActs) {
  const auto t = ExemptionTable::load(data_file("exemptions.tsv"));
  for (int s = 21; s <= 44; ++s) {
    EXPECT_NE(t.find("FOIA", "s" + std::to_string(s)), nullptr) << "FOIA s" << s;
  }
  for (int s = 25; s <= 41; ++s) {
    EXPECT_NE(t.find("FOISA", "s" + std::to_string(s)), nullptr) << "FOISA s" << s;
  }
  for (const char* p : {"s12", "s14(1)", "s14(2)", "s31(1)(a)", "s31(1)(g)", "s40(3A)", "s40(5)",
                        "s43(2)", "s38(1)(b)", "s36(2)(b)(ii)", "s23(5)", "s30(3)", "s44(1)"}) {
    const auto* info = t.find("FOIA", p);
    ASSERT_NE(info, nullptr) << p;
    EXPECT_EQ(info->provision, p);
  }
  for (const char* p : {"reg12(3)", "reg12(4)(a)", "reg12(4)(e)", "reg12(5)(a)", "reg12(5)(g)",
                        "reg12(6)", "reg13"}) {
    ASSERT_NE(t.find("EIR", p), nullptr) << p;
  }
  for (const char* p : {"s12", "s14", "s18", "s30(b)(i)", "s33(1)(b)", "s35(1)(a)", "s38(1)(b)"}) {
    ASSERT_NE(t.find("FOISA", p), nullptr) << p;
  }
}

TEST(ExemptionTable, NcndAndAbsoluteFlags) {
  const auto t = ExemptionTable::load(data_file("exemptions.tsv"));
  for (const char* p : {"s23(5)", "s24(2)", "s30(3)", "s31(3)", "s40(5)", "s43(3)", "s38(2)",
                        "s42(2)", "s27(4)", "s26(3)", "s36(3)", "s41(2)", "s44(2)"}) {
    EXPECT_TRUE(t.find("FOIA", p)->ncnd) << p;
  }
  EXPECT_TRUE(t.find("EIR", "reg12(6)")->ncnd);
  EXPECT_TRUE(t.find("FOISA", "s18")->ncnd);
  EXPECT_FALSE(t.find("FOIA", "s31(1)(a)")->ncnd);
  EXPECT_TRUE(t.find("FOIA", "s21")->absolute);
  EXPECT_TRUE(t.find("FOIA", "s41(1)")->absolute);
  EXPECT_FALSE(t.find("FOIA", "s43(2)")->absolute);
  EXPECT_EQ(t.find("FOIA", "s31")->title, "Law enforcement");
  EXPECT_EQ(t.find("FOISA", "s35")->title, "Law enforcement");
  EXPECT_EQ(t.find("FOIA", "s43")->title, "Commercial interests");
}

TEST(ExemptionTable, FindFallsBackToNearestParent) {
  const auto t = ExemptionTable::load(data_file("exemptions.tsv"));
  const auto* info = t.find("FOIA", "s31(1)(z)");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->provision, "s31(1)");
  EXPECT_EQ(t.find("FOIA", "s99"), nullptr);
  EXPECT_EQ(t.find("EIR", "s31"), nullptr);  // the act is part of the key
  EXPECT_EQ(t.parent_of("FOIA", "s31(1)(a)"), "s31");
  EXPECT_EQ(t.parent_of("EIR", "reg12(5)(b)"), "reg12");
  EXPECT_EQ(t.parent_of("FOIA", "s99(2)(c)"), "s99");  // unlisted: by syntax
}

TEST(ExemptionTable, ParseErrorsNameSourceAndLine) {
  const std::string header = "act\tprovision\ttitle\tabsolute\tncnd\tparent\n";
  const auto message = [](const std::string& tsv) {
    try {
      (void)ExemptionTable::parse(tsv, "exemptions.tsv");
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(header + "FOIA\ts31\tLaw enforcement\tqualified\tno\n").substr(0, 17),
            "exemptions.tsv:2:");
  EXPECT_NE(message(header + "# comment\nFOIA\ts31\tLaw\tsometimes\tno\ts31\n").find("tsv:3:"),
            std::string::npos);
  EXPECT_NE(message(header + "FOIA\ts31\tLaw\tqualified\tmaybe\ts31\n").find("ncnd"),
            std::string::npos);
  EXPECT_NE(message(header + "XYZ\ts31\tLaw\tqualified\tno\ts31\n").find("unknown act"),
            std::string::npos);
  EXPECT_NE(message(header + "FOIA\ts31\tLaw\tqualified\tno\ts31\nFOIA\ts31\tLaw\tqualified\tno"
                             "\ts31\n")
                .find("duplicate"),
            std::string::npos);
  EXPECT_NE(message("FOIA\ts31\tLaw\tqualified\tno\ts31\n").find("header"), std::string::npos);
  EXPECT_EQ(message(header + "FOIA\ts31\tLaw enforcement\tqualified\tno\ts31\n"), "no error");
}

TEST(ExemptionTable, LoadNamesAMissingFile) {
  try {
    (void)ExemptionTable::load("/nonexistent/exemptions.tsv");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/exemptions.tsv"), std::string::npos);
  }
}

TEST(BankHolidays, ShippedListHasTheOneOffDaysAndSubstitutes) {
  const auto h = BankHolidays::load(data_file("bank-holidays-england-wales.tsv"));
  const auto d = [](int y, int m, int day) { return *make_date(y, m, day); };
  for (const auto& date : {d(2011, 4, 29), d(2012, 6, 4), d(2012, 6, 5), d(2020, 5, 8),
                           d(2022, 6, 2), d(2022, 6, 3), d(2022, 9, 19), d(2023, 5, 8)}) {
    EXPECT_TRUE(h.contains(date)) << to_iso(date);
  }
  // Moved or replaced days are not holidays.
  EXPECT_FALSE(h.contains(d(2020, 5, 4)));
  EXPECT_FALSE(h.contains(d(2012, 5, 28)));
  EXPECT_FALSE(h.contains(d(2022, 5, 30)));
  // Substitute days: Christmas 2021 and 2022 fell at weekends, New Year 2022 on a Saturday.
  EXPECT_TRUE(h.contains(d(2021, 12, 27)));
  EXPECT_TRUE(h.contains(d(2021, 12, 28)));
  EXPECT_TRUE(h.contains(d(2022, 1, 3)));
  EXPECT_TRUE(h.contains(d(2022, 12, 27)));
  // Easter: Good Friday and Easter Monday.
  EXPECT_TRUE(h.contains(d(2016, 3, 25)));
  EXPECT_TRUE(h.contains(d(2019, 4, 22)));
  EXPECT_TRUE(h.contains(d(2024, 3, 29)));
  EXPECT_TRUE(h.contains(d(2025, 4, 21)));
  EXPECT_TRUE(h.contains(d(2030, 4, 19)));
  EXPECT_FALSE(h.contains(d(2020, 10, 15)));
  EXPECT_EQ(h.first_year(), 2010);
  EXPECT_EQ(h.last_year(), 2030);
  // Eight a year, plus 2011's wedding, 2012's and 2022's jubilees, the 2022 state funeral and
  // the 2023 coronation (2020's VE day replaced the early May holiday).
  EXPECT_EQ(h.size(), 21u * 8u + 5u);
}

TEST(BankHolidays, ParseErrorsNameSourceAndLine) {
  try {
    (void)BankHolidays::parse("date\tname\n2020-12-25\tChristmas Day\n2020-13-01\tOops\n",
                              "bh.tsv");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bh.tsv:3:"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)BankHolidays::parse("2020-12-25\n", "bh.tsv"), DataError);
  EXPECT_THROW((void)BankHolidays::parse("2020-12-25\tA\n2020-12-25\tB\n", "bh.tsv"), DataError);
  EXPECT_TRUE(BankHolidays::parse("2020-12-25\tChristmas Day\n", "bh.tsv")
                  .contains(*make_date(2020, 12, 25)));
}

}  // namespace
}  // namespace foilog
