// Finds every full calendar date printed in a text, in the forms UK FOI letters and disclosure
// logs use: "15 October 2020", "15th Oct 2020", "Monday, 3 February, 2020", "October 15, 2020",
// "January 1st 2023", "15/10/2020", "15.10.2020", "2020-10-15". Numeric dates are day-first
// (UK). A date may be glued to a preceding label ("Request Date18 March 2015"). Month-and-year
// only ("August 2013") and day-and-month only ("23 March") are not full dates and are skipped.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "util/date.h"

namespace foilog::dates_detail {

struct DateMatch {
  Date date;
  Span span;  // byte offsets into the scanned text
};

[[nodiscard]] std::vector<DateMatch> find_dates(std::string_view text);

// 1..12 for "January", "Jan", "Jan.", "Sept" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<int> month_from_name(std::string_view word);

// True for a weekday name or abbreviation ("Monday", "Mon").
[[nodiscard]] bool is_weekday_name(std::string_view word);

}  // namespace foilog::dates_detail
