#include "extract/questions.h"

#include <gtest/gtest.h>

#include <iostream>

#include "support/corpus.h"

namespace foilog {
namespace {

std::vector<std::string> texts(const std::vector<SplitQuestion>& qs) {
  std::vector<std::string> out;
  for (const auto& q : qs) {
    out.push_back(q.text);
  }
  return out;
}

int itemised(const std::vector<Question>& qs) {
  int c = 0;
  for (const auto& q : qs) {
    c += q.n > 0 ? 1 : 0;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// split_request: requests as requesters write them (corpus) and drafts for the pre-filing check.

struct SplitCase {
  const char* name;
  const char* request;
  std::vector<std::string> want;
};

void PrintTo(const SplitCase& c, std::ostream* os) {
  *os << c.name;
}

class SplitRequestTable : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitRequestTable, SplitsIntoQuestions) {
  const SplitCase& c = GetParam();
  EXPECT_EQ(texts(split_request(c.request)), c.want) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Requests, SplitRequestTable,
    ::testing::Values(
        // dev013: "1)" numbering after a greeting and an introduction.
        SplitCase{"numbered_paren",
                  "Hello\nI am writing to you under the Freedom of Information Act 2000 to request "
                  "the following information from Shropshire Fire and Rescue Service.\n1) Does "
                  "the fire service deploy drones or unmanned aerial vehicles?\n2) If a yes, what "
                  "drones do they possess?",
                  {"Does the fire service deploy drones or unmanned aerial vehicles?",
                   "If a yes, what drones do they possess?"}},
        // dev008: three numbered questions run together on one line, the third wrapped.
        SplitCase{"run_on_numbers",
                  "Please could you provide the following information:\n1. Cost of animal "
                  "rescues in the year 2019/20 2. How many animal rescues were carried out by the "
                  "service in 2019/20 3. Details of the animal rescues (i.e. cat stuck in tree, "
                  "bird stuck in\nchimney) and how many of each kind in 2019/20",
                  {"Cost of animal rescues in the year 2019/20",
                   "How many animal rescues were carried out by the service in 2019/20",
                   "Details of the animal rescues (i.e. cat stuck in tree, bird stuck in chimney) "
                   "and how many of each kind in 2019/20"}},
        // dev010: "Q1)" numbering; the closing note about the reply format is not a question.
        SplitCase{"q_numbers",
                  "Good morning,\n\nUnder the Freedom of Information Act 2000 please could you "
                  "provide the following information:\n\nQ1) How many injuries occurred as a "
                  "result of these fires? \n\nQ2) How many deaths occurred as a result from these "
                  "fires? \n\nPlease may I have a response either via email or PDF?",
                  {"How many injuries occurred as a result of these fires?",
                   "How many deaths occurred as a result from these fires?"}},
        // seed 000: "- 1." items with a trailing "*"; section headings are not questions.
        SplitCase{"headings_and_stars",
                  "SECURITY / CYBERSECURITY:\n\n- 1. What SEIM solution is used by your "
                  "organisation?*\n- 2. When does your SEIM platform license subscription come up "
                  "for renewal?*\n\nICO - breaches:\n\n- 3. How many cyber security breaches has "
                  "your organisation had over the past 2 yrs?\xE2\x80\x9D*",
                  {"What SEIM solution is used by your organisation?",
                   "When does your SEIM platform license subscription come up for renewal?",
                   "How many cyber security breaches has your organisation had over the past 2 "
                   "yrs?"}},
        // dev003: bulleted request ("  • ").
        SplitCase{"bullets",
                  "  \xE2\x80\xA2 The geographical distribution of fixed penalty notices\n  "
                  "\xE2\x80\xA2 The total number of fixed penalty notices issued",
                  {"The geographical distribution of fixed penalty notices",
                   "The total number of fixed penalty notices issued"}},
        // dev029: bullets under a numbered question are its sub-items.
        SplitCase{"nested_bullets",
                  "  1. What suppliers have the Trust been using for Interpretation Services?\n  "
                  "2. Which languages did the interpreters support the Trust with?\n    "
                  "\xE2\x80\xA2 Please list each language in order of highest to lowest\n    "
                  "\xE2\x80\xA2 Please list how many times the interpreters worked for you",
                  {"What suppliers have the Trust been using for Interpretation Services?",
                   "Which languages did the interpreters support the Trust with? \xE2\x80\xA2 "
                   "Please list each language in order of highest to lowest \xE2\x80\xA2 Please "
                   "list how many times the interpreters worked for you"}},
        // dev018: question 6's stem was lost, leaving its (a)-(d) parts between 5 and 7.
        SplitCase{"lost_stem",
                  "5. How much was spent by PFEW on other items for the event\n\n\n(a)         How "
                  "many awards were presented?\n\n(b)         Who were the recipients?\n\n7. How "
                  "many people attended the event?",
                  {"How much was spent by PFEW on other items for the event",
                   "(a) How many awards were presented? (b) Who were the recipients?",
                   "How many people attended the event?"}},
        // dev007: "2)The" without a space.
        SplitCase{"no_space_after_marker",
                  "1) The number of fires in your authority. \n\n2)The amount of money your fire "
                  "authority spent dealing with these fires. ",
                  {"The number of fires in your authority.",
                   "The amount of money your fire authority spent dealing with these fires."}},
        // Drafts for the pre-filing check, written as a requester would.
        SplitCase{"draft_letter",
                  "Dear Sir/Madam,\n\nUnder the Freedom of Information Act please provide the "
                  "following:\n\n1. How many fire engines do you have?\n2. How many were bought in "
                  "2023?\n\nYours faithfully,\nJo Bloggs",
                  {"How many fire engines do you have?", "How many were bought in 2023?"}},
        SplitCase{"draft_dashes",
                  "Please tell me:\n- the number of parking fines issued in 2023\n- the income "
                  "from those fines",
                  {"the number of parking fines issued in 2023", "the income from those fines"}},
        SplitCase{"draft_letters",
                  "(a) the total spend on consultants\n(b) the names of the firms",
                  {"the total spend on consultants", "the names of the firms"}},
        SplitCase{"draft_lines",
                  "How many fire engines do you have?\nHow many were bought in 2023?\n\nThanks",
                  {"How many fire engines do you have?", "How many were bought in 2023?"}},
        // A run-on sentence is one question: the page must not invent a split.
        SplitCase{"draft_run_on_sentence",
                  "Please tell me how many potholes were reported in 2023 and how many were "
                  "repaired within\n28 days, and the cost of the repairs.",
                  {"Please tell me how many potholes were reported in 2023 and how many were "
                   "repaired within 28 days, and the cost of the repairs."}},
        // "section 2. The ..." is a reference, not a run-on second question.
        SplitCase{"section_number_not_item",
                  "1. What advice was given under section 2. The Act applies.\n2. Who gave it?",
                  {"What advice was given under section 2. The Act applies.", "Who gave it?"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SplitRequest, SpansPointAtTheQuestionPlusBaseOffset) {
  // dev021: indented "  1." items.
  const std::string request =
      "  1. Has any of the Trust's IT equipment been infected?\n  2. If so, how many?";
  const auto qs = split_request(request, 1000);
  ASSERT_EQ(qs.size(), 2u);
  for (const auto& q : qs) {
    ASSERT_GE(q.span.begin, 1000u);
    EXPECT_EQ(request.substr(q.span.begin - 1000, q.span.end - q.span.begin), q.text);
  }
  EXPECT_EQ(qs[0].n, 1);
  EXPECT_EQ(qs[1].n, 2);
}

TEST(SplitRequest, EmptyAndBoilerplateOnlyGiveNoQuestions) {
  EXPECT_TRUE(split_request("").empty());
  EXPECT_TRUE(split_request("Dear Sir/Madam,\n\nYours faithfully,").empty());
}

// ---------------------------------------------------------------------------------------------
// extract_questions: finding the request and aligning answers.

TEST(ExtractQuestions, AnswersThatRepeatTheQuestionAreCountedOnce) {
  // dev011: the response quotes each question before answering it.
  const std::string doc =
      "The request:\n\nQ1) How many fires were suspected of being caused by faulty e-bike "
      "batteries?\n\nQ2) How many injuries occurred as a result of these fires?\n\nOur "
      "response:\n\nQ1) How many fires were suspected of being caused by faulty e-bike "
      "batteries?\n\n6 fires\n\nQ2) How many injuries occurred as a result of these fires?\n\n2 "
      "persons injured\n\nTags: Operational Activity";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].answer, "6 fires");
  EXPECT_EQ(qs[1].answer, "2 persons injured");
  EXPECT_EQ(doc.substr(qs[1].answer_span.begin, qs[1].answer_span.end - qs[1].answer_span.begin),
            "2 persons injured");
  EXPECT_EQ(qs[0].text,
            "How many fires were suspected of being caused by faulty e-bike batteries?");
}

TEST(ExtractQuestions, RepeatedStatementQuestionIsStrippedFromItsAnswer) {
  // dev007: "2)The amount ... fires. N/A" repeats a question that has no '?'.
  const std::string doc =
      "Request detail: \n\n1) The number of fires reported on refurbishment works. \n\n2)The "
      "amount of money your fire authority spent dealing with these fires. \n\nResponse detail: "
      "\n\nDuring the period requested there was a Nil Return\n\n2)The amount of money your fire "
      "authority spent dealing with these fires. N/A\n";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].answer, "During the period requested there was a Nil Return");
  EXPECT_EQ(qs[1].answer, "N/A");
}

TEST(ExtractQuestions, NumberedAnswersAlignByNumberAndPartsAreJoined) {
  // dev018: "Received:"/"Responded:" labels; answers "6. (a)", "6. (b)" belong to question 6.
  const std::string doc =
      "Received: 9 December 2024\n\n1. What was the total amount of money spent on the event?\n\n"
      "2. From which budget was this spent from?\n\n3. How many awards were presented?\n\n"
      "Responded: 24 December 2024\n\n1. Approximately \xC2\xA3"
      "2,015.\n\n2. This is not reported by finance.\n\n3. (a) Three awards were given.\n\n3. (b) "
      "The awards were reused.";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].answer,
            "Approximately \xC2\xA3"
            "2,015.");
  EXPECT_EQ(qs[1].answer, "This is not reported by finance.");
  EXPECT_EQ(qs[2].answer, "(a) Three awards were given.\n(b) The awards were reused.");
}

