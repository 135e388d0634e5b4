#include "gen/letter_plan.h"

#include <algorithm>
#include <cmath>

#include "gen/references.h"

namespace foilog::bench {
namespace {

const std::vector<std::string> kFirstNames = {"Sarah",   "James", "Emma",   "David",   "Rachel",
                                              "Michael", "Helen", "Andrew", "Laura",   "Peter",
                                              "Claire",  "Mark",  "Joanne", "Stephen", "Louise",
                                              "Gareth",  "Fiona", "Iain",   "Megan",   "Owen"};
const std::vector<std::string> kSurnames = {
    "Smith",    "Jones",  "Taylor",   "Brown",  "Williams", "Wilson", "Johnson",  "Davies",
    "Robinson", "Wright", "Thompson", "Evans",  "Walker",   "White",  "Roberts",  "Green",
    "Hall",     "Wood",   "Jackson",  "Clarke", "Patel",    "Khan",   "Campbell", "Stewart",
    "Murray",   "Hughes", "Morgan",   "Lewis",  "Price",    "Reid"};
const std::vector<std::string> kRoles = {"Freedom of Information Officer",
                                         "Information Governance Officer",
                                         "Information Rights Manager",
                                         "Data Protection and FOI Lead",
                                         "Information Access Team",
                                         "Corporate Information Officer",
                                         "Disclosure Officer",
                                         "Information Compliance Manager"};

// Question wording; {p} is a topic phrase.
const std::vector<std::string> kQuestionTemplates = {
    "How many {p} cases has your organisation recorded in each of the last three years?",
    "Please provide the total number of {p} reports received in each of the last five years.",
    "Does your organisation have a written policy on {p}? If so, please provide a copy.",
    "What was the total amount spent on {p} in each of the last three financial years?",
    "Who is the current supplier for {p}, and when does the current contract end?",
    "Please list the measures currently in place in relation to {p}.",
    "How many staff are employed to work on {p}, broken down by grade?",
    "Please provide any internal guidance issued to staff about {p}.",
    "How many complaints about {p} were received in the last two years?",
    "Please provide a breakdown of {p} by month for the last twelve months.",
    "Has your organisation commissioned any reviews of {p}? If so, please provide copies.",
    "What is the name and job title of the officer responsible for {p}?",
};

std::string question_text(const std::string& phrase, Rng& rng) {
  std::string t = rng.pick(kQuestionTemplates);
  t.replace(t.find("{p}"), 3, phrase);
  return t;
}

std::string draw_outcome(Rng& rng, const std::string& act) {
  for (;;) {
    const double u = rng.unit();
    const std::string o = u < 0.36   ? "granted"
                          : u < 0.60 ? "partial"
                          : u < 0.72 ? "refused"
                          : u < 0.82 ? "not_held"
                          : u < 0.93 ? "cost_limit"
                          : u < 0.97 ? "ncnd"
                                     : "vexatious";
    // EIR's cost and vexatious equivalent is reg12(4)(b), which letters word too many ways to
    // label reliably; redraw.
    if (act == "EIR" && (o == "cost_limit" || o == "vexatious")) {
      continue;
    }
    return o;
  }
}

const ExemptionInfo* draw_provision(const ActProvisions& p, Rng& rng) {
  // Zipf-like: the popular head first.
  static const Zipf rank(64, 1.1);
  const std::size_t r = rank.sample(rng);
  return p.withholding[r % p.withholding.size()];
}

std::size_t draw_size(Rng& rng) {
  // Log-normal, median 5.6 KB, sigma 0.55 (mean about 6 KB), clipped to 1-20 KB.
  const double u1 = std::max(rng.unit(), 1e-12);
  const double u2 = rng.unit();
  const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * 3.14159265358979 * u2);
  const double bytes = 5600.0 * std::exp(0.55 * normal);
  return static_cast<std::size_t>(std::clamp(bytes, 1100.0, 20000.0));
}

}  // namespace

