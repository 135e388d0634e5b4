// A fixed, seeded query mix drawn from the index itself, so it works on any store (a generated
// corpus or data/corpus): words and phrases are read off random documents' position lists,
// references and filter values off their boolean terms.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "search_bench/searcher.h"

namespace foilog::bench {

// The query classes, in report order.
[[nodiscard]] const std::vector<std::string>& query_classes();

// `per_class` queries of each class (fewer when the index cannot supply them).
[[nodiscard]] std::vector<QueryRecipe> build_query_mix(const std::filesystem::path& db_dir,
                                                       std::uint64_t seed, std::size_t per_class);

}  // namespace foilog::bench