TEST(ExtractQuestions, UnnumberedFirstAnswerGoesToQuestionOne) {
  // dev020: "Request Description" ... "Released Date"; the answer to 1) is not numbered.
  const std::string doc =
      "Request Description\n\n1) The current total number of CCTV cameras in your district\n\n"
      "2) The names of the streets covered by these cameras\n\nRequest Date18 March 2015\n"
      "Released Date  \n\n We do not know the number of CCTV cameras. There are 36 cameras in "
      "this network\n\n2)  Our Public space surveillance camera locations are published on our "
      "website\n";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_NE(qs[0].answer.find("36 cameras"), std::string::npos);
  EXPECT_EQ(qs[1].answer,
            "Our Public space surveillance camera locations are published on our website");
}

TEST(ExtractQuestions, RequestReplyPairsAreOneQuestionEach) {
  // dev005: two "Request"/"Reply" pairs, neither numbered.
  const std::string doc =
      "Request\n\nHow many new fire engines are coming into service this year\n\nReply\n\nThere "
      "will 7 new appliances coming into service.\n\nRequest\n\nAre there plans for a 5th? Or is "
      "the old water tower still in reserve?\n\nReply\n\nThe water tower is no longer in use.\n\n"
      "If you have any queries about this email, please contact me.";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].n, 1);
  EXPECT_EQ(qs[1].n, 2);
  EXPECT_EQ(qs[1].text, "Are there plans for a 5th? Or is the old water tower still in reserve?");
  EXPECT_EQ(qs[1].answer, "The water tower is no longer in use.");
}

