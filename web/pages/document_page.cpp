// /doc/ID (the response with its evidence), /doc/ID/original, /api/documents/ID.
#include <fstream>
#include <map>
#include <sstream>

#include "check/prior_answers.h"
#include "extract/record_json.h"
#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/search_view.h"
#include "render/html.h"
#include "render/url.h"
#include "search/similar.h"
#include "store/sha256.h"

namespace foilog::web {
namespace {

struct Row {
  std::string key, value, href, evidence;
};

void add_span(std::vector<Highlight>& spans, const Span& s, const std::string& label,
              const std::string& id) {
  if (!s.empty()) {
    spans.push_back({s.begin, s.end, label, id});
  }
}

nlohmann::json row(const std::string& key, const std::string& value, const std::string& href = {},
                   const std::string& evidence = {}) {
  return {{"key", key}, {"value", value}, {"href", href}, {"evidence", evidence}};
}

// Similar responses: the same matching as the pre-filing check, run on this letter's own
// questions (each with the rest of the request as context); responses ranked by their best
// match. A letter without questions falls back to relevance feedback on its whole text.
std::vector<SimilarHit> similar_responses(Site::Context& ctx, const Record& r, std::int64_t id,
                                          std::size_t k) {
  std::string context;
  for (const auto& q : r.questions) {
    context += q.text + "\n";
  }
  std::map<std::int64_t, std::pair<int, nlohmann::json>> best;  // id -> (percent, data)
  CheckLimits limits;
  limits.matches_per_question = 8;
  limits.asked_scan = 0;  // only the ranked matches; the summary is the check page's
  for (const auto& q : r.questions) {
    if (q.text.empty()) {
      continue;
    }
    for (const auto& m : ctx.prior->check_question(q.text, {}, limits, context).matches) {
      if (m.document_id == id) {
        continue;
      }
      auto& slot = best[m.document_id];
      if (m.percent > slot.first) {
        slot = {m.percent, m.data};
      }
    }
  }
  std::vector<std::pair<int, SimilarHit>> ranked;
  for (auto& [doc, entry] : best) {
    ranked.push_back({entry.first, SimilarHit{doc, entry.second}});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<SimilarHit> out;
  for (auto& [percent, hit] : ranked) {
    if (out.size() >= k) {
      break;
    }
    out.push_back(std::move(hit));
  }
  return out.empty() ? similar_documents(ctx.xapian, id, static_cast<unsigned>(k)) : out;
}

// Each fact the authority corrected (table `corrections`), with when it last did: the page says
// so beside the value, since the letter's words are no longer its evidence.
std::map<std::string, std::string> corrections_of(Site::Context& ctx, std::int64_t id) {
  std::map<std::string, std::string> out;
  auto st = ctx.store_of(id).prepare(
      "SELECT field, at FROM corrections WHERE document_id = ?1 ORDER BY id");
  st.bind(1, id);
  while (st.step()) {
    out[st.text(0)] = st.text(1);
  }
  return out;
}

// Marks the summary rows of corrected facts and adds a row listing them all.
void mark_corrected(nlohmann::json& rows, const std::map<std::string, std::string>& corrected) {
  static const std::map<std::string, std::string> kRowField = {
      {"Authority", "authority"},     {"Reference", "reference"}, {"Received", "date_received"},
      {"Answered", "date_responded"}, {"Outcome", "outcome"},     {"Law", "regimes"}};
  static const std::map<std::string, std::string> kLabels = {{"authority", "authority"},
                                                             {"reference", "reference"},
                                                             {"title", "title"},
                                                             {"date_received", "date received"},
                                                             {"date_responded", "date answered"},
                                                             {"outcome", "outcome"},
                                                             {"regimes", "law"},
                                                             {"exemptions", "exemptions"},
                                                             {"questions", "questions and answers"},
                                                             {"topics", "topics"}};
  if (corrected.empty()) {
    return;
  }
  for (auto& r : rows) {
    const auto f = kRowField.find(r["key"].get<std::string>());
    if (f != kRowField.end() && corrected.count(f->second) != 0) {
      r["value"] = r["value"].get<std::string>() + " (corrected by the authority)";
    }
  }
  std::string list;
  for (const auto& [field, at] : corrected) {
    const auto l = kLabels.find(field);
    list += (list.empty() ? "" : ", ") + (l == kLabels.end() ? field : l->second);
  }
  rows.push_back(row("Corrected by the authority", list));
}

}  // namespace

Reply document_page(Site& site, const std::string& id) {
  auto& ctx = site.context();
  const StoredDocument doc = load_document(ctx, id);
  const IndexSnapshot snap = site.snapshot(ctx);
  const Catalog& catalog = *snap.catalog;
  const Record& r = doc.record;

  std::vector<Highlight> spans;
  add_span(spans, r.authority_span, "Authority", "ev-authority");
  add_span(spans, r.reference_span, "Reference", "ev-reference");
  add_span(spans, r.date_received.span, "Date received", "ev-received");
  add_span(spans, r.date_responded.span, "Date of response", "ev-responded");
  add_span(spans, r.outcome_span, "Outcome", "ev-outcome");
  for (std::size_t i = 0; i < r.exemptions.size(); ++i) {
    add_span(spans, r.exemptions[i].span, "Exemption " + r.exemptions[i].provision,
             "ev-exemption-" + std::to_string(i));
  }
  auto ev = [&](const Span& s, const std::string& id_) {
    return s.empty() ? std::string() : "#" + id_;
  };

  const std::string title = !r.reference.empty() ? r.reference + " — " + r.authority
                            : !r.title.empty()   ? r.title
                                                 : "Response from " + r.authority;
  nlohmann::json v = base_view(title, "search");
  v["title"] = title;
  v["id"] = doc.id;
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back(row("Authority", r.authority.empty() ? "Not found in the letter" : r.authority,
                     r.authority_id.empty() ? "" : "/authority/" + url_encode(r.authority_id),
                     ev(r.authority_span, "ev-authority")));
  rows.push_back(row("Reference", r.reference.empty() ? "None printed" : r.reference, "",
                     ev(r.reference_span, "ev-reference")));
  rows.push_back(row("Received",
                     r.date_received.known() ? display_date(r.date_received.iso) : "Not stated", "",
                     ev(r.date_received.span, "ev-received")));
  rows.push_back(row("Answered",
                     r.date_responded.known() ? display_date(r.date_responded.iso) : "Not stated",
                     "", ev(r.date_responded.span, "ev-responded")));
  rows.push_back(row("Time taken", working_days_text(r)));
  rows.push_back(row("Outcome", Catalog::outcome_label(r.outcome),
                     r.outcome.empty() ? "" : with_query("/search", {{"outcome", r.outcome}}),
                     ev(r.outcome_span, "ev-outcome")));
  std::string regimes;
  for (const auto& g : r.regimes) {
    regimes += (regimes.empty() ? "" : ", ") + Catalog::regime_label(g);
  }
  rows.push_back(row("Law", regimes.empty() ? "Not stated" : regimes));
  mark_corrected(rows, corrections_of(ctx, doc.id));
  v["rows"] = rows;
  v["late"] = r.within_limit.has_value() && !*r.within_limit;

  nlohmann::json exemptions = nlohmann::json::array();
  for (std::size_t i = 0; i < r.exemptions.size(); ++i) {
    const auto& e = r.exemptions[i];
    exemptions.push_back(
        {{"provision", e.provision},
         {"title", e.title.empty() ? catalog.label("exemption", e.provision) : e.title},
         {"act", e.act},
         {"absolute", e.absolute},
         {"ncnd", e.ncnd},
         {"url", "/exemption/" + url_encode(e.provision)},
         {"facet_url", with_query("/search", {{"exemption", e.provision}})},
         {"evidence", ev(e.span, "ev-exemption-" + std::to_string(i))}});
  }
  v["exemptions"] = exemptions;
  v["has_exemptions"] = !exemptions.empty();
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : r.topics) {
    topics.push_back(
        {{"label", catalog.label("topic", t)}, {"url", with_query("/search", {{"topic", t}})}});
  }
  v["topics"] = topics;
  v["has_topics"] = !topics.empty();

  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : r.questions) {
    nlohmann::json qe = nlohmann::json::array();
    for (const auto& p : q.exemptions) {
      qe.push_back({{"provision", p}, {"url", "/exemption/" + url_encode(p)}});
    }
    questions.push_back(
        {{"n", q.n},
         {"numbered", q.n > 0},
         {"anchor", "q" + std::to_string(q.n)},
         {"text", q.text},
         {"answer", q.answer.empty() ? "No answer was aligned to this question." : q.answer},
         {"outcome_label", Catalog::outcome_label(q.outcome)},
         {"exemptions", qe},
         {"has_exemptions", !qe.empty()}});
  }
  v["questions"] = questions;
  v["has_questions"] = !questions.empty();
  v["text_html"] = highlight_text(r.text, spans);
  v["ocr"] = r.ocr;
  v["format"] = r.format;

