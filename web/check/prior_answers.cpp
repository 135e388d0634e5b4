#include "check/prior_answers.h"

#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analytics/patterns.h"
#include "check/draft_words.h"
#include "extract/questions.h"
#include "schema/schema.h"
#include "search/plain_words.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

constexpr double kFeedbackWeight = 0.3;
constexpr double kContextWeight = 0.25;
constexpr unsigned kFeedbackDocs = 3;
constexpr unsigned kFeedbackTerms = 12;
// The context (the rest of the draft) is its most telling words, as many as the feedback has:
// the whole draft, ORed at a low weight into every question's query, was most of the check's
// time (an OR of 60 common words over every question document: 0.6-0.8 s for one question of a
// 10-question draft at 100,000 letters; bench/RESULTS.md, fifth round).
constexpr std::size_t kContextWords = kFeedbackTerms;

std::vector<std::string> read_words(const std::string& file) {
  std::vector<std::string> words;
  std::ifstream in(file);
  if (!in) {
    return words;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    std::istringstream ws(line);
    std::string w;
    while (ws >> w) {
      words.push_back(ascii_lower(w));
    }
  }
  return words;
}

std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Xapian::Query filter_query(const std::array<std::vector<std::string>, kFacetCount>& filters) {
  Xapian::Query q(std::string(schema::prefix::kDocType) + std::string(schema::doc_type::kQuestion));
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (filters[f].empty()) {
      continue;
    }
    std::vector<Xapian::Query> any;
    for (const auto& v : filters[f]) {
      any.emplace_back(std::string(kFacets[f].prefix) + v);
    }
    q = Xapian::Query(Xapian::Query::OP_AND, q,
                      Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  return q;
}

void summarise(CheckSummary& s, const std::vector<nlohmann::json>& asked) {
  std::set<std::string> authorities, answered;
  std::map<std::string, std::size_t> refusal_exemptions;
  for (const auto& d : asked) {
    ++s.asked;
    const std::string date = str(d, "date_responded");
    if (date.size() >= 4 && (s.since.empty() || date.substr(0, 4) < s.since)) {
      s.since = date.substr(0, 4);
    }
    const std::string authority = str(d, "authority");
    if (!authority.empty()) {
      authorities.insert(authority);
    }
    const std::string outcome = str(d, "outcome");
    ++s.outcomes[outcome.empty() ? "other" : outcome];
    if ((outcome == "granted" || outcome == "partial") && !authority.empty()) {
      answered.insert(authority);
    }
    if (is_refusal(outcome) || outcome == "partial") {
      for (const auto& e : d.value("exemptions", nlohmann::json::array())) {
        if (e.is_string()) {
          ++refusal_exemptions[e.get<std::string>()];
        }
      }
    }
  }
  s.authorities = authorities.size();
  s.answered_by.assign(answered.begin(), answered.end());
  std::size_t best = 0;
  for (const auto& [e, n] : refusal_exemptions) {
    if (n > best) {
      best = n;
      s.top_refusal_exemption = e;
    }
  }
}

}  // namespace

struct PriorAnswers::Impl {
  const Xapian::Database& db;
  Xapian::SimpleStopper stopper;
  Xapian::Stem stem{"en"};
  Xapian::QueryParser qp;
  PlainWords plain;

