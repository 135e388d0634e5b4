// England and Wales bank holidays (data/bank-holidays-england-wales.tsv), for counting the FOIA
// "20 working days" between a request and its response.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "util/date.h"

namespace foilog {

class BankHolidays {
 public:
  // Rows: ISO date<TAB>name; an optional "date<TAB>name" header; blank lines and '#' comments
  // allowed. Throws DataError "SOURCE:LINE: ..." for a malformed row.
  static BankHolidays parse(std::string_view tsv, const std::string& source_name);
  static BankHolidays load(const std::filesystem::path& tsv_file);

  [[nodiscard]] bool contains(const Date& d) const;
  [[nodiscard]] std::size_t size() const { return days_.size(); }
  // The span of years the file covers; working-day counts outside it miss holidays.
  [[nodiscard]] int first_year() const { return first_year_; }
  [[nodiscard]] int last_year() const { return last_year_; }

 private:
  std::set<std::int64_t> days_;  // days_from_civil of each holiday
  int first_year_ = 0;
  int last_year_ = 0;
};

}  // namespace foilog
