#include "extract/record_json.h"

#include <string>
#include <string_view>
#include <utility>

#include "util/error.h"

namespace foilog {
namespace {

using nlohmann::json;

json span_json(const Span& s) {
  return json::array({s.begin, s.end});
}

json date_json(const DateFact& d) {
  return d.known() ? json(d.iso) : json(nullptr);
}

void add_span(json& spans, const char* field, const Span& s) {
  if (!s.empty()) {
    spans[field] = span_json(s);
  }
}

// ---- reading: every accessor names the key path in its error --------------------------------

[[noreturn]] void bad(const std::string& where, const char* what) {
  throw DataError("record JSON: " + where + " must be " + what);
}

const json* find(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string path_of(const std::string& parent, const char* key) {
  return parent.empty() ? std::string(key) : parent + "." + key;
}

void read_string(const json& obj, const char* key, const std::string& parent, std::string& out) {
  if (const json* v = find(obj, key)) {
    if (!v->is_string()) {
      bad(path_of(parent, key), "a string");
    }
    out = v->get<std::string>();
  }
}

void read_bool(const json& obj, const char* key, const std::string& parent, bool& out) {
  if (const json* v = find(obj, key)) {
    if (!v->is_boolean()) {
      bad(path_of(parent, key), "true or false");
    }
    out = v->get<bool>();
  }
}

void read_int(const json& obj, const char* key, const std::string& parent, int& out) {
  if (const json* v = find(obj, key)) {
    if (!v->is_number_integer()) {
      bad(path_of(parent, key), "an integer");
    }
    out = v->get<int>();
  }
}

void read_strings(const json& obj, const char* key, const std::string& parent,
                  std::vector<std::string>& out) {
  const json* v = find(obj, key);
  if (v == nullptr) {
    return;
  }
  if (!v->is_array()) {
    bad(path_of(parent, key), "an array of strings");
  }
  out.clear();
  for (const auto& item : *v) {
    if (!item.is_string()) {
      bad(path_of(parent, key), "an array of strings");
    }
    out.push_back(item.get<std::string>());
  }
}

Span span_from(const json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() || !v[1].is_number_unsigned()) {
    bad(where, "a [begin, end] pair of non-negative integers");
  }
  return Span{v[0].get<std::size_t>(), v[1].get<std::size_t>()};
}

void read_span(const json& obj, const char* key, const std::string& parent, Span& out) {
  if (const json* v = find(obj, key)) {
    out = span_from(*v, path_of(parent, key));
  }
}

void read_date(const json& obj, const char* key, DateFact& out) {
  read_string(obj, key, "", out.iso);
}

const json* find_array(const json& obj, const char* key) {
  const json* v = find(obj, key);
  if (v != nullptr && !v->is_array()) {
    bad(key, "an array");
  }
  return v;
}

std::string item_path(const char* key, std::size_t i) {
  return std::string(key) + "[" + std::to_string(i) + "]";
}

void require_object(const json& v, const std::string& where) {
  if (!v.is_object()) {
    bad(where, "an object");
  }
}

// Whether value is exactly the text at span (and so need not be stored twice).
bool covers(const std::string& text, const Span& span, const std::string& value) {
  return !value.empty() && !span.empty() && span.end <= text.size() &&
         std::string_view(text).substr(span.begin, span.end - span.begin) == value;
}

std::string span_text(const std::string& text, const Span& span, const std::string& where) {
  if (span.empty()) {
    return {};
  }
  if (span.end > text.size()) {
    throw DataError("record JSON: " + where + " is missing and its span [" +
                    std::to_string(span.begin) + ", " + std::to_string(span.end) +
                    "] is past the end of the text (" + std::to_string(text.size()) + " bytes)");
  }
  return text.substr(span.begin, span.end - span.begin);
}

}  // namespace

nlohmann::json public_record_json(const Record& r, bool include_text) {
  json j = record_to_json(r, include_text);
  const std::size_t slash = r.file.find_last_of("/\\");
  j["file"] = slash == std::string::npos ? r.file : r.file.substr(slash + 1);
  return j;
}

nlohmann::json record_to_json(const Record& r, bool include_text) {
  json j;
  j["file"] = r.file;
  j["title"] = r.title;
  j["format"] = r.format;
  j["ocr"] = r.ocr;
  j["authority"] = r.authority;
  j["authority_id"] = r.authority_id;
  j["authority_known"] = r.authority_known;
  j["authority_type"] = r.authority_type;
  j["authority_country"] = r.authority_country;
  j["reference"] = r.reference;
  j["references"] = r.references;
  j["date_received"] = date_json(r.date_received);
  j["date_clarified"] = date_json(r.date_clarified);
  j["date_responded"] = date_json(r.date_responded);
  j["date_internal_review"] = date_json(r.date_internal_review);
  j["working_days"] = r.working_days ? json(*r.working_days) : json(nullptr);
  j["within_limit"] = r.within_limit ? json(*r.within_limit) : json(nullptr);
  j["regimes"] = r.regimes;

  json exemptions = json::array();
  for (const auto& e : r.exemptions) {
    exemptions.push_back({{"provision", e.provision},
                          {"act", e.act},
                          {"title", e.title},
                          {"parent", e.parent},
                          {"absolute", e.absolute},
                          {"ncnd", e.ncnd},
                          {"span", span_json(e.span)}});
  }
  j["exemptions"] = std::move(exemptions);
  j["procedural"] = r.procedural;
  j["outcome"] = r.outcome;

  json questions = json::array();
  for (const auto& q : r.questions) {
    json spans = json::object();
    add_span(spans, "text", q.text_span);
    add_span(spans, "answer", q.answer_span);
    questions.push_back({{"n", q.n},
                         {"text", q.text},
                         {"answer", q.answer},
                         {"outcome", q.outcome},
                         {"exemptions", q.exemptions},
                         {"spans", std::move(spans)}});
  }
  j["questions"] = std::move(questions);
  j["topics"] = r.topics;
  j["decision_notices"] = r.decision_notices;
  j["kind"] = r.kind;

  json warnings = json::array();
  for (const auto& w : r.warnings) {
    warnings.push_back({{"kind", w.kind}, {"detail", w.detail}, {"span", span_json(w.span)}});
  }
  j["warnings"] = std::move(warnings);

  json spans = json::object();
  add_span(spans, "authority", r.authority_span);
  add_span(spans, "reference", r.reference_span);
  add_span(spans, "date_received", r.date_received.span);
  add_span(spans, "date_clarified", r.date_clarified.span);
  add_span(spans, "date_responded", r.date_responded.span);
  add_span(spans, "date_internal_review", r.date_internal_review.span);
  add_span(spans, "outcome", r.outcome_span);
  j["spans"] = std::move(spans);

  if (include_text) {
    j["text"] = r.text;
  }
  return j;
}

nlohmann::json stored_record_json(const Record& r) {
  json j = record_to_json(r, true);
  json& questions = j["questions"];
  for (std::size_t i = 0; i < r.questions.size(); ++i) {
    const Question& q = r.questions[i];
    if (covers(r.text, q.text_span, q.text)) {
      questions[i].erase("text");
    }
    if (covers(r.text, q.answer_span, q.answer)) {
      questions[i].erase("answer");
    }
  }
  return j;
}

Record record_from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    throw DataError("record JSON: expected an object, got " + std::string(j.type_name()));
  }
  Record r;
  read_string(j, "file", "", r.file);
  read_string(j, "text", "", r.text);
  read_string(j, "title", "", r.title);
  read_string(j, "format", "", r.format);
  read_bool(j, "ocr", "", r.ocr);
  read_string(j, "authority", "", r.authority);
  read_string(j, "authority_id", "", r.authority_id);
  read_bool(j, "authority_known", "", r.authority_known);
  read_string(j, "authority_type", "", r.authority_type);
  read_string(j, "authority_country", "", r.authority_country);
  read_string(j, "reference", "", r.reference);
  read_strings(j, "references", "", r.references);
  read_strings(j, "decision_notices", "", r.decision_notices);
  read_date(j, "date_received", r.date_received);
  read_date(j, "date_clarified", r.date_clarified);
  read_date(j, "date_responded", r.date_responded);
  read_date(j, "date_internal_review", r.date_internal_review);
  if (find(j, "working_days") != nullptr) {
    int days = 0;
    read_int(j, "working_days", "", days);
    r.working_days = days;
  }
  if (find(j, "within_limit") != nullptr) {
    bool within = false;
    read_bool(j, "within_limit", "", within);
    r.within_limit = within;
  }
  read_strings(j, "regimes", "", r.regimes);
  read_strings(j, "procedural", "", r.procedural);
  read_string(j, "outcome", "", r.outcome);
  read_strings(j, "topics", "", r.topics);
  read_string(j, "kind", "", r.kind);

  if (const json* arr = find_array(j, "exemptions")) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& e = (*arr)[i];
      const std::string where = item_path("exemptions", i);
      require_object(e, where);
      ExemptionCitation c;
      read_string(e, "provision", where, c.provision);
      read_string(e, "act", where, c.act);
      read_string(e, "title", where, c.title);
      read_string(e, "parent", where, c.parent);
      read_bool(e, "absolute", where, c.absolute);
      read_bool(e, "ncnd", where, c.ncnd);
      read_span(e, "span", where, c.span);
      r.exemptions.push_back(std::move(c));
    }
  }
  if (const json* arr = find_array(j, "questions")) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& q = (*arr)[i];
      const std::string where = item_path("questions", i);
      require_object(q, where);
      Question out;
      read_int(q, "n", where, out.n);
      read_string(q, "text", where, out.text);
      read_string(q, "answer", where, out.answer);
      read_string(q, "outcome", where, out.outcome);
      read_strings(q, "exemptions", where, out.exemptions);
      if (const json* spans = find(q, "spans")) {
        require_object(*spans, where + ".spans");
        read_span(*spans, "text", where + ".spans", out.text_span);
        read_span(*spans, "answer", where + ".spans", out.answer_span);
      }
      // Left out by stored_record_json: the bytes at the span.
      if (find(q, "text") == nullptr) {
        out.text = span_text(r.text, out.text_span, where + ".text");
      }
      if (find(q, "answer") == nullptr) {
        out.answer = span_text(r.text, out.answer_span, where + ".answer");
      }
      r.questions.push_back(std::move(out));
    }
  }
  if (const json* arr = find_array(j, "warnings")) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& w = (*arr)[i];
      const std::string where = item_path("warnings", i);
      require_object(w, where);
      Warning out;
      read_string(w, "kind", where, out.kind);
      read_string(w, "detail", where, out.detail);
      read_span(w, "span", where, out.span);
      r.warnings.push_back(std::move(out));
    }
  }
  if (const json* spans = find(j, "spans")) {
    require_object(*spans, "spans");
    read_span(*spans, "authority", "spans", r.authority_span);
    read_span(*spans, "reference", "spans", r.reference_span);
    read_span(*spans, "date_received", "spans", r.date_received.span);
    read_span(*spans, "date_clarified", "spans", r.date_clarified.span);
    read_span(*spans, "date_responded", "spans", r.date_responded.span);
    read_span(*spans, "date_internal_review", "spans", r.date_internal_review.span);
    read_span(*spans, "outcome", "spans", r.outcome_span);
  }
  return r;
}

}  // namespace foilog
