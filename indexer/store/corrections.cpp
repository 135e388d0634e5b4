#include "store/corrections.h"

#include <algorithm>

#include "extract/extract_record.h"
#include "schema/schema.h"
#include "util/date.h"
#include "util/error.h"

namespace foilog {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 8> kOutcomes = {
    "granted", "partial", "refused", "not_held", "ncnd", "cost_limit", "vexatious", "other"};
constexpr std::array<std::string_view, 5> kRegimes = {"FOIA", "EIR", "FOISA", "EIRS", "DPA"};

[[noreturn]] void bad(std::string_view field, const std::string& reason) {
  throw UsageError(std::string(field), reason);
}

std::string string_of(std::string_view field, const json& v, const char* key) {
  const auto it = v.find(key);
  if (it == v.end() || it->is_null()) {
    return {};
  }
  if (!it->is_string()) {
    bad(field, std::string("\"") + key + "\" must be a string");
  }
  return it->get<std::string>();
}

bool bool_of(std::string_view field, const json& v, const char* key) {
  const auto it = v.find(key);
  if (it == v.end() || it->is_null()) {
    return false;
  }
  if (!it->is_boolean()) {
    bad(field, std::string("\"") + key + "\" must be true or false");
  }
  return it->get<bool>();
}

std::vector<std::string> strings_of(std::string_view field, const json& v) {
  if (!v.is_array()) {
    bad(field, "must be a list of strings");
  }
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      bad(field, "must be a list of non-empty strings");
    }
    if (std::find(out.begin(), out.end(), item.get<std::string>()) == out.end()) {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

DateFact date_of(std::string_view field, const json& v) {
  DateFact d;
  if (v.is_null()) {
    return d;
  }
  if (!v.is_string() || !parse_iso_date(v.get<std::string>())) {
    bad(field, "must be a date written YYYY-MM-DD, or null when the letter does not say");
  }
  d.iso = v.get<std::string>();
  return d;
}

void set_authority(Record& rec, const json& v) {
  if (!v.is_object()) {
    bad("authority", "must be an object {\"name\", \"id\", \"type\", \"country\"}");
  }
  const std::string name = string_of("authority", v, "name");
  if (name.empty()) {
    bad("authority", "needs the authority's name");
  }
  if (name != rec.authority) {
    rec.authority_span = {};
  }
  rec.authority = name;
  rec.authority_id = string_of("authority", v, "id");
  rec.authority_known = !rec.authority_id.empty();
  rec.authority_type = string_of("authority", v, "type");
  rec.authority_country = string_of("authority", v, "country");
}

void set_reference(Record& rec, const json& v) {
  if (!v.is_string()) {
    bad("reference", "must be a string (empty when the letter prints none)");
  }
  const std::string ref = v.get<std::string>();
  if (ref == rec.reference) {
    return;
  }
  rec.reference = ref;
  rec.reference_span = {};
  // The primary reference leads Record::references (XREF terms find it).
  std::erase(rec.references, ref);
  if (!ref.empty()) {
    rec.references.insert(rec.references.begin(), ref);
  }
}

void set_exemptions(Record& rec, const json& v) {
  if (!v.is_array()) {
    bad("exemptions", "must be a list of {\"provision\", \"act\", ...} objects");
  }
  std::vector<ExemptionCitation> out;
  for (const auto& e : v) {
    if (!e.is_object()) {
      bad("exemptions", "must be a list of objects");
    }
    ExemptionCitation c;
    c.provision = string_of("exemptions", e, "provision");
    if (c.provision.empty()) {
      bad("exemptions", "every exemption needs a provision");
    }
    c.act = string_of("exemptions", e, "act");
    c.title = string_of("exemptions", e, "title");
    c.parent = string_of("exemptions", e, "parent");
    if (c.parent.empty()) {
      c.parent = schema::provision_parent(c.provision);
    }
    c.absolute = bool_of("exemptions", e, "absolute");
    c.ncnd = bool_of("exemptions", e, "ncnd");
    // A provision the letter did cite keeps the words it was cited in as evidence.
    for (const auto& old : rec.exemptions) {
      if (old.provision == c.provision) {
        c.span = old.span;
      }
    }
    if (std::none_of(out.begin(), out.end(),
                     [&](const ExemptionCitation& o) { return o.provision == c.provision; })) {
      out.push_back(std::move(c));
    }
  }
  rec.exemptions = std::move(out);
}

void set_questions(Record& rec, const json& v) {
  if (!v.is_array()) {
    bad("questions", "must be a list of {\"n\", \"text\", \"answer\", ...} objects");
  }
  std::vector<Question> out;
  for (const auto& q : v) {
    if (!q.is_object()) {
      bad("questions", "must be a list of objects");
    }
    Question item;
    const auto n = q.find("n");
    if (n == q.end() || !n->is_number_integer() || n->get<long long>() < 0 ||
        n->get<long long>() > 10000) {
      bad("questions", "every question needs its number \"n\" (0 for an unnumbered request)");
    }
    item.n = n->get<int>();
    item.text = string_of("questions", q, "text");
    if (item.text.empty()) {
      bad("questions", "every question needs its text");
    }
    item.answer = string_of("questions", q, "answer");
    item.outcome = string_of("questions", q, "outcome");
    if (!item.outcome.empty() && !is_outcome(item.outcome)) {
      bad("questions", "\"" + item.outcome + "\" is not an outcome");
    }
    if (const auto e = q.find("exemptions"); e != q.end() && !e->is_null()) {
      item.exemptions = strings_of("questions", *e);
    }
    for (const auto& old : rec.questions) {
      if (old.text == item.text) {
        item.text_span = old.text_span;
      }
      if (!old.answer.empty() && old.answer == item.answer) {
        item.answer_span = old.answer_span;
      }
    }
    out.push_back(std::move(item));
  }
  rec.questions = std::move(out);
}

}  // namespace

bool is_correctable_field(std::string_view field) {
  return std::find(kCorrectableFields.begin(), kCorrectableFields.end(), field) !=
         kCorrectableFields.end();
}

bool is_outcome(std::string_view outcome) {
  return std::find(kOutcomes.begin(), kOutcomes.end(), outcome) != kOutcomes.end();
}

bool is_regime(std::string_view regime) {
  return std::find(kRegimes.begin(), kRegimes.end(), regime) != kRegimes.end();
}

void apply_correction(Record& rec, std::string_view field, const nlohmann::json& value,
                      const BankHolidays* holidays) {
  if (field == "authority") {
    set_authority(rec, value);
  } else if (field == "reference") {
    set_reference(rec, value);
  } else if (field == "title") {
    if (!value.is_string()) {
      bad(field, "must be a string");
    }
    rec.title = value.get<std::string>();
  } else if (field == "date_received" || field == "date_responded") {
    DateFact& d = field == "date_received" ? rec.date_received : rec.date_responded;
    DateFact next = date_of(field, value);
    if (next.iso == d.iso) {
      return;
    }
    d = std::move(next);
    if (holidays != nullptr) {
      compute_timeliness(rec, *holidays);
    } else {
      rec.working_days.reset();
      rec.within_limit.reset();
    }
  } else if (field == "outcome") {
    if (!value.is_string() || !is_outcome(value.get<std::string>())) {
      bad(field,
          "must be one of granted, partial, refused, not_held, ncnd, cost_limit, vexatious, "
          "other");
    }
    if (value.get<std::string>() != rec.outcome) {
      rec.outcome = value.get<std::string>();
      rec.outcome_span = {};
    }
  } else if (field == "regimes") {
    const auto regimes = strings_of(field, value);
    for (const auto& r : regimes) {
      if (!is_regime(r)) {
        bad(field, "\"" + r + "\" is not one of FOIA, EIR, FOISA, EIRS, DPA");
      }
    }
    rec.regimes = regimes;
  } else if (field == "exemptions") {
    set_exemptions(rec, value);
  } else if (field == "questions") {
    set_questions(rec, value);
  } else if (field == "topics") {
    rec.topics = strings_of(field, value);
  } else {
    bad(field, "is not a fact that can be corrected");
  }
}

nlohmann::json label_of(const Record& rec) {
  auto nullable = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  std::vector<std::string> exemptions;
  for (const auto& e : rec.exemptions) {
    exemptions.push_back(e.provision);
  }
  return {{"authority", rec.authority},
          {"reference", nullable(rec.reference)},
          {"date_received", nullable(rec.date_received.iso)},
          {"date_responded", nullable(rec.date_responded.iso)},
          {"regimes", rec.regimes},
          {"exemptions", exemptions},
          {"procedural", rec.procedural},
          {"outcome", rec.outcome},
          {"questions", rec.question_count()},
          {"topics", rec.topics}};
}

}  // namespace foilog
