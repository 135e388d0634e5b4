#include "gen/letter_text.h"

#include <algorithm>
#include <string_view>

namespace foilog::bench {
namespace {

// "s43(2)" -> "43(2)", "reg12(5)(e)" -> "12(5)(e)".
std::string number_of(const std::string& provision) {
  const auto first_digit = provision.find_first_of("0123456789");
  return first_digit == std::string::npos ? provision : provision.substr(first_digit);
}

bool is_regulation(const std::string& provision) {
  return provision.rfind("reg", 0) == 0;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') {
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  }
  return s;
}

class Writer {
 public:
  Writer(const LetterPlan& plan, const CorpusModel& model, Rng& rng)
      : plan_(plan), model_(model), rng_(rng) {}

  LetterText write() {
    switch (plan_.layout) {
      case Layout::kLetter:
        letter_head();
        break;
      case Layout::kDisclosureLog:
        log_head();
        break;
      case Layout::kNotice:
        notice_head();
        break;
    }
    request_block();
    response_block();
    padding();
    review_rights();
    sign_off();
    return std::move(out_);
  }

 private:
  // ---- names --------------------------------------------------------------------------------
  [[nodiscard]] const std::string& authority() const { return plan_.authority->name; }
  [[nodiscard]] std::string short_name() const {
    const std::string& t = plan_.authority->type;
    if (t == "council") {
      return "the Council";
    }
    if (t == "police") {
      return "the Force";
    }
    if (t == "nhs") {
      return "the Trust";
    }
    if (t == "fire") {
      return "the Service";
    }
    if (t == "education") {
      return "the University";
    }
    if (t == "central_government") {
      return "the Department";
    }
    return authority();
  }
  // Every mention of the Act goes through here, so the label's regimes say whether the text
  // names it.
  [[nodiscard]] std::string act_full() {
    out_.names_act = true;
    if (plan_.act == "FOISA") {
      return "the Freedom of Information (Scotland) Act 2002";
    }
    if (plan_.act == "EIR") {
      return "the Environmental Information Regulations 2004";
    }
    return "the Freedom of Information Act 2000";
  }
  [[nodiscard]] std::string act_short() {
    out_.names_act = true;
    return plan_.act == "FOISA" ? "FOISA" : plan_.act == "EIR" ? "the EIR" : "the Act";
  }
  [[nodiscard]] std::string date(const Date& d) const { return format_date(d, plan_.date_style); }

  // The printed citation of a provision; records it.
  std::string cite(const ExemptionInfo& e) {
    out_.exemptions.insert(e.provision);
    return (is_regulation(e.provision) ? "regulation " : "section ") + number_of(e.provision);
  }
  std::string cite_procedural(const std::string& provision) {
    out_.procedural.insert(provision);
    return "section " + number_of(provision);
  }

  // ---- text helpers -------------------------------------------------------------------------
  void line(std::string_view s = {}) {
    out_.text += s;
    out_.text += '\n';
  }
  void para(std::string_view s) {
    line(s);
    line();
  }
  [[nodiscard]] std::string salad(std::size_t bytes) const {
    return model_.vocabulary().paragraph(rng_, bytes);
  }
  [[nodiscard]] std::string number(std::size_t i) const {
    const std::string n = std::to_string(i + 1);
    switch (plan_.numbering) {
      case Numbering::kDot:
        return n + ". ";
      case Numbering::kParen:
        return n + ") ";
      case Numbering::kQ:
        return "Q" + n + ". ";
      case Numbering::kQuestion:
        return "Question " + n + ": ";
    }
    return n + ". ";
  }

  // ---- heads --------------------------------------------------------------------------------
  void letter_head() {
    line(authority());
    line(rng_.pick({"Information Governance", "Information Management Department",
                    "Corporate Information Team", "Legal and Democratic Services"}));
    line(std::to_string(rng_.between(1, 180)) + " " + model_.vocabulary().word(rng_) + " " +
         std::string(rng_.pick({"Road", "Street", "House", "Way", "Place"})));
    line();
    if (!plan_.reference.empty()) {
      line(std::string(rng_.pick({"Our Ref: ", "Our reference: ", "Reference: ", "Ref: "})) +
           plan_.reference);
    }
    if (plan_.responded) {
      line("Date: " + date(*plan_.responded));
    }
    line();
    para("Dear " + (plan_.requester.empty() ? std::string("Sir/Madam") : plan_.requester) + ",");
    para(title_line());
    std::string intro = "Thank you for your request for information";
    intro += plan_.received ? ", which we received on " + date(*plan_.received) + "." : ".";
    intro += " Your request has been considered under " + act_full() + ".";
    para(intro);
  }

  void log_head() {
    line(authority() + " - Disclosure log");
    line();
    std::string title = plan_.topic->label;
    if (!plan_.reference.empty() && rng_.chance(0.5)) {
      title += " (" + plan_.reference + ")";
    }
    para(title);
    if (!plan_.reference.empty()) {
      line("Reference: " + plan_.reference);
    }
    if (plan_.received) {
      line("Date received: " + date(*plan_.received));
    }
    if (plan_.responded) {
      line("Date responded: " + date(*plan_.responded));
    }
    line();
    if (rng_.chance(0.7)) {
      para("This request was handled under " + act_full() + ".");
    }
  }

