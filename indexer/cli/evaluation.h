// Extraction quality against hand-checked labels: accuracy for single-valued
// fields, micro precision/recall/F1 for sets. Pure: records and labels in,
// scores out.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "taxonomy/authority_table.h"

namespace foilog {

struct LabelledRecord {
  std::string name;  // document path as shown in reports
  nlohmann::json label;
  Record record;
};

struct FieldScore {
  std::string field;
  bool is_set = false;  // set fields report P/R/F1; `score` is F1 then, accuracy otherwise
  double score = 0;
  double precision = 0;
  double recall = 0;
  std::size_t correct = 0;  // documents fully right
  std::size_t total = 0;
  std::vector<std::string> misses;  // "dev020: expected 2015-03-25, got null"
};

// Fields: reference, authority, date_received, date_responded, regimes,
// exemptions, procedural, outcome, questions. Authorities are compared by the
// id both names resolve to in `authorities` (labels spell the same body several
// ways), falling back to case-insensitive names.
[[nodiscard]] std::vector<FieldScore> evaluate(const std::vector<LabelledRecord>& docs,
                                               const AuthorityTable& authorities);

}  // namespace foilog
