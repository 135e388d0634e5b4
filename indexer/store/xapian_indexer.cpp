#include "store/xapian_indexer.h"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "schema/schema.h"
#include "store/xapian_spelling.h"

namespace foilog {
namespace {

namespace prefix = schema::prefix;
namespace slot = schema::slot;

// Xapian rejects terms longer than this (glass limit 245 bytes, less room for the prefix).
constexpr std::size_t kMaxTermBytes = 240;

void add_boolean(Xapian::Document& doc, std::string_view pfx, std::string_view value) {
  if (value.empty()) {
    return;
  }
  std::string term(pfx);
  term += value;
  if (term.size() <= kMaxTermBytes) {
    doc.add_boolean_term(term);
  }
}

std::string yyyymmdd(const std::string& iso) {
  // "2020-05-23" -> "20200523"; anything else (unknown) -> "".
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') {
    return {};
  }
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string year_of(const Record& rec) {
  const std::string& iso =
      rec.date_responded.known() ? rec.date_responded.iso : rec.date_received.iso;
  return iso.size() >= 4 ? iso.substr(0, 4) : std::string();
}

std::vector<std::string> exemption_terms(const std::vector<std::string>& provisions) {
  std::set<std::string> terms;
  for (const auto& p : provisions) {
    terms.insert(p);
    terms.insert(schema::provision_parent(p));
  }
  return {terms.begin(), terms.end()};
}

std::vector<std::string> record_provisions(const Record& rec) {
  std::vector<std::string> out;
  for (const auto& e : rec.exemptions) {
    out.push_back(e.provision);
    if (!e.parent.empty()) {
      out.push_back(e.parent);
    }
  }
  return out;
}

// Facets a question shares with its response (who, when, what about, which law).
void add_shared_facets(Xapian::Document& doc, const Record& rec) {
  add_boolean(doc, prefix::kAuthority, rec.authority_id);
  add_boolean(doc, prefix::kAuthorityType, rec.authority_type);
  for (const auto& t : rec.topics) {
    add_boolean(doc, prefix::kTopic, t);
  }
  for (const auto& r : rec.regimes) {
    add_boolean(doc, prefix::kRegime, r);
  }
  add_boolean(doc, prefix::kYear, year_of(rec));
  add_boolean(doc, prefix::kKind, rec.kind);
  std::set<std::string> refs;
  if (!rec.reference.empty()) {
    refs.insert(schema::normalise_reference(rec.reference));
  }
  for (const auto& r : rec.references) {
    refs.insert(schema::normalise_reference(r));
  }
  for (const auto& r : refs) {
    add_boolean(doc, prefix::kReference, r);
  }
}

void add_values(Xapian::Document& doc, const Record& rec, std::int64_t id,
                std::string_view ingested_at, const std::string& outcome) {
  const std::string responded = yyyymmdd(rec.date_responded.iso);
  const std::string received = yyyymmdd(rec.date_received.iso);
  if (!responded.empty()) {
    doc.add_value(slot::kDateResponded, responded);
  }
  if (!received.empty()) {
    doc.add_value(slot::kDateReceived, received);
  }
  if (rec.working_days) {
    doc.add_value(slot::kWorkingDays, Xapian::sortable_serialise(*rec.working_days));
  }
  if (!rec.authority_id.empty()) {
    doc.add_value(slot::kAuthorityId, rec.authority_id);
  }
  if (!outcome.empty()) {
    doc.add_value(slot::kOutcome, outcome);
  }
  const std::string year = year_of(rec);
  if (!year.empty()) {
    doc.add_value(slot::kYear, year);
  }
  doc.add_value(slot::kDocId, std::to_string(id));
  std::string sort_date = !responded.empty() ? responded : received;
  if (sort_date.empty()) {
    sort_date = yyyymmdd(std::string(ingested_at.substr(0, 10)));
  }
  if (!sort_date.empty()) {
    doc.add_value(slot::kSortDate, sort_date);
  }
}

nlohmann::json nullable(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json summary(const Record& rec, std::int64_t id) {
  std::vector<std::string> provisions;
  for (const auto& e : rec.exemptions) {
    provisions.push_back(e.provision);
  }
  return {{"id", id},
          {"reference", rec.reference},
          {"authority", rec.authority},
          {"authority_id", rec.authority_id},
          {"date_responded", nullable(rec.date_responded.iso)},
          {"date_received", nullable(rec.date_received.iso)},
          {"outcome", rec.outcome},
          {"exemptions", provisions},
          {"topics", rec.topics},
          {"title", rec.title},
          {"kind", rec.kind}};
}

void add_synonym_terms(Xapian::Document& doc, const std::vector<std::string>& terms) {
  for (const auto& t : terms) {
    doc.add_term(t);
  }
}

}  // namespace

std::vector<std::string> question_keys(const std::vector<Question>& questions) {
  std::map<int, int> seen;
  std::vector<std::string> keys;
  for (const auto& q : questions) {
    const int count = ++seen[q.n];
    keys.push_back(count == 1 ? std::to_string(q.n)
                              : std::to_string(q.n) + "-" + std::to_string(count));
  }
  return keys;
}

XapianIndexer::XapianIndexer(const std::vector<SynonymPair>& synonyms) : expander_(synonyms) {}

std::vector<IndexedDocument> XapianIndexer::build(const Record& rec, std::int64_t id,
                                                  std::string_view ingested_at,
                                                  Xapian::WritableDatabase* spelling_db) const {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("en"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (spelling_db != nullptr) {
    tg.set_database(*spelling_db);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }

  std::vector<IndexedDocument> out;

  // ---- the response ----
  Xapian::Document doc;
  tg.set_document(doc);
  if (!rec.title.empty()) {
    tg.index_text(rec.title, 1, std::string(prefix::kTitle));
    tg.index_text(rec.title);
    tg.increase_termpos();
  }
  if (!rec.authority.empty()) {
    tg.index_text(rec.authority, 1, std::string(prefix::kAuthorityText));
    tg.index_text(rec.authority);
    tg.increase_termpos();
  }
  tg.index_text(rec.text);
  add_synonym_terms(doc, expander_.terms_for_text(rec.title + "\n" + rec.text));

  const std::string id_term = schema::document_id_term(id);
  doc.add_boolean_term(id_term);
  add_boolean(doc, prefix::kDocType, schema::doc_type::kDocument);
  add_shared_facets(doc, rec);
  add_boolean(doc, prefix::kOutcome, rec.outcome);
  for (const auto& t : exemption_terms(record_provisions(rec))) {
    add_boolean(doc, prefix::kExemption, t);
  }
  add_values(doc, rec, id, ingested_at, rec.outcome);
  doc.set_data(summary(rec, id).dump());
  out.push_back({id_term, std::move(doc), true});

  // ---- one per question; no spelling data, the response already added these words ----
  Xapian::TermGenerator qtg;
  qtg.set_stemmer(Xapian::Stem("en"));
  qtg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  const std::vector<std::string> keys = question_keys(rec.questions);
  for (std::size_t i = 0; i < rec.questions.size(); ++i) {
    const Question& q = rec.questions[i];
    Xapian::Document qdoc;
    qtg.set_document(qdoc);
    qtg.index_text(q.text);
    // The answer's words are searchable but carry no positions: phrases in question mode are
    // matched within the question's own wording. Answers are most of a question document's
    // text (a single-question letter's answer is nearly the whole letter, which the response
    // document already holds with positions). Without their positions the position table
    // is 47% smaller and a 10,000-letter ingest 9% quicker (bench/RESULTS.md, fifth round).
    qtg.index_text_without_positions(q.answer);
    if (!rec.authority.empty()) {
      qtg.index_text(rec.authority, 1, std::string(prefix::kAuthorityText));
    }
    add_synonym_terms(qdoc, expander_.terms_for_text(q.text + "\n" + q.answer));

    const std::string qid_term = schema::question_id_term(id, keys[i]);
    qdoc.add_boolean_term(qid_term);
    add_boolean(qdoc, prefix::kDocType, schema::doc_type::kQuestion);
    add_boolean(qdoc, prefix::kParent, std::to_string(id));
    add_shared_facets(qdoc, rec);
    // A question's own outcome and exemptions when the extractor aligned them; else the
    // response's, so filtering questions by "refused" or "s40" still finds them.
    const std::string& outcome = q.outcome.empty() ? rec.outcome : q.outcome;
    add_boolean(qdoc, prefix::kOutcome, outcome);
    const auto provisions = q.exemptions.empty() ? record_provisions(rec) : q.exemptions;
    for (const auto& t : exemption_terms(provisions)) {
      add_boolean(qdoc, prefix::kExemption, t);
    }
    add_values(qdoc, rec, id, ingested_at, outcome);
    nlohmann::json data = summary(rec, id);
    data["n"] = q.n;
    data["question"] = q.text;
    data["answer"] = q.answer;
    data["outcome"] = outcome;
    data["exemptions"] = q.exemptions;
    qdoc.set_data(data.dump());
    out.push_back({qid_term, std::move(qdoc), false});
  }
  return out;
}

void XapianIndexer::replace(Xapian::WritableDatabase& db, const Record& rec, std::int64_t id,
                            std::string_view ingested_at, bool add_spelling) const {
  auto documents = build(rec, id, ingested_at);
  replace_built(db, id, documents, add_spelling);
}

void XapianIndexer::replace_built(Xapian::WritableDatabase& db, std::int64_t id,
                                  std::vector<IndexedDocument>& documents, bool add_spelling) {
  // Questions first: their count may have changed since the last version.
  db.delete_document(std::string(prefix::kParent) + std::to_string(id));
  for (auto& indexed : documents) {
    db.replace_document(indexed.id_term, indexed.document);
    if (add_spelling && indexed.spelled) {
      foilog::add_spelling(db, spelling_of(indexed.document));
    }
  }
}

void XapianIndexer::remove(Xapian::WritableDatabase& db, std::int64_t id) {
  db.delete_document(std::string(prefix::kParent) + std::to_string(id));
  db.delete_document(schema::document_id_term(id));
}

}  // namespace foilog