  void notice_head() {
    line(authority());
    line();
    if (!plan_.reference.empty()) {
      para("Freedom of Information Request Reference No: " + plan_.reference);
    }
    if (plan_.responded) {
      para("Date of response: " + date(*plan_.responded));
    }
    std::string intro = "I write in connection with your request for information";
    if (plan_.received) {
      intro += " received by " + authority() + " on " + date(*plan_.received);
    }
    intro += ", in which you sought access to the following information under " + act_full() + ".";
    para(intro);
  }

  [[nodiscard]] std::string title_line() {
    out_.names_act = true;
    if (plan_.act == "FOISA") {
      return "Freedom of Information (Scotland) Act 2002 - Information Request";
    }
    if (plan_.act == "EIR") {
      return "Environmental Information Regulations 2004 - Request for Information";
    }
    return "Freedom of Information Act 2000 - Request for Information";
  }

  // ---- the request --------------------------------------------------------------------------
  void request_block() {
    if (plan_.layout == Layout::kNotice) {
      // the intro line already leads into the questions
    } else if (plan_.layout == Layout::kDisclosureLog) {
      para("Request");
    } else {
      para(std::string(rng_.pick({"You asked:", "Your request:", "You requested the following:"})));
    }
    if (!plan_.itemised) {
      para(std::string(rng_.pick({"I would like to know the following. ", "", "Dear FOI team, "})) +
           plan_.questions.front().text);
      return;
    }
    line("Please provide the following information about " + plan_.topic->label + ":");
    line();
    for (std::size_t i = 0; i < plan_.questions.size(); ++i) {
      para(number(i) + plan_.questions[i].text);
    }
  }

  // ---- the response -------------------------------------------------------------------------
  [[nodiscard]] std::string given_answer(const QuestionPlan& q) const {
    const int n = rng_.between(0, 2400);
    switch (rng_.below(6)) {
      case 0:
        return "A total of " + std::to_string(n) + " " + q.phrase +
               " cases were recorded over the period requested.";
      case 1:
        return "The total amount spent was \xc2\xa3" + std::to_string(n * 37) + ".";
      case 2:
        return "Yes. A copy of the current document is attached to this response.";
      case 3:
        return "The figures are provided in the table below.\n\nYear | Number\n2021 | " +
               std::to_string(n) + "\n2022 | " + std::to_string(n / 2 + 7) + "\n2023 | " +
               std::to_string(n / 3 + 11);
      case 4:
        return "There are " + std::to_string(n % 60) + " members of staff in this area.";
      default:
        return "The information you requested is available on our website, where it is "
               "updated every quarter.";
    }
  }

  std::string withheld_answer(const QuestionPlan& q) {
    return "This information is withheld under " + cite(*q.provision) + " of " + act_full() + " (" +
           lower_first(q.provision->title) + ").";
  }

  [[nodiscard]] std::string not_held_answer() const {
    return std::string(
        rng_.pick({"This information is not held.", "We do not hold this information.",
                   "No information is held in relation to this part of your "
                   "request."}));
  }

  void response_block() {
    if (plan_.layout == Layout::kDisclosureLog) {
      para("Response");
    } else if (plan_.layout == Layout::kNotice) {
      para("Response to your Request");
      para(authority() + " has considered your request for information and the response is below.");
    } else {
      para(std::string(rng_.pick({"Our response", "Response", "Our reply"})));
    }
    if (plan_.outcome == "cost_limit") {
      cost_limit();
      return;
    }
    if (plan_.outcome == "vexatious") {
      vexatious();
      return;
    }
    if (plan_.outcome == "ncnd") {
      ncnd();
      return;
    }
    if (plan_.outcome == "not_held" && plan_.act == "FOISA" && plan_.refusal_notice) {
      para("Under " + cite_procedural("s17") +
           " of FOISA, I must tell you that the information "
           "you have asked for is not held by " +
           authority() + ".");
    }
    if (plan_.outcome == "not_held" && !plan_.itemised) {
      para("I can confirm that " + authority() +
           " does not hold the information you have requested.");
      return;
    }
    if (plan_.outcome == "granted") {
      para("Please find our response to your request below.");
    }
    for (std::size_t i = 0; i < plan_.questions.size(); ++i) {
      const QuestionPlan& q = plan_.questions[i];
      std::string answer = q.answer == AnswerKind::kGiven      ? given_answer(q)
                           : q.answer == AnswerKind::kWithheld ? withheld_answer(q)
                                                               : not_held_answer();
      para((plan_.itemised ? number(i) : std::string()) + answer);
    }
    for (const ExemptionInfo* e : plan_.withheld) {
      explain(*e);
    }
    if (!plan_.withheld.empty() && plan_.refusal_notice) {
      refusal_notice();
    }
  }

