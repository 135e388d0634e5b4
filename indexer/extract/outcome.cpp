#include "extract/outcome.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "extract/outcome_cues.h"
#include "extract/questions_regions.h"

namespace foilog {

using outcome_detail::Cue;
using outcome_detail::ProvisionRole;

namespace {

using Range = std::pair<std::size_t, std::size_t>;

// What the text and the applied provisions say, with the first sentence for each cue.
struct Signals {
  std::optional<Span> cue[8];
  bool role[5] = {false, false, false, false, false};
  std::optional<Span> role_span[5];
  bool figures = false;

  [[nodiscard]] bool has(Cue c) const { return cue[static_cast<int>(c)].has_value(); }
  [[nodiscard]] bool has(ProvisionRole r) const { return role[static_cast<int>(r)]; }
  [[nodiscard]] Span why(Cue c, ProvisionRole r) const {
    if (has(c)) {
      return *cue[static_cast<int>(c)];
    }
    return role_span[static_cast<int>(r)].value_or(Span{});
  }
};

std::vector<Range> merged(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> out;
  for (const Range& r : ranges) {
    if (r.second <= r.first) {
      continue;
    }
    if (!out.empty() && r.first <= out.back().second) {
      out.back().second = std::max(out.back().second, r.second);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

bool inside(const Span& s, const std::vector<Range>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const Range& r) { return s.begin >= r.first && s.end <= r.second; });
}

Signals gather(std::string_view text, const std::vector<Range>& ranges,
               const std::vector<const ExemptionCitation*>& applied) {
  Signals s;
  for (const Range& r : ranges) {
    for (const auto& hit : outcome_detail::find_cues(text, r.first, r.second)) {
      auto& slot = s.cue[static_cast<int>(hit.cue)];
      if (!slot) {
        slot = hit.sentence;
      }
    }
    s.figures = s.figures || outcome_detail::gives_figures(text, r.first, r.second);
  }
  for (const ExemptionCitation* c : applied) {
    const auto role = static_cast<int>(outcome_detail::provision_role(*c));
    s.role[role] = true;
    if (!s.role_span[role] && !c->span.empty()) {
      s.role_span[role] = c->span;
    }
  }
  return s;
}

// `mixed`: some questions answered and others not, which makes any refusal a partial one.
OutcomeResult decide(const Signals& s, bool mixed, bool any_request) {
  if (s.has(Cue::ncnd) || s.has(ProvisionRole::ncnd)) {
    return {"ncnd", s.why(Cue::ncnd, ProvisionRole::ncnd)};
  }
  if (s.has(Cue::vexatious) || s.has(ProvisionRole::vexatious)) {
    return {"vexatious", s.why(Cue::vexatious, ProvisionRole::vexatious)};
  }
  if (s.has(Cue::cost_limit) || s.has(ProvisionRole::cost_limit)) {
    return {"cost_limit", s.why(Cue::cost_limit, ProvisionRole::cost_limit)};
  }
  const bool given = s.has(Cue::released) || s.figures;
  const bool some = mixed || s.has(Cue::partial);
  if (s.has(Cue::withheld) || s.has(ProvisionRole::withheld)) {
    const Span why = s.why(Cue::withheld, ProvisionRole::withheld);
    return {some || given ? "partial" : "refused",
            s.has(Cue::partial) ? *s.cue[static_cast<int>(Cue::partial)] : why};
  }
  if (s.has(Cue::not_held) || s.has(ProvisionRole::not_held)) {
    return {some || given ? "partial" : "not_held", s.why(Cue::not_held, ProvisionRole::not_held)};
  }
  if (some) {
    return {"partial", s.has(Cue::partial) ? *s.cue[static_cast<int>(Cue::partial)] : Span{}};
  }
  if (!given && (s.has(Cue::referral) || !any_request)) {
    // Pointing to the disclosure log without giving or refusing anything is not a decision.
    return {"other", s.has(Cue::referral) ? *s.cue[static_cast<int>(Cue::referral)] : Span{}};
  }
  return {"granted", s.has(Cue::released) ? *s.cue[static_cast<int>(Cue::released)] : Span{}};
}

}  // namespace

OutcomeResult classify_outcome(std::string_view text, std::vector<Question>& questions,
                               const std::vector<ExemptionCitation>& exemptions) {
  const auto regions = questions_detail::locate_regions(text);
  std::vector<Range> requests;
  std::vector<Range> analysed;
  for (const auto& pair : regions.pairs) {
    requests.emplace_back(pair.request.begin, pair.request.end);
    analysed.emplace_back(pair.response.begin, pair.response.end);
  }
  std::vector<Range> answers;
  for (const Question& q : questions) {
    answers.emplace_back(q.answer_span.begin, q.answer_span.end);
  }
  analysed.insert(analysed.end(), answers.begin(), answers.end());
  analysed = merged(std::move(analysed));
  if (analysed.empty()) {
    analysed.emplace_back(0, text.size());
  }

  // A provision the requester mentions ("if this exceeds the cost limit in section 12") is not
  // applied; the exemption extractor's spans tell, and a citation without a span is trusted.
  std::vector<const ExemptionCitation*> applied;
  for (const ExemptionCitation& c : exemptions) {
    if (c.span.empty() || !inside(c.span, requests) || inside(c.span, answers)) {
      applied.push_back(&c);
    }
  }

  // Per question: the answer's own words and the provisions it cites.
  bool any_granted = false;
  bool any_denied = false;
  for (Question& q : questions) {
    q.exemptions.clear();
    if (q.answer_span.empty()) {
      q.outcome = "other";
      continue;
    }
    std::vector<const ExemptionCitation*> cited;
    const std::string_view answer =
        text.substr(q.answer_span.begin, q.answer_span.end - q.answer_span.begin);
    for (const ExemptionCitation* c : applied) {
      const bool by_span = !c->span.empty() && c->span.begin >= q.answer_span.begin &&
                           c->span.end <= q.answer_span.end;
      if ((by_span || outcome_detail::cites_provision(answer, c->provision)) &&
          std::find(q.exemptions.begin(), q.exemptions.end(), c->provision) == q.exemptions.end()) {
        cited.push_back(c);
        q.exemptions.push_back(c->provision);
      }
    }
    const Signals s = gather(text, {{q.answer_span.begin, q.answer_span.end}}, cited);
    q.outcome = decide(s, false, true).outcome;
    if (q.n > 0) {
      any_granted = any_granted || q.outcome == "granted";
      any_denied = any_denied || (q.outcome != "granted" && q.outcome != "other");
    }
  }

  const Signals overall = gather(text, analysed, applied);
  return decide(overall, any_granted && any_denied, !questions.empty());
}

}  // namespace foilog
