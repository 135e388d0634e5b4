#include "taxonomy/bank_holidays.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "taxonomy/exemption_table_tsv.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {

BankHolidays BankHolidays::parse(std::string_view tsv, const std::string& source_name) {
  BankHolidays holidays;
  bool first_row = true;
  for (const auto& line : taxonomy_tsv::tsv_lines(tsv)) {
    const auto where = source_name + ":" + std::to_string(line.number) + ": ";
    const bool header = first_row && ascii_lower(line.fields[0]) == "date";
    first_row = false;
    if (header) {
      continue;
    }
    if (line.fields.size() != 2 || line.fields[1].empty()) {
      throw DataError(where + "expected 'YYYY-MM-DD<TAB>name', found " +
                      std::to_string(line.fields.size()) + " field(s)");
    }
    const auto date = parse_iso_date(line.fields[0]);
    if (!date) {
      throw DataError(where + "'" + line.fields[0] + "' is not a valid YYYY-MM-DD date");
    }
    if (!holidays.days_.insert(days_from_civil(*date)).second) {
      throw DataError(where + "duplicate date " + line.fields[0]);
    }
    if (holidays.first_year_ == 0 || date->year < holidays.first_year_) {
      holidays.first_year_ = date->year;
    }
    holidays.last_year_ = std::max(holidays.last_year_, date->year);
  }
  return holidays;
}

BankHolidays BankHolidays::load(const std::filesystem::path& tsv_file) {
  std::ifstream in(tsv_file, std::ios::binary);
  if (!in) {
    throw DataError(tsv_file.string() +
                    ": cannot open the bank holiday list (data/bank-holidays-england-wales.tsv)");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv_file.string());
}

bool BankHolidays::contains(const Date& d) const {
  return days_.contains(days_from_civil(d));
}

}  // namespace foilog
