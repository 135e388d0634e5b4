// What an authority sends to correct a fact (PATCH /api/publish/ID, the "Change" forms, upload
// metadata and CSV manifests), checked against the taxonomies and turned into the normal form
// the store applies (store/corrections.h). One path for every source, so a value the API would
// refuse cannot come in through a form.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "taxonomy/taxonomies.h"

namespace foilog::web {

// (field, normal-form value) in the order given.
using Overrides = std::vector<std::pair<std::string, nlohmann::json>>;

// Accepted input:
//   authority                 a slug or name in data/authorities.tsv or an account
//   reference, title          a string (empty clears the reference)
//   date_received/_responded  "YYYY-MM-DD", "DD/MM/YYYY", or null / "" (not stated)
//   outcome                   granted, partial, refused, not_held, ncnd, cost_limit, vexatious,
//   other regimes                   ["FOIA", ...] exemptions                ["s31(1)(a)", "Section
//   40(2)", ...] (as people type them) topics                    topic ids from data/topics.tsv
//   questions                 [{"n", "text", "answer", "outcome", "exemptions"}]
// Throws UsageError(field, reason) for an unknown field or a value that is not one of these.
// accounts: (id, name) of the authorities with accounts, which may be named too.
[[nodiscard]] nlohmann::json normalise_correction(
    const std::string& field, const nlohmann::json& value, const Taxonomies& taxonomies,
    const Record& current, const std::vector<std::pair<std::string, std::string>>& accounts);

// Every field of a JSON object, normalised ("reference" -> ...). Throws UsageError for a body
// that is not an object or holds no field.
[[nodiscard]] Overrides normalise_corrections(
    const nlohmann::json& body, const Taxonomies& taxonomies, const Record& current,
    const std::vector<std::pair<std::string, std::string>>& accounts);

// "21/03/2021" or "2021-03-21" -> "2021-03-21"; "" for "" ; nullopt when it is not a date.
[[nodiscard]] std::optional<std::string> parse_typed_date(const std::string& typed);

}  // namespace foilog::web
