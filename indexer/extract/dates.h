// The dates of an FOI case printed in a response or log page: when the request was received,
// when it was clarified, when it was answered and when an internal review was decided. Pure
// functions over the normalised document text; spans are byte offsets into it.
#pragma once

#include <optional>
#include <string_view>

#include "model/record.h"
#include "taxonomy/bank_holidays.h"
#include "util/date.h"

namespace foilog {

struct DatesResult {
  DateFact received, clarified, responded, internal_review;
};

// Reads each date's role from the words around it: a field label on its line or the line above
// ("Date received:", "Request Date", "Released Date", "Disclosure:", "Responded:"), a cue in its
// sentence ("your request of", "enquiry dated", "received ... on", "correct as of", "you
// clarified"), or its position (the date line of a reply letter; an unlabelled pair of date
// lines in a log record, read as received then responded). Data periods ("between", "from",
// "up until the end of", "as at", "since"), publication dates and page timestamps are ignored.
[[nodiscard]] DatesResult extract_dates(std::string_view text);

// One date in any supported form ("15th Oct 2020", "Monday, 3 February, 2020", "15/10/2020",
// "2020-10-15", "October 15, 2020", "23/06/2023 12:00 am"); nullopt when s holds no date or
// more than a date (a weekday and a time of day are allowed around it).
[[nodiscard]] std::optional<Date> parse_date_phrase(std::string_view s);

// Working days after `from` up to and including `to`, skipping Saturdays, Sundays and bank
// holidays: a request received on a Friday and answered the next Monday took 1 working day.
// Negative when `to` is before `from`.
[[nodiscard]] int working_days_between(const Date& from, const Date& to,
                                       const BankHolidays& holidays);

}  // namespace foilog
