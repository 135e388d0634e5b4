#include "util/date.h"

#include <charconv>
#include <cstdio>

namespace foilog {

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  if (day > max_day) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
    return std::nullopt;
  }
  int y = 0;
  int m = 0;
  int d = 0;
  const auto num = [&](std::size_t at, std::size_t len, int& out) {
    const auto* first = iso.data() + at;
    const auto r = std::from_chars(first, first + len, out);
    return r.ec == std::errc() && r.ptr == first + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) {
    return std::nullopt;
  }
  return make_date(y, m, d);
}

std::int64_t days_from_civil(const Date& d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const Date& d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const std::int64_t days = days_from_civil(d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

}  // namespace foilog