TEST(ExtractQuestions, YouAskedOurResponseBlocksKeepTheRequesterNumbers) {
  // dev030: "You asked:" / "Our response:" per question; "1.Trust's" has no space.
  const std::string doc =
      "You asked:\nPlease include the following information for 2022/23:\n1.Trust's overall "
      "spending on Translation\nOur response:\n2022/23 = \xC2\xA3"
      "161,694\nYou asked\n2. Total "
      "translators employed by the Trust\nOur response:\nNone\nNext steps:\nShould you have any "
      "queries";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].text, "Trust's overall spending on Translation");
  EXPECT_EQ(qs[1].n, 2);
  EXPECT_EQ(qs[1].answer, "None");
}

TEST(ExtractQuestions, InlineAnswersOnTheQuestionLine) {
  // dev031: no headings; each answer follows its question on the same line.
  const std::string doc =
      "Please accept my apologies for the delay in responding to your request.\nThe responses to "
      "your query are detailed below:\n(1) How many CHC checklist forms were completed during "
      "2013? 1730\n(2) How long are the checklists usually kept on the system? Indefinitely\n";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].text, "How many CHC checklist forms were completed during 2013?");
  EXPECT_EQ(qs[0].answer, "1730");
  EXPECT_EQ(qs[1].answer, "Indefinitely");
}

