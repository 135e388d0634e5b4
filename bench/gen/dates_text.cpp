#include "gen/dates_text.h"

#include <array>
#include <cstdio>

namespace foilog::bench {
namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

std::string ordinal_suffix(int day) {
  if (day % 100 >= 11 && day % 100 <= 13) {
    return "th";
  }
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

}  // namespace

std::string format_date(const Date& d, DateStyle style) {
  const std::string month = kMonths[static_cast<std::size_t>(d.month - 1)];
  const std::string long_form = std::to_string(d.day) + " " + month + " " + std::to_string(d.year);
  switch (style) {
    case DateStyle::kLong:
      return long_form;
    case DateStyle::kOrdinal:
      return std::to_string(d.day) + ordinal_suffix(d.day) + " " + month + " " +
             std::to_string(d.year);
    case DateStyle::kWeekdayLong:
      return std::string(kWeekdays[static_cast<std::size_t>(weekday(d))]) + " " + long_form;
    case DateStyle::kNumeric: {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
      return buf;
    }
  }
  return long_form;
}

DateStyle pick_date_style(Rng& rng) {
  const double u = rng.unit();
  return u < 0.6    ? DateStyle::kLong
         : u < 0.8  ? DateStyle::kOrdinal
         : u < 0.88 ? DateStyle::kWeekdayLong
                    : DateStyle::kNumeric;
}

Date random_date(Rng& rng, const Date& first, const Date& last) {
  const auto lo = days_from_civil(first);
  const auto hi = days_from_civil(last);
  return civil_from_days(
      lo + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(hi - lo + 1))));
}

Date add_days(const Date& d, int days) {
  return civil_from_days(days_from_civil(d) + days);
}

Date add_weekdays(const Date& d, int working) {
  Date out = d;
  while (working > 0) {
    out = add_days(out, 1);
    if (weekday(out) < 5) {
      --working;
    }
  }
  return out;
}

}  // namespace foilog::bench
