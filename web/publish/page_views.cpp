#include "publish/page_views.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "pages/page_common.h"
#include "pages/search_view.h"
#include "render/html.h"
#include "search/catalog.h"
#include "store/corrections.h"
#include "util/text.h"

namespace foilog::web {
namespace {

using nlohmann::json;

const std::map<std::string, std::string>& warning_labels() {
  static const std::map<std::string, std::string> kLabels = {
      {"email", "E-mail address"},
      {"phone", "Phone number"},
      {"private_name", "Name of a private person"},
      {"ni_number", "National Insurance number"},
      {"pdf_hidden_text", "Words hidden under a box"},
      {"pdf_invisible_text", "Invisible words"},
      {"pdf_offpage_text", "Content outside the page"},
      {"pdf_unchecked", "Pages not checked"},
      {"metadata", "File properties"},
      {"comments", "Comments"},
      {"tracked_changes", "Tracked changes"},
      {"hidden_text", "Hidden text"},
      {"hidden_sheet", "Hidden sheet"},
      {"hidden_rows", "Hidden rows"},
      {"hidden_columns", "Hidden columns"},
      {"pivot_cache", "Pivot cache"},
      {"data_model", "Data model"},
      {"data_connection", "Data connections"},
      {"external_link", "Link to another workbook"},
      {"macros", "Macros"},
      {"attachment", "Attached files"}};
  return kLabels;
}

constexpr std::array<std::string_view, 8> kOutcomes = {
    "granted", "partial", "refused", "not_held", "ncnd", "cost_limit", "vexatious", "other"};
constexpr std::array<std::string_view, 5> kRegimes = {"FOIA", "EIR", "FOISA", "EIRS", "DPA"};

std::string date_or(const DateFact& d, const char* none) {
  return d.known() ? display_date(d.iso) : std::string(none);
}

std::string join(const std::vector<std::string>& items, const std::string& none,
                 const std::string& sep = "; ") {
  std::string out;
  for (const auto& i : items) {
    out += (out.empty() ? "" : sep) + i;
  }
  return out.empty() ? none : out;
}

json options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::set<std::string>& chosen, const std::string& id_prefix) {
  json out = json::array();
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.push_back({{"id", id_prefix + "-" + std::to_string(i)},
                   {"value", values[i].first},
                   {"label", values[i].second},
                   {"checked", chosen.count(values[i].first) != 0}});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> outcome_options() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto o : kOutcomes) {
    out.emplace_back(std::string(o), Catalog::outcome_label(std::string(o)));
  }
  return out;
}

