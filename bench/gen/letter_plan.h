// The facts of one synthetic response, decided before any text is written: who answers, under
// which Act, about what, the outcome, each question's fate, the reference and the dates. The
// label file is derived from these facts plus what the text actually cites (letter_text.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/rng.h"
#include "gen/corpus_model.h"
#include "gen/dates_text.h"

namespace foilog::bench {

enum class AnswerKind { kGiven, kWithheld, kNotHeld };

struct QuestionPlan {
  std::string text;
  AnswerKind answer = AnswerKind::kGiven;
  const ExemptionInfo* provision = nullptr;  // kWithheld
  std::string phrase;                        // the topic phrase the question is about
};

enum class Layout { kLetter, kDisclosureLog, kNotice };
enum class Numbering { kDot, kParen, kQ, kQuestion };

struct LetterPlan {
  const AuthorityInfo* authority = nullptr;
  std::string act;  // FOIA, FOISA, EIR
  const TopicPhrases* topic = nullptr;
  std::string outcome;  // granted partial refused not_held ncnd cost_limit vexatious
  bool itemised = true;
  std::vector<QuestionPlan> questions;         // one unnumbered question when !itemised
  std::vector<const ExemptionInfo*> withheld;  // distinct provisions withholding answers
  const ExemptionInfo* ncnd = nullptr;         // outcome ncnd
  std::string reference;                       // empty: the letter prints none
  std::optional<Date> received, responded;     // nullopt: the letter prints none
  DateStyle date_style = DateStyle::kLong;
  Layout layout = Layout::kLetter;
  Numbering numbering = Numbering::kDot;
  bool refusal_notice = false;  // cites the refusal-notice section (FOIA s17, FOISA s16)
  bool advice = false;          // cites advice and assistance (FOIA s16, FOISA s15)
  bool review_section = false;  // cites the review section (FOISA s20(1)) or FOIA s50
  std::size_t target_bytes = 6000;
  std::string requester;  // "Mr Smith", or empty for "Sir/Madam"
  std::string signatory, role;
};

[[nodiscard]] LetterPlan plan_letter(const CorpusModel& model, Rng& rng);

}  // namespace foilog::bench
