// All the editable tables extraction needs, loaded together from the data
// directory (data/authorities.tsv, exemptions.tsv, topics.tsv,
// bank-holidays-england-wales.tsv).
#pragma once

#include <filesystem>

#include "taxonomy/authority_table.h"
#include "taxonomy/bank_holidays.h"
#include "taxonomy/exemption_table.h"
#include "taxonomy/topic_table.h"

namespace foilog {

struct Taxonomies {
  AuthorityTable authorities;
  ExemptionTable exemptions;
  TopicTable topics;
  BankHolidays bank_holidays;

  // Throws DataError naming the file that is missing or malformed.
  static Taxonomies load(const std::filesystem::path& data_dir);
};

// The data directory the build was configured with (the repository's data/),
// used when no
// --data option is given.
std::filesystem::path default_data_dir();

}  // namespace foilog
