// Dates as letters print them: "15 October 2020", "15th October 2020", "15/10/2020".
#pragma once

#include <string>

#include "common/rng.h"
#include "util/date.h"

namespace foilog::bench {

enum class DateStyle { kLong, kOrdinal, kWeekdayLong, kNumeric };

[[nodiscard]] std::string format_date(const Date& d, DateStyle style);
// The style of one letter: mostly long forms, some numeric.
[[nodiscard]] DateStyle pick_date_style(Rng& rng);
// A day uniformly in [first, last].
[[nodiscard]] Date random_date(Rng& rng, const Date& first, const Date& last);
[[nodiscard]] Date add_days(const Date& d, int days);
// `working` Monday-to-Friday days after d (bank holidays are not skipped: a letter's date need
// not be a working day count).
[[nodiscard]] Date add_weekdays(const Date& d, int working);

}  // namespace foilog::bench
