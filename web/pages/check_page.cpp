// /check (the form, and its results for a pasted draft) and POST /api/check: has this been
// asked before, of whom, and what came back.
#include "check/prior_answers.h"
#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/search_view.h"
#include "render/url.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

constexpr std::size_t kAnswerChars = 600;

std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string cut(const std::string& s, std::size_t max) {
  if (s.size() <= max) {
    return s;
  }
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return s.substr(0, end) + "…";
}

std::string times(std::size_t n) {
  return n == 1 ? "once" : std::to_string(n) + " times";
}

// "Asked 4 times since 2017, of 3 authorities: answered in full twice, ..."
std::string summary_sentence(const CheckSummary& s, const Catalog& catalog) {
  if (s.asked == 0) {
    return "Not found in the published responses: as far as foilog can tell, this has not been "
           "asked before.";
  }
  std::string out = "Asked " + times(s.asked);
  if (!s.since.empty()) {
    out += " since " + s.since;
  }
  out += ", of " + std::to_string(s.authorities) +
         (s.authorities == 1 ? " authority" : " authorities") + ":";
  std::vector<std::string> parts;
  auto count = [&](const char* outcome) {
    const auto it = s.outcomes.find(outcome);
    return it == s.outcomes.end() ? std::size_t{0} : it->second;
  };
  if (const auto n = count("granted"))
    parts.push_back("answered in full " + times(n));
  if (const auto n = count("partial"))
    parts.push_back("answered in part " + times(n));
  const std::size_t refused =
      count("refused") + count("ncnd") + count("cost_limit") + count("vexatious");
  if (refused > 0) {
    std::string r = "refused " + times(refused);
    if (!s.top_refusal_exemption.empty()) {
      r += " (mostly under " + catalog.label("exemption", s.top_refusal_exemption) + ")";
    }
    parts.push_back(r);
  }
  if (const auto n = count("not_held"))
    parts.push_back("information not held " + times(n));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? " " : (i + 1 == parts.size() ? " and " : ", ")) + parts[i];
  }
  return out + ".";
}

nlohmann::json match_view(const PriorMatch& m) {
  nlohmann::json ex = nlohmann::json::array();
  for (const auto& e : m.data.value("exemptions", nlohmann::json::array())) {
    if (e.is_string()) {
      ex.push_back({{"provision", e}, {"url", "/exemption/" + url_encode(e.get<std::string>())}});
    }
  }
  const std::string outcome = str(m.data, "outcome");
  return {{"url",
           "/doc/" + std::to_string(m.document_id) + "#q" + std::to_string(m.data.value("n", 0))},
          {"reference", str(m.data, "reference")},
          {"authority", str(m.data, "authority")},
          {"date", display_date(str(m.data, "date_responded"))},
          {"question", cut(str(m.data, "question"), kAnswerChars)},
          {"answer", cut(str(m.data, "answer"), kAnswerChars)},
          {"outcome", outcome},
          {"outcome_label", Catalog::outcome_label(outcome)},
          {"exemptions", ex},
          {"has_exemptions", !ex.empty()},
          {"percent", m.percent}};
}

std::array<std::vector<std::string>, kFacetCount> filters_of(const Params& params) {
  std::array<std::vector<std::string>, kFacetCount> f;
  for (const char* name : {"authority", "authority_type"}) {
    const auto [lo, hi] = params.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
      const std::string v(trim(it->second));
      if (v.empty())
        continue;
      if (v.size() > kMaxFilterValueBytes || !is_valid_utf8(v)) {
        throw UsageError(name, "is not a value foilog knows: choose one from the list");
      }
      f[*facet_index(name)].push_back(v);
    }
  }
  return f;
}

nlohmann::json options(const std::vector<std::pair<std::string, std::string>>& values,
                       const std::vector<std::string>& chosen) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [v, label] : values) {
    out.push_back({{"value", v},
                   {"label", label},
                   {"selected", std::find(chosen.begin(), chosen.end(), v) != chosen.end()}});
  }
  return out;
}

}  // namespace