  Impl(const Xapian::Database& database, const Xapian::Database& lexicon,
       const std::string& stopwords_file)
      : db(database) {
    for (const auto& w : read_words(stopwords_file)) {
      stopper.add(w);
    }
    qp.set_database(lexicon);
    qp.set_stemmer(Xapian::Stem("en"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(&stopper);
    qp.set_default_op(Xapian::Query::OP_OR);
  }

  [[nodiscard]] std::vector<std::string> words_of(std::string_view text) const {
    return content_words(text, [this](const std::string& w) { return stopper(w); });
  }

  // Xapian's QueryParser keeps stopwords when they are all a query has; a question made only
  // of request wording must come out empty instead.
  [[nodiscard]] bool has_content_word(std::string_view text) const {
    return !words_of(text).empty();
  }

  // The context's most telling words, by the whole index's stemmed-term frequencies.
  [[nodiscard]] std::string context_words(std::string_view context) const {
    return telling_words(words_of(context), kContextWords, [this](const std::string& w) {
      return db.get_termfreq(std::string(schema::prefix::kStemmed) + stem(w));
    });
  }

  Xapian::Query parse(const std::string& text) {
    // Plain words only: a draft's "and", quotes and brackets are prose, not operators. No
    // positions either: "2011/12" is the two words, not a phrase. (Xapian 1.4 weights an OR of
    // phrases under a filter wrongly, and differently over several databases than over one.)
    constexpr unsigned kFlags = Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                                Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS |
                                Xapian::QueryParser::FLAG_NO_POSITIONS;
    try {
      return qp.parse_query(text, kFlags);
    } catch (const Xapian::QueryParserError&) {
      return Xapian::Query();
    }
  }
};

PriorAnswers::PriorAnswers(const Xapian::Database& db, const std::string& stopwords_file)
    : PriorAnswers(db, db, stopwords_file) {}

PriorAnswers::PriorAnswers(const Xapian::Database& db, const Xapian::Database& lexicon,
                           const std::string& stopwords_file)
    : impl_(std::make_unique<Impl>(db, lexicon, stopwords_file)) {}

PriorAnswers::~PriorAnswers() = default;

QuestionCheck PriorAnswers::check_question(
    const std::string& question, const std::array<std::vector<std::string>, kFacetCount>& filters,
    const CheckLimits& limits, const std::string& context) {
  QuestionCheck out;
  out.text = question;
  const Xapian::Query words =
      impl_->has_content_word(question) ? impl_->parse(question) : Xapian::Query();
  if (words.empty()) {
    out.empty = true;
    return out;
  }
  const Xapian::Query filter = filter_query(filters);
  Xapian::Enquire enquire(impl_->db);
  // Equal weights in document id order (then docid, which keeps one letter's questions in
  // order): Xapian's own tie order is by docid, which differs between one database and shards.
  enquire.set_sort_by_relevance_then_value(schema::slot::kDocId, false);

  // "Asked before": prior questions scoring near the best possible for these words.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words, filter));
  // The percentage cut is made here, on the percentages of the whole match: Xapian's own
  // set_cutoff() is applied by each remote shard to its own best match.
  const bool count_asked = limits.asked_scan > 0;
  Xapian::MSet first = enquire.get_mset(0, count_asked ? limits.asked_scan : kFeedbackDocs);
  first.fetch();  // every document at once: one round trip per shard, not one per match
  std::vector<nlohmann::json> asked;
  std::unordered_set<std::int64_t> seen;
  Xapian::RSet rset;
  for (auto it = first.begin(); it != first.end(); ++it) {
    if (count_asked && it.get_percent() < limits.asked_percent) {
      break;  // ranked by weight, so every later match is below the cut too
    }
    auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (data.is_discarded()) {
      continue;
    }
    const auto id = data.value("id", std::int64_t{0});
    if (!seen.insert(id).second) {
      continue;
    }
    if (rset.size() < kFeedbackDocs) {
      rset.add_document(*it);
    }
    if (count_asked) {
      asked.push_back(std::move(data));
    }
  }
  summarise(out.summary, asked);
  out.asked = asked;

  // The request's subject: the draft's other words, at a low weight, so "who supplied them?"
  // ranks the earlier questions about the same things first.
  Xapian::Query ranked = words;
  if (const Xapian::Query around = impl_->parse(impl_->context_words(context)); !around.empty()) {
    ranked = Xapian::Query(Xapian::Query::OP_OR, ranked,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, around, kContextWeight));
  }
  // Relevance feedback: the best matches' most telling words join the query, at a lower
  // weight, so a prior question worded differently still ranks.
  if (!rset.empty()) {
    // Exact term frequencies: over several databases Xapian otherwise weights each term by the
    // statistics of the shard the relevant document is in, not the whole index's.
    // Exact term frequencies: over several databases Xapian otherwise weights each term by the
    // statistics of the shard the document is in, not the whole index's.
    const Xapian::ESet eset =
        enquire.get_eset(kFeedbackTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &impl_->plain);
    if (!eset.empty()) {
      ranked =
          Xapian::Query(Xapian::Query::OP_OR, words,
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                      Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()),
                                      kFeedbackWeight));
    }
  }
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter));
  // Several questions of one letter may each match (a request about drones asks what they are,
  // who made them and what they cost): all are shown; "asked before" counts the letter once.
  Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(limits.matches_per_question));
  mset.fetch();
  for (auto it = mset.begin(); it != mset.end() && out.matches.size() < limits.matches_per_question;
       ++it) {
    PriorMatch m;
    m.data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (m.data.is_discarded()) {
      continue;
    }
    m.document_id = m.data.value("id", std::int64_t{0});
    m.score = it.get_weight();
    m.percent = it.get_percent();
    out.matches.push_back(std::move(m));
  }
  return out;
}

DraftCheck PriorAnswers::check(const std::string& draft,
                               const std::array<std::vector<std::string>, kFacetCount>& filters,
                               const CheckLimits& limits) {
  if (trim(draft).empty()) {
    throw UsageError("draft", "is empty: paste the request you plan to send");
  }
  if (draft.size() > limits.max_draft_bytes) {
    throw UsageError("draft", "is " + std::to_string(draft.size() / 1024) +
                                  " KB; the check reads at most " +
                                  std::to_string(limits.max_draft_bytes / 1024) +
                                  " KB: split it into several requests");
  }
  if (!is_valid_utf8(draft)) {
    throw UsageError("draft", "is not valid UTF-8 text: paste it again as plain text");
  }
  std::vector<SplitQuestion> split = split_request(draft);
  if (split.empty()) {
    split.push_back({1, collapse_whitespace(draft), {}});
  }
  DraftCheck out;
  if (split.size() > limits.max_questions) {
    out.questions_dropped = split.size() - limits.max_questions;
    split.resize(limits.max_questions);
  }
  // The draft's summary counts each prior response once, whichever questions it matched.
  std::vector<nlohmann::json> all_asked;
  std::unordered_set<std::int64_t> counted;
  bool any = false;
  for (const auto& q : split) {
    QuestionCheck c = check_question(q.text, filters, limits, draft);
    c.n = q.n;
    any = any || !c.empty;
    for (const auto& d : c.asked) {
      if (counted.insert(d.value("id", std::int64_t{0})).second) {
        all_asked.push_back(d);
      }
    }
    out.questions.push_back(std::move(c));
  }
  summarise(out.summary, all_asked);
  if (!any) {
    throw UsageError("draft",
                     "holds no question foilog can look for: it reads as the wording "
                     "every request shares (greetings, \"under the Freedom of "
                     "Information Act please provide\"). Add what you want to know");
  }
  return out;
}

nlohmann::json summary_json(const CheckSummary& s) {
  return {{"asked", s.asked},
          {"since", s.since.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.since)},
          {"authorities", s.authorities},
          {"outcomes", s.outcomes},
          {"top_refusal_exemption", s.top_refusal_exemption.empty()
                                        ? nlohmann::json(nullptr)
                                        : nlohmann::json(s.top_refusal_exemption)},
          {"answered_by", s.answered_by}};
}

}  // namespace foilog::web
