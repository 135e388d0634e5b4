#include "taxonomy/taxonomies.h"

#include "util/error.h"

namespace foilog {

Taxonomies Taxonomies::load(const std::filesystem::path& data_dir) {
  if (!std::filesystem::is_directory(data_dir)) {
    throw DataError(data_dir.string() + ": data directory not found (pass --data DIR)");
  }
  return Taxonomies{AuthorityTable::load(data_dir / "authorities.tsv"),
                    ExemptionTable::load(data_dir / "exemptions.tsv"),
                    TopicTable::load(data_dir / "topics.tsv"),
                    BankHolidays::load(data_dir / "bank-holidays-england-wales.tsv")};
}

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("FOILOG_DATA")) {
    return env;
  }
  return std::filesystem::path(FOILOG_SOURCE_DIR) / "data";
}

}  // namespace foilog