Reply check_page(Site& site, const Params& params) {
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  const Catalog& catalog = *snap.catalog;
  const auto filters = filters_of(params);
  nlohmann::json v = base_view("Check before you ask", "check");
  std::string draft;
  if (const auto it = params.find("draft"); it != params.end()) {
    draft = it->second;
  }
  v["draft"] = draft;
  // The filter lists: authorities and types that have responses.
  std::vector<std::pair<std::string, std::string>> authorities, types;
  const auto& acol = snap.columns->column(*facet_index("authority"));
  for (const auto& a : acol.values) {
    authorities.emplace_back(a, catalog.label("authority", a));
  }
  std::sort(authorities.begin(), authorities.end(),
            [](const auto& x, const auto& y) { return x.second < y.second; });
  for (const auto& t : snap.columns->column(*facet_index("authority_type")).values) {
    types.emplace_back(t, Catalog::authority_type_label(t));
  }
  v["authority_options"] = options(authorities, filters[*facet_index("authority")]);
  v["type_options"] = options(types, filters[*facet_index("authority_type")]);
  if (params.count("draft") == 0) {
    return {200, "text/html; charset=utf-8", site.templates().render_page("check", v), {}};
  }
  DraftCheck result;
  try {
    result = ctx.prior->check(draft, filters);
  } catch (const UsageError& e) {
    // Shown on the form itself, with the draft kept, as the GOV.UK error pattern does.
    std::string msg = e.what();
    msg = "Your draft " + msg.substr(e.param().size() + 2) + ".";
    v["error"] = msg;
    v["page_title"] = "Error: Check before you ask";
    return {400, "text/html; charset=utf-8", site.templates().render_page("check", v), {}};
  }
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : result.questions) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& m : q.matches) {
      matches.push_back(match_view(m));
    }
    questions.push_back({{"n", q.n},
                         {"text", q.text},
                         {"empty", q.empty},
                         {"summary", q.empty ? "This line reads as request wording, not a question."
                                             : summary_sentence(q.summary, catalog)},
                         {"answered_by", q.summary.answered_by},
                         {"has_answered_by", !q.summary.answered_by.empty()},
                         {"matches", matches},
                         {"has_matches", !matches.empty()}});
  }
  v["questions"] = questions;
  v["has_results"] = true;
  v["question_count"] = result.questions.size();
  v["dropped"] = result.questions_dropped;
  v["has_dropped"] = result.questions_dropped > 0;
  v["draft_summary"] = summary_sentence(result.summary, catalog);
  v["answered_by"] = result.summary.answered_by;
  v["has_answered_by"] = !result.summary.answered_by.empty();
  return {200, "text/html; charset=utf-8", site.templates().render_page("check", v), {}};
}

Reply api_check(Site& site, const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw UsageError("body", "must be a JSON object such as {\"draft\": \"...\"}");
  }
  if (!j.contains("draft") || !j["draft"].is_string()) {
    throw UsageError("draft", "is missing: send {\"draft\": \"your request\"}");
  }
  Params params;
  params.emplace("draft", j["draft"].get<std::string>());
  for (const char* name : {"authority", "authority_type"}) {
    if (!j.contains(name))
      continue;
    const auto& v = j[name];
    if (v.is_string()) {
      params.emplace(name, v.get<std::string>());
    } else if (v.is_array()) {
      for (const auto& x : v) {
        if (!x.is_string())
          throw UsageError(name, "must be a list of strings");
        params.emplace(name, x.get<std::string>());
      }
    } else {
      throw UsageError(name, "must be a string or a list of strings");
    }
  }
  auto& ctx = site.context();
  const IndexSnapshot snap = site.snapshot(ctx);
  const DraftCheck result = ctx.prior->check(params.find("draft")->second, filters_of(params));
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : result.questions) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& m : q.matches) {
      matches.push_back(
          {{"document_id", m.document_id},
           {"url", "/doc/" + std::to_string(m.document_id)},
           {"reference", str(m.data, "reference")},
           {"authority", str(m.data, "authority")},
           {"authority_id", str(m.data, "authority_id")},
           {"date_responded",
            m.data.contains("date_responded") ? m.data["date_responded"] : nlohmann::json(nullptr)},
           {"question", str(m.data, "question")},
           {"answer", str(m.data, "answer")},
           {"outcome", str(m.data, "outcome")},
           {"exemptions", m.data.value("exemptions", nlohmann::json::array())},
           {"score", m.percent}});
    }
    nlohmann::json summary = summary_json(q.summary);
    summary["text"] = q.empty ? "" : summary_sentence(q.summary, *snap.catalog);
    questions.push_back({{"n", q.n}, {"text", q.text}, {"matches", matches}, {"summary", summary}});
  }
  nlohmann::json summary = summary_json(result.summary);
  summary["text"] = summary_sentence(result.summary, *snap.catalog);
  nlohmann::json out = {{"questions", questions},
                        {"summary", summary},
                        {"questions_dropped", result.questions_dropped}};
  return {200,
          "application/json",
          out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

}  // namespace foilog::web