std::vector<std::string> strings(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& s : v) {
      if (s.is_string()) {
        out.push_back(s.get<std::string>());
      }
    }
  } else if (v.is_string()) {
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string str(const json& v, const char* key) {
  const auto it = v.find(key);
  return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string clip_title(const std::string& title) {
  std::string t = collapse_whitespace(title);
  if (t.size() > 90) {
    std::size_t end = 90;
    while (end > 0 && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) {
      --end;
    }
    t = t.substr(0, end) + "…";
  }
  return t;
}

}  // namespace

json publish_view(const std::string& title, const Principal& who) {
  json v = base_view(title);
  v["account_name"] = who.admin() ? std::string("all authorities") : who.authority_name;
  v["admin"] = who.admin();
  v["csrf"] = who.session ? who.session->csrf : std::string();
  return v;
}

std::string status_label(const std::string& status) {
  if (status == "review") {
    return "Awaiting review";
  }
  return status == "withdrawn" ? "Withdrawn" : "Published";
}

std::string status_tag_class(const std::string& status) {
  if (status == "review") {
    return "govuk-tag--yellow";
  }
  return status == "withdrawn" ? "govuk-tag--red" : "govuk-tag--green";
}

std::string document_label(std::int64_t id, const std::string& reference,
                           const std::string& title) {
  if (!reference.empty()) {
    return reference;
  }
  return !title.empty() ? clip_title(title) : "Response " + std::to_string(id);
}

std::string change_question(const std::string& field) {
  static const std::map<std::string, std::string> kQuestions = {
      {"authority", "Which authority answered this request?"},
      {"reference", "What is the response's reference?"},
      {"title", "What is the response's title?"},
      {"date_received", "When was the request received?"},
      {"date_responded", "When was the request answered?"},
      {"outcome", "What was the outcome?"},
      {"regimes", "Which laws was the request answered under?"},
      {"exemptions", "Which exemptions did the response apply or consider?"},
      {"topics", "What is the response about?"},
      {"questions", "What was asked, and what was the answer to each question?"}};
  const auto it = kQuestions.find(field);
  return it == kQuestions.end() ? std::string() : it->second;
}

json review_view(const OwnedDocument& doc, const Principal& who, const Taxonomies& taxonomies,
                 const std::string& error, const std::string& banner) {
  const Record& r = doc.record;
  const std::string label = document_label(doc.id, r.reference, r.title);
  json v = publish_view(label + ": check before publishing", who);
  const bool review = doc.status == "review";
  const bool live = doc.status != "withdrawn";
  v["heading"] = review ? "Check this response before you publish it"
                 : live ? "Published response"
                        : "Withdrawn response";
  v["caption"] = label;
  v["status_label"] = status_label(doc.status);
  v["tag_class"] = status_tag_class(doc.status);
  v["review"] = review;
  v["published"] = doc.status == "published";
  v["withdrawn"] = !live;
  v["withdrawn_on"] =
      display_date(doc.withdrawn_at.substr(0, std::min<std::size_t>(10, doc.withdrawn_at.size())));
  v["withdrawn_reason"] = doc.withdrawn_reason;
  v["purged"] = !doc.purged_at.empty();
  v["purged_on"] =
      display_date(doc.purged_at.substr(0, std::min<std::size_t>(10, doc.purged_at.size())));
  v["purgeable"] = !live && doc.purged_at.empty();
  v["error"] = error;
  v["banner"] = banner;
  const std::string base = "/publish/doc/" + std::to_string(doc.id);
  v["release_action"] = base + "/release";
  v["purge_action"] = base + "/purge";
  v["withdraw_href"] = base + "/withdraw";
  v["public_href"] = "/doc/" + std::to_string(doc.id);

  // The letter, with the evidence for each fact and each warning's place marked.
  std::vector<Highlight> spans;
  auto add = [&spans](const Span& s, const std::string& l, const std::string& id) {
    if (!s.empty()) {
      spans.push_back({s.begin, s.end, l, id});
    }
  };
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    add(r.warnings[i].span, "Warning", "ev-warning-" + std::to_string(i));
  }
  add(r.authority_span, "Authority", "ev-authority");
  add(r.reference_span, "Reference", "ev-reference");
  add(r.date_received.span, "Date received", "ev-received");
  add(r.date_responded.span, "Date of response", "ev-responded");
  add(r.outcome_span, "Outcome", "ev-outcome");
  const std::string text_html = highlight_text(r.text, spans);
  v["text_html"] = text_html;
  // Only anchors the letter really has (overlapping spans are dropped by highlight_text).
  auto anchor = [&text_html](const Span& s, const std::string& id) {
    return !s.empty() && text_html.find("id=\"" + id + "\"") != std::string::npos ? "#" + id
                                                                                  : std::string();
  };

  json warnings = json::array();
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    const auto& w = r.warnings[i];
    const auto l = warning_labels().find(w.kind);
    warnings.push_back({{"label", l == warning_labels().end() ? w.kind : l->second},
                        {"detail", w.detail},
                        {"href", anchor(w.span, "ev-warning-" + std::to_string(i))}});
  }
  v["warnings"] = warnings;
  v["has_warnings"] = !warnings.empty();
  v["warning_count"] =
      warnings.size() == 1 ? std::string("1 thing") : std::to_string(warnings.size()) + " things";

  std::set<std::string> corrected;
  for (const auto& c : doc.corrections) {
    corrected.insert(c.field);
  }
  json rows = json::array();
  auto row = [&](const std::string& key, const std::string& value, const std::string& field,
                 const std::string& evidence) {
    const bool changeable = live && !field.empty() && (field != "authority" || who.admin());
    rows.push_back({{"key", key},
                    {"key_lower", ascii_lower(key)},
                    {"value", value},
                    {"corrected", corrected.count(field) != 0},
                    {"evidence", corrected.count(field) != 0 ? std::string() : evidence},
                    {"change_href", changeable ? base + "/change/" + field : std::string()}});
  };
  row("Authority", r.authority.empty() ? "Not found in the letter" : r.authority, "authority",
      anchor(r.authority_span, "ev-authority"));
  row("Reference", r.reference.empty() ? "None printed" : r.reference, "reference",
      anchor(r.reference_span, "ev-reference"));
  row("Title", r.title.empty() ? "None" : r.title, "title", "");
  row("Received", date_or(r.date_received, "Not stated"), "date_received",
      anchor(r.date_received.span, "ev-received"));
  row("Answered", date_or(r.date_responded, "Not stated"), "date_responded",
      anchor(r.date_responded.span, "ev-responded"));
  row("Time taken", working_days_text(r), "", "");
  row("Outcome", r.outcome.empty() ? "Not found" : Catalog::outcome_label(r.outcome), "outcome",
      anchor(r.outcome_span, "ev-outcome"));
  std::vector<std::string> laws;
  for (const auto& g : r.regimes) {
    laws.push_back(Catalog::regime_label(g));
  }
  row("Law", join(laws, "Not stated"), "regimes", "");
  std::vector<std::string> exemptions;
  for (const auto& e : r.exemptions) {
    exemptions.push_back(e.provision + (e.title.empty() ? "" : " " + e.title));
  }
  row("Exemptions", join(exemptions, "None cited"), "exemptions", "");
  std::vector<std::string> topics;
  for (const auto& t : r.topics) {
    const auto* info = taxonomies.topics.by_id(t);
    topics.push_back(info != nullptr ? info->label : t);
  }
  row("Topics", join(topics, "None assigned"), "topics", "");
  const int asked = r.question_count();
  row("Questions",
      asked > 0             ? std::to_string(asked) + (asked == 1 ? " question" : " questions")
      : r.questions.empty() ? std::string("None found")
                            : std::string("One request, not numbered"),
      "questions", "");
  v["rows"] = rows;

  json questions = json::array();
  for (const auto& q : r.questions) {
    questions.push_back(
        {{"n", q.n},
         {"numbered", q.n > 0},
         {"text", q.text},
         {"answer", q.answer.empty() ? "No answer was found for this question." : q.answer},
         {"outcome_label", Catalog::outcome_label(q.outcome)}});
  }
  v["questions"] = questions;
  v["has_questions"] = !questions.empty();
  return v;
}