TEST(ExtractQuestions, ResponseQuotingTheListThenAnsweringOnceSharesTheAnswer) {
  // seed 004: the four questions are listed twice; one decision follows the second list.
  const std::string doc =
      "Dear Sir/Madam\n\nCould you please answer the following:\n\n- 1. Have there been any "
      "security events?\n- 2. Could you please provide a short narrative of the event?\n\n"
      "Yours sincerely,\n\nRESPONSE\n\nYou have requested the following information:\n\n- 1. Have "
      "there been any security events?\n- 2. Could you please provide a short narrative of the "
      "event?\n\nI have decided to exempt all of the requested information under Section "
      "31(1)(a).\n";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(itemised(qs), 2);
  for (const auto& q : qs) {
    EXPECT_NE(q.answer.find("exempt all of the requested information"), std::string::npos);
  }
}

TEST(ExtractQuestions, RefusalNoticeSubPointsAndAnswerListsAreNotQuestions) {
  // seed 000: "(a) States that fact" in the response; dev034: bullets in an answer.
  const std::string refusal =
      "I write in connection with your request:\n\n- 1. What SEIM solution is used?*\n- 2. When "
      "does it come up for renewal?*\n\nResponse to your Request\n\n1. The name has not been "
      "disclosed.\n\n- (a) States that fact\n- (b) Specifies the exemption(s) in question and\n- "
      "(c) States why the exemption(s) applies.\n\n2. This is an ongoing service.\n";
  EXPECT_EQ(itemised(extract_questions(refusal)), 2);

  const std::string bullets_in_answer =
      "Please would you be able to tell me which providers you use for your Facilities "
      "Management?\n\n\nSoft facilities management\n\n  \xE2\x80\xA2 Contract provider "
      "\xE2\x80\x93 "
      "Medirest\n  \xE2\x80\xA2 Contract end date \xE2\x80\x93 2028\n";
  const auto qs = extract_questions(bullets_in_answer);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].n, 0);
  EXPECT_NE(qs[0].answer.find("Medirest"), std::string::npos);
}

TEST(ExtractQuestions, UnitemisedRequestIsOneQuestionNumberedZero) {
  // dev015: "Request"/"Response" headings around a single paragraph.
  const std::string doc =
      "List of MPs\nRequest\nPlease will you send through a list of those MPs who have claimed "
      "for surveillance hardware.\nResponse\nThis information is therefore subject to a Refusal "
      "Notice under section 38(1)(b) of the FOIA.\nIs this page helpful?\n- Ref:\n";
  const auto qs = extract_questions(doc);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].n, 0);
  EXPECT_EQ(qs[0].text,
            "Please will you send through a list of those MPs who have claimed for surveillance "
            "hardware.");
  EXPECT_EQ(qs[0].answer,
            "This information is therefore subject to a Refusal Notice under section 38(1)(b) of "
            "the FOIA.");
}

TEST(ExtractQuestions, NoRequestGivesNothing) {
  // seed 002: a standing refusal notice, not a reply to one request.
  const std::string doc =
      "FREEDOM OF INFORMATION REQUESTS RELATING TO ICT\n\nAPPLICATION OF FOIA SECTION 31\n\nThis "
      "information is exempt from disclosure under Section 31(1)(a) and Section 31(3).\n\nThe "
      "Council under Section 31(3) neither confirms nor denies whether requested information "
      "exists.\n";
  EXPECT_TRUE(extract_questions(doc).empty());
  EXPECT_TRUE(extract_questions("").empty());
}

// ---------------------------------------------------------------------------------------------
// The labelled corpus.

TEST(QuestionsCorpus, CountAccuracyOnLabelledDocs) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40u);
  int right = 0;
  for (const auto& d : docs) {
    const int count = itemised(extract_questions(d.text));
    const int want = d.label.at("questions").get<int>();
    if (count == want) {
      ++right;
    } else {
      std::cout << "MISS " << d.name << ": got " << count << ", label " << want << "\n";
    }
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(docs.size());
  std::cout << "question count accuracy " << right << "/" << docs.size() << "\n";
  EXPECT_GE(accuracy, 0.85);
}

TEST(QuestionsCorpus, SpansMatchTheTextTheyClaim) {
  for (const auto& d : testing::load_labelled_corpus()) {
    for (const auto& q : extract_questions(d.text)) {
      ASSERT_LE(q.text_span.end, d.text.size()) << d.name;
      ASSERT_LE(q.answer_span.end, d.text.size()) << d.name;
      EXPECT_FALSE(q.text.empty()) << d.name << " question " << q.n;
      EXPECT_FALSE(q.text_span.empty()) << d.name << " question " << q.n;
      if (!q.answer.empty() && q.answer.find('\n') == std::string::npos) {
        EXPECT_NE(d.text.substr(q.answer_span.begin, q.answer_span.end - q.answer_span.begin)
                      .find(q.answer),
                  std::string::npos)
            << d.name << " question " << q.n;
      }
    }
  }
}

}  // namespace
}  // namespace foilog
