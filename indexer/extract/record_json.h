// The JSON shape of a Record: what `foilog extract` prints and what the store keeps in
// documents.record. record_from_json(record_to_json(r, true)) == r for every field, and
// record_from_json(stored_record_json(r)) == r.
#pragma once

#include <nlohmann/json.hpp>

#include "model/record.h"

namespace foilog {

// Keys: file, title, format, ocr, authority, authority_id, authority_known, authority_type,
// authority_country, reference, references, date_received, date_clarified, date_responded,
// date_internal_review (ISO or null), working_days (int or null), within_limit (bool or null),
// regimes, exemptions [{provision, act, title, parent, absolute, ncnd, span:[b,e]}], procedural,
// outcome, questions [{n, text, answer, outcome, exemptions, spans:{text, answer}}], topics,
// decision_notices, kind, warnings [{kind, detail, span:[b,e]}], spans {field: [b,e]} (only the
// fields found in the text: authority, reference, date_*, outcome), and text when include_text.
[[nodiscard]] nlohmann::json record_to_json(const Record& r, bool include_text = false);

// record_to_json for anyone outside the server (the public API, an authority's API client):
// `file` is the file's name alone, since a server path tells them nothing and shows the layout
// of the machine.
[[nodiscard]] nlohmann::json public_record_json(const Record& r, bool include_text = false);

// The form documents.record holds: record_to_json(r, true) less each question's text and
// answer wherever they are exactly the bytes their span points at in the text, which
// record_from_json restores. Answers are spans of the letter, so storing them again about
// doubled the record (bench/RESULTS.md, fifth round).
[[nodiscard]] nlohmann::json stored_record_json(const Record& r);

// The inverse. Missing keys keep the Record defaults (older stored records stay readable); a key
// of the wrong type throws DataError naming the key ("record JSON: questions[2].n must be an
// integer"). A question's text or answer left out by stored_record_json is taken from the text
// at its span.
[[nodiscard]] Record record_from_json(const nlohmann::json& j);

}  // namespace foilog
