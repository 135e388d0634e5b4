// One synthetic FOI response and its label (README "Label format"), fully determined by the
// corpus seed and the document's index: document i is the same in a 10k and a 1M corpus.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "gen/corpus_model.h"

namespace foilog::bench {

struct GeneratedDocument {
  std::string text;      // the letter, UTF-8, '\n' line ends
  nlohmann::json label;  // authority, reference, dates, regimes, exemptions, procedural, ...
};

[[nodiscard]] GeneratedDocument generate_document(const CorpusModel& model, std::uint64_t seed,
                                                  std::uint64_t index);

}  // namespace foilog::bench