LetterPlan plan_letter(const CorpusModel& model, Rng& rng) {
  LetterPlan p;
  p.authority = &model.authority(rng);
  p.topic = &model.topic(rng);
  if (p.authority->country == "scotland") {
    p.act = "FOISA";
  } else if ((p.topic->id == "environment" || p.topic->id == "planning-licensing") &&
             rng.chance(0.5)) {
    p.act = "EIR";
  } else {
    p.act = "FOIA";
  }
  p.outcome = draw_outcome(rng, p.act);
  const auto& provisions = model.provisions(p.act);

  // Questions: a quarter of requests are not itemised; an itemised one has two or more.
  p.itemised = p.outcome == "partial" || rng.chance(0.75);
  int n = 1;
  if (p.itemised) {
    n = std::min(12, 1 + static_cast<int>(-std::log(std::max(rng.unit(), 1e-9)) * 3.0));
    n = std::max(n, 2);  // a list of one is not an itemised request
  }
  for (int i = 0; i < n; ++i) {
    QuestionPlan q;
    q.phrase = rng.pick(p.topic->phrases);
    q.text = question_text(q.phrase, rng);
    p.questions.push_back(std::move(q));
  }

  const auto add_withheld = [&](QuestionPlan& q, const ExemptionInfo* e) {
    q.answer = AnswerKind::kWithheld;
    q.provision = e;
    if (std::find(p.withheld.begin(), p.withheld.end(), e) == p.withheld.end()) {
      p.withheld.push_back(e);
    }
  };
  if (p.outcome == "refused") {
    const ExemptionInfo* first = draw_provision(provisions, rng);
    const ExemptionInfo* second = rng.chance(0.3) ? draw_provision(provisions, rng) : first;
    for (std::size_t i = 0; i < p.questions.size(); ++i) {
      add_withheld(p.questions[i], i % 2 == 1 ? second : first);
    }
  } else if (p.outcome == "not_held") {
    for (auto& q : p.questions) {
      q.answer = AnswerKind::kNotHeld;
    }
  } else if (p.outcome == "partial") {
    // At least one answered and at least one not: withheld (mostly) or not held.
    const std::size_t answered = rng.below(p.questions.size());
    const ExemptionInfo* e = draw_provision(provisions, rng);
    bool any_withheld = false;
    for (std::size_t i = 0; i < p.questions.size(); ++i) {
      if (i == answered || rng.chance(0.55)) {
        continue;
      }
      if (rng.chance(0.8)) {
        add_withheld(p.questions[i], e);
        any_withheld = true;
      } else {
        p.questions[i].answer = AnswerKind::kNotHeld;
      }
    }
    if (!any_withheld) {
      add_withheld(p.questions[(answered + 1) % p.questions.size()], e);
    }
  } else if (p.outcome == "ncnd") {
    p.ncnd = provisions.ncnd[rng.below(std::min<std::size_t>(provisions.ncnd.size(), 8))];
  }

  const Date received = random_date(rng, {2015, 1, 5}, {2024, 11, 29});
  p.reference = rng.chance(0.93) ? make_reference(p.authority->id, p.act, received, rng) : "";
  if (rng.chance(0.95)) {
    p.received = received;
  }
  if (rng.chance(0.9)) {
    p.responded = add_weekdays(received, rng.between(2, 34));
  }
  p.date_style = pick_date_style(rng);
  const double layout = rng.unit();
  p.layout = layout < 0.5   ? Layout::kLetter
             : layout < 0.8 ? Layout::kDisclosureLog
                            : Layout::kNotice;
  const double numbering = rng.unit();
  p.numbering = numbering < 0.55   ? Numbering::kDot
                : numbering < 0.75 ? Numbering::kParen
                : numbering < 0.9  ? Numbering::kQ
                                   : Numbering::kQuestion;
  const bool refusing = p.outcome == "refused" || p.outcome == "partial" ||
                        p.outcome == "cost_limit" || p.outcome == "ncnd" ||
                        p.outcome == "vexatious";
  p.refusal_notice = p.act != "EIR" && refusing && rng.chance(0.5);
  p.advice = p.act != "EIR" && p.outcome == "cost_limit" && rng.chance(0.7);
  p.review_section = p.act != "EIR" && rng.chance(0.25);
  p.target_bytes = draw_size(rng);
  if (rng.chance(0.6)) {
    p.requester = std::string(rng.pick({"Mr", "Ms", "Mrs", "Dr"})) + " " + rng.pick(kSurnames);
  }
  p.signatory = rng.pick(kFirstNames) + " " + rng.pick(kSurnames);
  p.role = rng.pick(kRoles);
  return p;
}

}  // namespace foilog::bench
