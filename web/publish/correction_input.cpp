#include "publish/correction_input.h"

#include <algorithm>

#include "search/query_builder.h"
#include "store/corrections.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxShort = 300;    // a reference, a title, an authority's name
constexpr std::size_t kMaxLong = 100000;  // a question or an answer

[[noreturn]] void bad(const std::string& field, const std::string& reason) {
  throw UsageError(field, reason);
}

std::string text_of(const std::string& field, const json& v, std::size_t max) {
  if (!v.is_string()) {
    bad(field, "must be text");
  }
  // Forms may send any bytes; the store keeps UTF-8.
  std::string s = std::string(trim(repair_utf8(v.get<std::string>())));
  if (s.size() > max) {
    bad(field, "is longer than " + std::to_string(max) + " characters");
  }
  return s;
}

std::vector<std::string> list_of(const std::string& field, const json& v) {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    const std::string t(trim(s));
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) {
      out.push_back(t);
    }
  };
  if (v.is_string()) {  // "s31, s40(2)" as typed in one box
    for (const auto& piece : split(v.get<std::string>(), ',')) {
      for (const auto& line : split(piece, '\n')) {
        add(line);
      }
    }
  } else if (v.is_array()) {
    for (const auto& item : v) {
      if (!item.is_string()) {
        bad(field, "must be a list of text");
      }
      add(repair_utf8(item.get<std::string>()));
    }
  } else if (!v.is_null()) {
    bad(field, "must be a list");
  }
  return out;
}

json date_value(const std::string& field, const json& v) {
  if (v.is_null()) {
    return nullptr;
  }
  if (!v.is_string()) {
    bad(field, "must be a date written YYYY-MM-DD, or null when the letter does not say");
  }
  const auto iso = parse_typed_date(v.get<std::string>());
  if (!iso) {
    bad(field, "must be a real date, written YYYY-MM-DD or DD/MM/YYYY");
  }
  return iso->empty() ? json(nullptr) : json(*iso);
}

json authority_value(const json& v, const Taxonomies& tax,
                     const std::vector<std::pair<std::string, std::string>>& accounts) {
  const std::string given = text_of("authority", v, kMaxShort);
  if (given.empty()) {
    bad("authority", "needs the authority's name");
  }
  const AuthorityInfo* a = tax.authorities.by_id(given);
  if (a == nullptr) {
    a = tax.authorities.resolve(given);
  }
  if (a != nullptr) {
    return {{"name", a->name}, {"id", a->id}, {"type", a->type}, {"country", a->country}};
  }
  for (const auto& [id, name] : accounts) {
    if (id == given || ascii_lower(name) == ascii_lower(given)) {
      return {{"name", name}, {"id", id}, {"type", "other"}, {"country", ""}};
    }
  }
  bad("authority", "‘" + given +
                       "’ is not an authority foilog knows; use a name from the list of "
                       "authorities, or ask the operator to add it");
}

// The act a provision is cited under: Scottish law for a Scottish letter, the EIR for
// regulations, else the FOIA.
std::vector<std::string> acts_for(const std::string& provision, const Record& rec) {
  const auto has = [&](const char* r) {
    return std::find(rec.regimes.begin(), rec.regimes.end(), r) != rec.regimes.end();
  };
  const bool scottish = has("FOISA") || has("EIRS") || rec.authority_country == "scotland";
  if (provision.rfind("reg", 0) == 0) {
    return scottish ? std::vector<std::string>{"EIRS", "EIR"}
                    : std::vector<std::string>{"EIR", "EIRS"};
  }
  return scottish ? std::vector<std::string>{"FOISA", "FOIA", "DPA"}
                  : std::vector<std::string>{"FOIA", "FOISA", "DPA"};
}

json exemptions_value(const json& v, const Taxonomies& tax, const Record& rec) {
  json out = json::array();
  for (const auto& typed : list_of("exemptions", v)) {
    const std::string provision = canonical_provision(typed);
    const ExemptionInfo* info = nullptr;
    std::string act;
    for (const auto& a : acts_for(provision, rec)) {
      if ((info = tax.exemptions.find(a, provision)) != nullptr) {
        act = a;
        break;
      }
    }
    if (info == nullptr) {
      bad("exemptions",
          "‘" + typed + "’ is not a provision foilog knows (see the exemptions list)");
    }
    out.push_back({{"provision", provision},
                   {"act", act},
                   {"title", info->title},
                   {"parent", tax.exemptions.parent_of(act, provision)},
                   {"absolute", info->absolute},
                   {"ncnd", info->ncnd}});
  }
  return out;
}

