#include "analytics/authority_figures.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "store/sqlite_db.h"

namespace foilog::web {

std::vector<AuthorityCount> authority_counts(const std::vector<SqliteDb*>& stores) {
  std::map<std::string, std::size_t> counts;
  for (SqliteDb* db : stores) {
    auto st = db->prepare(kAuthorityCountsSql);
    while (st.step()) {
      counts[st.text(0)] += static_cast<std::size_t>(st.int64(1));
    }
  }
  std::vector<AuthorityCount> out;
  out.reserve(counts.size());
  for (const auto& [id, n] : counts) {
    out.push_back({id, n});
  }
  return out;
}

std::optional<double> median_working_days(const std::vector<SqliteDb*>& stores,
                                          const std::string& authority) {
  std::vector<std::int64_t> days;
  for (SqliteDb* db : stores) {
    auto st = db->prepare(kAuthorityWorkingDaysSql);
    st.bind(1, authority);
    while (st.step()) {
      days.push_back(st.int64(0));
    }
  }
  if (days.empty()) {
    return std::nullopt;
  }
  std::sort(days.begin(), days.end());
  const std::size_t n = days.size();
  return n % 2 == 1 ? static_cast<double>(days[n / 2])
                    : (static_cast<double>(days[n / 2 - 1]) + static_cast<double>(days[n / 2])) / 2;
}

}  // namespace foilog::web
