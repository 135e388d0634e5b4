// "Before you file": a draft request split into questions (the indexer's own splitter,
// split_request), and for each question the prior questions most like it across all published
// responses, with a summary of how they were answered.
//
// Matching is lexical but tuned for requests: words every request shares (data/check-
// stopwords.txt: "please provide any information you hold regarding") are dropped; what is left
// is an OR query with English stemming and the index's synonyms (SIEM / security information and
// event management, CCTV / closed circuit television, ...), run over question documents; the
// best few answers then feed Xapian relevance feedback (pseudo-relevance: their most telling
// words join the query at a lower weight), so a question worded differently from the earlier
// one still finds it. "Asked before" counts a response once, however many of its questions match.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/facet_columns.h"
#include "search/facets.h"

namespace foilog::web {

struct CheckLimits {
  std::size_t max_draft_bytes = 100 * 1024;
  std::size_t max_questions = 100;
  std::size_t matches_per_question = 5;
  // A prior question counts as "asked before" at this share of the best possible score.
  int asked_percent = 45;
  // How many prior questions the "asked before" count looks at; 0 skips the count (similar
  // responses need only the ranked matches).
  unsigned asked_scan = 500;
};

struct PriorMatch {
  std::int64_t document_id = 0;
  nlohmann::json data;  // the indexed question summary: reference, authority, question, answer...
  double score = 0;     // Xapian weight
  int percent = 0;
};

struct CheckSummary {
  std::size_t asked = 0;  // prior questions like it (one per response)
  std::string since;      // earliest year among them, "" when unknown
  std::size_t authorities = 0;
  std::map<std::string, std::size_t> outcomes;  // outcome -> count among the asked
  std::string top_refusal_exemption;            // most cited provision among refusals
  std::vector<std::string> answered_by;         // authorities that granted (in full or part)
};

struct QuestionCheck {
  int n = 0;
  std::string text;
  bool empty = false;  // nothing left once request boilerplate is dropped
  std::vector<PriorMatch> matches;
  CheckSummary summary;
  std::vector<nlohmann::json> asked;  // the prior questions the summary counts
};

struct DraftCheck {
  std::vector<QuestionCheck> questions;
  std::size_t questions_dropped = 0;  // beyond max_questions
  CheckSummary summary;               // over every question's "asked" set
};

class PriorAnswers {
 public:
  // stopwords_file: data/check-stopwords.txt (missing file: English defaults only). Throws
  // DataError naming an unreadable file.
  PriorAnswers(const Xapian::Database& db, const std::string& stopwords_file);
  // lexicon: where QueryParser reads synonyms (Site::Context::lexicon); both must outlive this.
  PriorAnswers(const Xapian::Database& db, const Xapian::Database& lexicon,
               const std::string& stopwords_file);
  ~PriorAnswers();
  PriorAnswers(const PriorAnswers&) = delete;
  PriorAnswers& operator=(const PriorAnswers&) = delete;

  // Throws UsageError("draft", ...) for an empty or oversized draft, or one that holds no
  // question once boilerplate is dropped (a message the page shows as is).
  // filters: by kFacets index (authority and authority_type are what the page offers).
  [[nodiscard]] DraftCheck check(const std::string& draft,
                                 const std::array<std::vector<std::string>, kFacetCount>& filters,
                                 const CheckLimits& limits = {});

  // One question's matches (for "similar responses" and the eval command).
  // context: the rest of the draft (its other questions and introduction), which ranks a
  // question that leans on it ("who supplied them?") towards the same subject; may be empty.
  // Only its most telling words are used (check/draft_words.h).
  [[nodiscard]] QuestionCheck check_question(
      const std::string& question, const std::array<std::vector<std::string>, kFacetCount>& filters,
      const CheckLimits& limits = {}, const std::string& context = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

[[nodiscard]] nlohmann::json summary_json(const CheckSummary& s);

}  // namespace foilog::web