json questions_value(const json& v, const Taxonomies& tax, const Record& rec) {
  if (!v.is_array()) {
    bad("questions", "must be a list of {\"n\", \"text\", \"answer\", \"outcome\"} objects");
  }
  json out = json::array();
  for (const auto& q : v) {
    if (!q.is_object()) {
      bad("questions", "must be a list of objects");
    }
    const auto n = q.find("n");
    if (n == q.end() || !n->is_number_integer() || n->get<long long>() < 0 ||
        n->get<long long>() > 10000) {
      bad("questions",
          "each question needs its number \"n\" (0 for a request that is not "
          "numbered)");
    }
    const std::string text = text_of("questions", q.value("text", json("")), kMaxLong);
    if (text.empty()) {
      bad("questions", "question " + std::to_string(n->get<int>()) + " needs its text");
    }
    const std::string outcome = text_of("questions", q.value("outcome", json("")), 40);
    if (!outcome.empty() && !is_outcome(outcome)) {
      bad("questions", "‘" + outcome + "’ is not an outcome");
    }
    json provisions = json::array();
    for (const auto& e : exemptions_value(q.value("exemptions", json::array()), tax, rec)) {
      provisions.push_back(e["provision"]);
    }
    out.push_back({{"n", n->get<int>()},
                   {"text", text},
                   {"answer", text_of("questions", q.value("answer", json("")), kMaxLong)},
                   {"outcome", outcome},
                   {"exemptions", provisions}});
  }
  return out;
}

}  // namespace

std::optional<std::string> parse_typed_date(const std::string& typed) {
  const std::string t(trim(typed));
  if (t.empty()) {
    return std::string();
  }
  if (parse_iso_date(t)) {
    return t;
  }
  const auto parts = split(t, '/');
  if (parts.size() == 3) {
    try {
      std::size_t used = 0;
      const int d = std::stoi(parts[0], &used);
      const int m = std::stoi(parts[1]);
      const int y = std::stoi(parts[2]);
      if (parts[2].size() == 4 && used == parts[0].size()) {
        if (const auto date = make_date(y, m, d)) {
          return to_iso(*date);
        }
      }
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

nlohmann::json normalise_correction(
    const std::string& field, const nlohmann::json& value, const Taxonomies& tax,
    const Record& current, const std::vector<std::pair<std::string, std::string>>& accounts) {
  if (field == "authority") {
    return authority_value(value, tax, accounts);
  }
  if (field == "reference" || field == "title") {
    return text_of(field, value, kMaxShort);
  }
  if (field == "date_received" || field == "date_responded") {
    return date_value(field, value);
  }
  if (field == "outcome") {
    const std::string o = text_of(field, value, 40);
    if (!is_outcome(o)) {
      bad(field,
          "must be one of granted, partial, refused, not_held, ncnd, cost_limit, "
          "vexatious, other");
    }
    return o;
  }
  if (field == "regimes") {
    json out = json::array();
    for (const auto& r : list_of(field, value)) {
      if (!is_regime(r)) {
        bad(field, "‘" + r + "’ is not one of FOIA, EIR, FOISA, EIRS, DPA");
      }
      out.push_back(r);
    }
    return out;
  }
  if (field == "exemptions") {
    return exemptions_value(value, tax, current);
  }
  if (field == "topics") {
    json out = json::array();
    for (const auto& t : list_of(field, value)) {
      if (tax.topics.by_id(t) == nullptr) {
        bad(field, "‘" + t + "’ is not a topic in data/topics.tsv");
      }
      out.push_back(t);
    }
    return out;
  }
  if (field == "questions") {
    return questions_value(value, tax, current);
  }
  bad(field.empty() ? "field" : field, "is not a fact that can be corrected");
}

Overrides normalise_corrections(const nlohmann::json& body, const Taxonomies& tax,
                                const Record& current,
                                const std::vector<std::pair<std::string, std::string>>& accounts) {
  if (!body.is_object() || body.empty()) {
    throw UsageError("body",
                     "must be a JSON object of the fields to correct, e.g. "
                     "{\"reference\": \"FOI/123\"}");
  }
  Overrides out;
  for (const auto& [field, value] : body.items()) {
    out.emplace_back(field, normalise_correction(field, value, tax, current, accounts));
  }
  return out;
}

}  // namespace foilog::web
