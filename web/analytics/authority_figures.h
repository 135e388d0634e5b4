// Figures per authority read from SQLite's covering index documents_authority_days (migration
// 3): how many published responses each authority has, and its median working days. Summed over
// every store given (shards hold disjoint documents).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace foilog {
class SqliteDb;
}

namespace foilog::web {

// The statements, named so that a test can check SQLite answers them from the index alone.
inline constexpr const char* kAuthorityCountsSql =
    "SELECT authority_id, COUNT(*) FROM documents WHERE authority_id IS NOT NULL AND "
    "status = 'published' GROUP BY authority_id";
inline constexpr const char* kAuthorityWorkingDaysSql =
    "SELECT working_days FROM documents WHERE authority_id = ?1 AND status = 'published' AND "
    "working_days IS NOT NULL";

struct AuthorityCount {
  std::string id;
  std::size_t responses = 0;
};

// In authority id order.
[[nodiscard]] std::vector<AuthorityCount> authority_counts(const std::vector<SqliteDb*>& stores);

// The median of the published responses' working days; nullopt when none has a figure.
[[nodiscard]] std::optional<double> median_working_days(const std::vector<SqliteDb*>& stores,
                                                        const std::string& authority);

}  // namespace foilog::web