  void explain(const ExemptionInfo& e) {
    para((is_regulation(e.provision) ? "Regulation " : "Section ") + number_of(e.provision) +
         " - " + e.title);
    para("The information is exempt under " + cite(e) + " because " +
         lower_first(salad(rng_.between(200, 500))));
    if (!e.absolute) {
      para("Public interest test");
      para("Factors favouring disclosure: " + salad(rng_.between(150, 500)));
      para("Factors favouring non-disclosure: " + salad(rng_.between(150, 500)));
      para(
          "Having weighed these factors, we consider that the public interest in maintaining the "
          "exemption outweighs the public interest in disclosure.");
    } else {
      para("This is an absolute exemption, so no public interest test is required.");
    }
  }

  void refusal_notice() {
    if (plan_.act == "FOISA") {
      para("This letter is a refusal notice under " + cite_procedural("s16") + " of FOISA.");
    } else {
      para("This letter acts as a refusal notice under " + cite_procedural("s17") + " of " +
           act_full() + ".");
    }
  }

  void cost_limit() {
    const bool subsection = rng_.chance(0.6);
    const std::string provision = subsection ? "s12(1)" : "s12";
    out_.exemptions.insert(provision);
    const std::string limit = plan_.act == "FOISA" ? "\xc2\xa3"
                                                     "600"
                              : plan_.authority->type == "council" || plan_.authority->type == "nhs"
                                  ? "\xc2\xa3"
                                    "450"
                                  : "\xc2\xa3"
                                    "600";
    para(
        "We estimate that the cost of complying with your request would exceed the appropriate "
        "limit of " +
        limit + ". Section " + number_of(provision) + " of " + act_full() +
        " allows a public authority to refuse a request where the cost of compliance exceeds "
        "that limit.");
    para("To answer your request we would need to search " +
         std::to_string(rng_.between(300, 9000)) +
         " records by hand, and we estimate this would take well over the time allowed. " +
         salad(rng_.between(150, 400)));
    if (plan_.advice) {
      const std::string section = plan_.act == "FOISA" ? "s15" : "s16";
      para("In line with our duty under " + cite_procedural(section) + " of " + act_short() +
           " to provide advice and assistance, you may wish to narrow your request, for example "
           "to a shorter period or a single site.");
    }
    if (plan_.refusal_notice) {
      refusal_notice();
    }
  }

  void vexatious() {
    out_.exemptions.insert("s14(1)");
    para(authority() + " considers this request vexatious under section 14(1) of " + act_full() +
         ", and is therefore not obliged to comply with it.");
    para(salad(rng_.between(300, 700)));
    if (plan_.refusal_notice) {
      refusal_notice();
    }
  }

  void ncnd() {
    const ExemptionInfo& e = *plan_.ncnd;
    para(authority() +
         " can neither confirm nor deny whether it holds the information you have "
         "requested. " +
         (is_regulation(e.provision) ? "Regulation " : "Section ") + number_of(e.provision) +
         " of " + act_full() + " removes the duty to confirm or deny.");
    out_.exemptions.insert(e.provision);
    para(salad(rng_.between(300, 700)));
    if (plan_.refusal_notice) {
      refusal_notice();
    }
  }

  void padding() {
    // Background and context paragraphs until the letter reaches its planned size.
    const std::size_t reserve = 420;  // about the size of the review rights and sign-off
    if (out_.text.size() + reserve >= plan_.target_bytes) {
      return;
    }
    para(std::string(rng_.pick({"Additional information", "Background", "Further context"})));
    while (out_.text.size() + reserve < plan_.target_bytes) {
      const std::size_t left = plan_.target_bytes - reserve - out_.text.size();
      para(salad(std::min<std::size_t>(left, static_cast<std::size_t>(rng_.between(300, 900)))));
    }
  }

  void review_rights() {
    if (plan_.act == "FOISA") {
      std::string s =
          "If you are dissatisfied with the way we have handled your request, you "
          "have the right to ask us to review our decision within 40 working days";
      s += plan_.review_section ? ", as " + cite_procedural("s20(1)") + " of FOISA provides." : ".";
      para(s);
      para(
          "If you remain dissatisfied after our review, you may apply to the Scottish "
          "Information Commissioner.");
      out_.names_act = true;  // the Scottish Commissioner places the letter under FOISA
      return;
    }
    para(
        "If you are unhappy with the way your request has been handled, you may ask for an "
        "internal review within 40 working days of the date of this letter.");
    std::string s =
        "If you remain dissatisfied, you may complain to the Information "
        "Commissioner's Office";
    s +=
        plan_.review_section ? " under " + cite_procedural("s50") + " of " + act_full() + "." : ".";
    para(s);
  }

  void sign_off() {
    line(std::string(rng_.pick({"Yours sincerely,", "Kind regards,", "Yours faithfully,"})));
    line();
    line(plan_.signatory);
    line(plan_.role);
    line(authority());
  }

  const LetterPlan& plan_;
  const CorpusModel& model_;
  Rng& rng_;
  LetterText out_;
};

}  // namespace

LetterText render_letter(const LetterPlan& plan, const CorpusModel& model, Rng& rng) {
  return Writer(plan, model, rng).write();
}

}  // namespace foilog::bench