json change_view(const OwnedDocument& doc, const std::string& field, const Principal& who,
                 const Taxonomies& taxonomies, const std::string& error, const json& submitted) {
  const Record& r = doc.record;
  const std::string label = document_label(doc.id, r.reference, r.title);
  json v = publish_view("Change: " + label, who);
  const std::string base = "/publish/doc/" + std::to_string(doc.id);
  v["caption"] = label;
  v["question"] = change_question(field);
  v["action"] = base + "/change/" + field;
  v["back_href"] = base;
  v["error"] = error;
  v["error_target"] = "value";
  const bool again = submitted.is_object();

  if (field == "authority" || field == "reference" || field == "title") {
    v["kind_text"] = true;
    v["value"] = again                  ? str(submitted, "value")
                 : field == "authority" ? r.authority
                 : field == "reference" ? r.reference
                                        : r.title;
    v["hint"] = field == "authority" ? "Its name as in the list of authorities, or its id."
                : field == "reference"
                    ? "As printed on the letter, for example FOI/2021/0123. Leave it empty if "
                      "the letter has none."
                    : "A short description of what was asked.";
  } else if (field == "date_received" || field == "date_responded") {
    v["kind_date"] = true;
    v["error_target"] = "value-day";
    const DateFact& d = field == "date_received" ? r.date_received : r.date_responded;
    std::string day, month, year;
    if (d.known()) {
      year = d.iso.substr(0, 4);
      month = std::to_string(std::stoi(d.iso.substr(5, 2)));
      day = std::to_string(std::stoi(d.iso.substr(8, 2)));
    }
    v["day"] = again ? str(submitted, "day") : day;
    v["month"] = again ? str(submitted, "month") : month;
    v["year"] = again ? str(submitted, "year") : year;
    v["hint"] = "For example, 27 3 2021. Leave all three empty if the letter does not say.";
  } else if (field == "outcome") {
    v["kind_radios"] = true;
    v["error_target"] = "value-0";
    const std::string chosen = again ? str(submitted, "value") : r.outcome;
    v["options"] = options(outcome_options(), {chosen}, "value");
    v["hint"] = "The outcome of the request as a whole.";
  } else if (field == "regimes" || field == "topics") {
    v["kind_checkboxes"] = true;
    v["error_target"] = "value-0";
    std::vector<std::pair<std::string, std::string>> values;
    if (field == "regimes") {
      for (const auto g : kRegimes) {
        values.emplace_back(std::string(g), Catalog::regime_label(std::string(g)));
      }
      v["hint"] = "Select all that apply.";
    } else {
      for (const auto& t : taxonomies.topics.all()) {
        values.emplace_back(t.id, t.label);
      }
      std::sort(values.begin(), values.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
      v["hint"] = "Select all that apply.";
    }
    const auto current = field == "regimes" ? r.regimes : r.topics;
    const auto chosen = again ? strings(submitted.value("values", json::array())) : current;
    v["options"] = options(values, {chosen.begin(), chosen.end()}, "value");
  } else if (field == "exemptions") {
    v["kind_textarea"] = true;
    std::string lines;
    for (const auto& e : r.exemptions) {
      lines += e.provision + "\n";
    }
    v["value"] = again ? str(submitted, "value") : lines;
    v["hint"] =
        "One provision on each line, as the letter cites it: s31(1)(a), Section 40(2), "
        "reg12(5)(b). Leave it empty if none was applied.";
  } else if (field == "questions") {
    v["kind_questions"] = true;
    v["error_target"] = "text_0";
    json rows = json::array();
    std::vector<Question> qs = r.questions;
    if (again) {
      qs.clear();
      for (const auto& q : submitted.value("questions", json::array())) {
        Question item;
        try {
          item.n = std::stoi(str(q, "n"));
        } catch (const std::exception&) {
          item.n = 0;
        }
        item.text = str(q, "text");
        item.answer = str(q, "answer");
        item.outcome = str(q, "outcome");
        item.exemptions = {str(q, "exemptions")};
        qs.push_back(std::move(item));
      }
    }
    qs.emplace_back();  // a blank row to add a question
    qs.back().n = static_cast<int>(r.questions.size()) + 1;
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const Question& q = qs[i];
      const std::string n = std::to_string(i);
      const bool extra = i + 1 == qs.size();
      json outcomes = json::array();
      outcomes.push_back(
          {{"value", ""}, {"label", "Same as the response"}, {"selected", q.outcome.empty()}});
      for (const auto& [value, text] : outcome_options()) {
        outcomes.push_back({{"value", value}, {"label", text}, {"selected", q.outcome == value}});
      }
      rows.push_back({{"i", n},
                      {"legend", extra ? "Add a question" : "Question " + std::to_string(i + 1)},
                      {"n", std::to_string(q.n)},
                      {"text", q.text},
                      {"answer", q.answer},
                      {"exemptions", join(q.exemptions, "", ", ")},
                      {"outcomes", outcomes}});
    }
    v["questions"] = rows;
    v["count"] = qs.size();
    v["hint"] =
        "Number each question as the requester did (0 for a request that is not numbered). "
        "Leave a question's text empty to remove it.";
  }
  return v;
}

}  // namespace foilog::web
