#include "extract/extract_record.h"

#include <algorithm>

#include "extract/authority.h"
#include "extract/dates.h"
#include "extract/exemptions.h"
#include "extract/kind.h"
#include "extract/outcome.h"
#include "extract/personal_data.h"
#include "extract/questions.h"
#include "extract/reference.h"
#include "extract/regime.h"
#include "extract/topics.h"
#include "util/date.h"

namespace foilog {
namespace {

constexpr int kStatutoryWorkingDays = 20;

void fill_exemption_taxonomy(std::vector<ExemptionCitation>& cites, const ExemptionTable& table) {
  for (auto& c : cites) {
    if (const ExemptionInfo* info = table.find(c.act, c.provision)) {
      if (c.title.empty()) {
        c.title = info->title;
      }
      c.absolute = info->absolute;
      c.ncnd = info->ncnd;
    }
    c.parent = table.parent_of(c.act, c.provision);
    if (c.parent.empty()) {
      c.parent = c.provision;
    }
  }
}

}  // namespace

void compute_timeliness(Record& record, const BankHolidays& holidays) {
  record.working_days.reset();
  record.within_limit.reset();
  const DateFact& start =
      record.date_clarified.known() ? record.date_clarified : record.date_received;
  const auto from = parse_iso_date(start.iso);
  const auto to = parse_iso_date(record.date_responded.iso);
  if (!from || !to || *to < *from) {
    return;
  }
  record.working_days = working_days_between(*from, *to, holidays);
  record.within_limit = *record.working_days <= kStatutoryWorkingDays;
}

Record extract_record(const DocumentText& doc, const Taxonomies& taxonomies,
                      const ExtractHints& hints, std::string file) {
  Record r;
  r.file = std::move(file);
  r.text = doc.text;
  r.format = doc.format;
  r.ocr = doc.ocr;
  r.title = doc.title;
  const std::string_view text = r.text;

  auto refs = extract_references(text, doc.title);
  r.reference = std::move(refs.primary);
  r.reference_span = refs.span;
  r.references = std::move(refs.all);
  r.decision_notices = std::move(refs.decision_notices);

  auto dates = extract_dates(text);
  r.date_received = dates.received;
  r.date_clarified = dates.clarified;
  r.date_responded = dates.responded;
  r.date_internal_review = dates.internal_review;
  // An e-mailed response is dated by its Date header when the letter itself
  // carries no date.
  if (!r.date_responded.known()) {
    if (auto it = doc.metadata.find("email.date"); it != doc.metadata.end()) {
      r.date_responded.iso = it->second;
    }
  }
  compute_timeliness(r, taxonomies.bank_holidays);

  AuthorityHints ah;
  ah.default_authority = hints.default_authority;
  ah.source_url = hints.source_url;
  if (auto it = doc.metadata.find("source_url");
      ah.source_url.empty() && it != doc.metadata.end()) {
    ah.source_url = it->second;
  }
  if (auto it = doc.metadata.find("email.from"); it != doc.metadata.end()) {
    ah.email_from = it->second;
  }
  auto auth = extract_authority(text, taxonomies.authorities, ah);
  r.authority = std::move(auth.name);
  r.authority_id = std::move(auth.id);
  r.authority_known = auth.known;
  r.authority_type = std::move(auth.type);
  r.authority_country = std::move(auth.country);
  r.authority_span = auth.span;

  // The authority's country decides which FOI law a letter that names no Act falls under.
  r.regimes = with_implied_regime(extract_regimes(text), text, r.authority_country);
  auto ex = extract_exemptions(text, r.regimes, taxonomies.exemptions);
  r.exemptions = std::move(ex.exemptions);
  r.procedural = std::move(ex.procedural);
  fill_exemption_taxonomy(r.exemptions, taxonomies.exemptions);

  r.questions = extract_questions(text);
  // Also gives each question its outcome and the provisions its answer cites.
  auto outcome = classify_outcome(text, r.questions, r.exemptions);
  r.outcome = std::move(outcome.outcome);
  r.outcome_span = outcome.span;

  r.topics = assign_topics(text, doc.title, taxonomies.topics);
  r.kind = classify_kind(text, doc.title);
  r.warnings = find_personal_data(text);
  return r;
}

}  // namespace foilog
