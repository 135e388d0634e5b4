// Calendar dates without time zones: FOI letters are dated by day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foilog {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  auto operator<=>(const Date&) const = default;
};

// A valid Gregorian date, or nullopt (31 February, month 13, ...).
[[nodiscard]] std::optional<Date> make_date(int year, int month, int day);
[[nodiscard]] std::string to_iso(const Date& d);
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view iso);
// Days since 1970-01-01 and back (Howard Hinnant's civil calendar algorithms).
[[nodiscard]] std::int64_t days_from_civil(const Date& d);
[[nodiscard]] Date civil_from_days(std::int64_t days);
// 0 = Monday ... 6 = Sunday.
[[nodiscard]] int weekday(const Date& d);

}  // namespace foilog