  nlohmann::json similar = nlohmann::json::array();
  auto similar_hits = snap.similar->find(doc.id);
  if (!similar_hits) {
    similar_hits = similar_responses(ctx, r, doc.id, 5);
    snap.similar->remember(doc.id, *similar_hits);
  }
  for (const auto& s : *similar_hits) {
    similar.push_back(
        {{"url", "/doc/" + std::to_string(s.id)},
         {"reference", s.data.value("reference", "")},
         {"authority", s.data.value("authority", "")},
         {"date", display_date(s.data.value("date_responded", nlohmann::json("")).is_string()
                                   ? s.data["date_responded"].get<std::string>()
                                   : std::string())},
         {"outcome_label", Catalog::outcome_label(s.data.value("outcome", ""))}});
  }
  v["similar"] = similar;
  v["has_similar"] = !similar.empty();
  v["json_href"] = "/api/documents/" + std::to_string(doc.id);
  v["original_href"] = "/doc/" + std::to_string(doc.id) + "/original";
  return {200, "text/html; charset=utf-8", site.templates().render_page("document", v), {}};
}

Reply document_text(Site& site, const std::string& id) {
  auto& ctx = site.context();
  const StoredDocument doc = load_document(ctx, id);
  const std::string path = doc.source.value("path", "");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw HttpError(404, "The original file of this response is no longer on the server.");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string body = bytes.str();
  // Only the file that was indexed: if it changed on disk since, it is not this response.
  if (sha256_hex(body) != doc.source.value("sha256", "")) {
    throw HttpError(404, "The original file has changed since it was indexed; reindex it.");
  }
  Reply reply;
  reply.body = body;
  const std::string format = doc.source.value("format", "");
  const std::string name = "response-" + std::to_string(doc.id);
  if (format == "pdf") {
    reply.content_type = "application/pdf";
    reply.headers.emplace_back("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
  } else if (format == "text" || format == "markdown") {
    reply.content_type = "text/plain; charset=utf-8";
  } else {
    // HTML, e-mail and Word files are someone else's markup: never render them on our origin.
    reply.content_type = "application/octet-stream";
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + name + "." + format + "\"");
  }
  reply.headers.emplace_back("Content-Security-Policy", "sandbox; default-src 'none'");
  return reply;
}

Reply api_document(Site& site, const std::string& id) {
  auto& ctx = site.context();
  const StoredDocument doc = load_document(ctx, id);
  nlohmann::json body = public_record_json(doc.record, true);
  body["id"] = doc.id;
  body["url"] = "/doc/" + std::to_string(doc.id);
  body["source"] = doc.source;
  body["source"].erase("path");  // a server path tells the public nothing and leaks layout
  nlohmann::json corrections = nlohmann::json::array();
  for (const auto& [field, at] : corrections_of(ctx, doc.id)) {
    corrections.push_back({{"field", field}, {"at", at}, {"by", "the authority"}});
  }
  body["corrections"] = corrections;
  return {200,
          "application/json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

}  // namespace foilog::web
