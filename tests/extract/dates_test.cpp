// parse_date_phrase, extract_dates and working_days_between: snippets from the corpus, then
// received/responded accuracy over the labelled corpus.
#include "extract/dates.h"

#include <gtest/gtest.h>

#include <iostream>

#include "support/corpus.h"

namespace foilog {
namespace {

std::string iso(const std::optional<Date>& d) {
  return d ? to_iso(*d) : "";
}

TEST(ParseDatePhrase, SupportedForms) {
  struct Row {
    const char* source;
    const char* text;
    const char* want;
  };
  const Row rows[] = {
      {"000_8b57e2e7d86066a4", "15 October 2020", "2020-10-15"},
      {"dev005", "25th August 2016", "2016-08-25"},
      {"issue", "15th Oct 2020", "2020-10-15"},
      {"dev007", "Monday, 3 February, 2020", "2020-02-03"},
      {"dev021", "24/03/2016", "2016-03-24"},  // day first
      {"dev009", "23/06/2023 12:00 am", "2023-06-23"},
      {"issue", "2020-10-15", "2020-10-15"},
      {"dev026", "September 13, 2019", "2019-09-13"},
      {"dev010", "January 1st 2023", "2023-01-01"},
      {"dev011", "2 Dec 2024 08:47", "2024-12-02"},
      {"dev032", "07 September 2021", "2021-09-07"},
      {"issue", "15.10.2020", "2020-10-15"},
      {"issue", "31 February 2020", ""},  // not a calendar date
      {"dev017", "July 2013", ""},        // month and year only
      {"dev003", "23 March", ""},         // no year
      {"dev025", "2015 / 2016", ""},
      {"dev024", "2014/15", ""},
      {"issue", "15 October 2020 and 16 October 2020", ""},  // more than one date
  };
  for (const auto& r : rows) {
    EXPECT_EQ(iso(parse_date_phrase(r.text)), r.want) << r.source << ": " << r.text;
  }
}

struct RoleRow {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  const char* received;
  const char* responded;
};

const RoleRow kRoleRows[] = {
    {"000_8b57e2e7d86066a4",
     "I write in connection with your request for information received by Suffolk and Norfolk "
     "Constabularies on 15 October 2020 which you sought access to the following information:\n\n"
     "Response to your Request\n\nThe response provided below is correct as of 19 October 2020\n",
     "2020-10-15", "2020-10-19"},
    {"dev001", "We can advise that up until the end of 23 May 2020, we had 5,653 submissions.", "",
     ""},
    {"dev002", "correspondence in the last six months (from October 1, 2014 onwards)", "", ""},
    {"dev005",
     "has now completed its search for the information you requested on 25th August "
     "2016.\n",
     "2016-08-25", ""},
    {"dev006",
     "Information Released: \n\nYes\n\nReceived: \n\nFriday, 29 April, 2022\n\n"
     "Responded: \n\nWednesday, 25 May, 2022\n\nTopic: \n",
     "2022-04-29", "2022-05-25"},
    {"dev009",
     "Call: 01743 260 200\n1299\nYes\n23/06/2023 12:00 am\n07/07/2023 12:00 am\n"
     "Incident and emergency response\n",
     "2023-06-23", "2023-07-07"},
    {"dev010",
     "Website: www.ico.org.uk\n\nInformation Released: \n\n\n\nTuesday, 2 January, "
     "2024\n\n\nMonday, 29 January, 2024\n",
     "2024-01-02", "2024-01-29"},
    {"dev011",
     "FOI 2289 - E-bike or E-scooter fires\n\n2 Dec 2024 08:47\n\nPublished date: "
     "15/01/2024\n\nThe request:\n",
     "", ""},
    {"dev015",
     "Is this page helpful?\n- Ref:\n- RFI-202106-09\n- Disclosure:\n- 22 July 2021\n"
     "- Categories:\n",
     "", "2021-07-22"},
    {"dev017",
     "it is our opinion that the application of the exemption outweighs the public "
     "interest in disclosure at this stage.\n\n5 February 2014\nExemptions Applied:\n"
     "Section 21",
     "", "2014-02-05"},
    {"dev018",
     "FOI 00422 - PFEW HQ Christmas party\n\n\nReceived: 9 December 2024\n\n1. What "
     "was the total amount\n\nResponded: 24 December 2024\n",
     "2024-12-09", "2024-12-24"},
    {"dev020",
     "Request Date18 March 2015\nRequested byMedia\nReleased Date  \n\n 25 March 2015  "
     "     \n",
     "2015-03-18", "2015-03-25"},
    {"dev021", "Case Number 4687\nRequest Date 24/03/2016\nCompletion Date 04/04/2016\n",
     "2016-03-24", "2016-04-04"},
    {"dev022",
     "FOI reference: FOI/18/03296\nDate received: 7 November 2018\nDate responded: 7 "
     "November 2018\n",
     "2018-11-07", "2018-11-07"},
    {"dev023",
     "August 14, 2019\nCar Parking Charges - 14/08/2019\n\n\xE2\x80\x9CI am an intern "
     "at the BBC",
     "", ""},
    {"dev026",
     "FOI Request\n\nDisclosure ID\nRequest Date\nSeptember 13, 2019\nViolent "
     "Incidents\n",
     "2019-09-13", ""},
    {"dev027",
     "- Published\n- 8 July 2024\n- Directorate\n- FOI reference\n- FOI/202400418465\n"
     "- Date received\n- 11 June 2024\n- Date responded\n- 25 June 2024\n",
     "2024-06-11", "2024-06-25"},
    {"dev032",
     "Customer Request Details\n\n18 August 2021\n\nI watched the podcast\n\nEast "
     "Herts Council Response\n\n07 September 2021\n\nThank you for your request. In "
     "this case an officer visited on 28th June 2021 and confirmed it.\n",
     "2021-08-18", "2021-09-07"},
    {"dev033",
     "Office of the Principal\n1 October 2021\nDear Tarquin,\nOur Ref: 329-21\nI refer "
     "to your enquiry dated 5 September 2021 asking to be supplied with",
     "2021-09-05", "2021-10-01"},
    {"dev035", "Correspondence since 18 January 2024 relating to finances", "", ""},
    // Found by the benchmark generator (bench/RESULTS.md): a reference with a hyphen on the
    // line above a labelled date is not a period ("985-17\nDate:" read as "... - date").
    {"bench: reference line above the letter's date",
     "London Borough of Redbridge\n\nReference: 985-17\nDate: 12 May 2017\n\nDear Sir/Madam,\n\n"
     "Thank you for your request for information, which we received on 9 April 2017.\n",
     "2017-04-09", "2017-05-12"},
    // ... but words before a date that are not a label may be a sentence wrapped from above.
    {"bench: wrapped sentence keeps its cue",
     "I write further to your request for information received by the Trust\non the 19th "
     "December 2011 as detailed below:\n",
     "2011-12-19", ""},
    {"dev014",
     "Five Wholetime appliances were unavailable on 25 February 2015 from 07:00 to "
     "18:00.",
     "", ""},
};

TEST(ExtractDates, RoleTable) {
  for (const auto& row : kRoleRows) {
    const auto r = extract_dates(row.text);
    EXPECT_EQ(r.received.iso, row.received) << row.source << ": " << row.text;
    EXPECT_EQ(r.responded.iso, row.responded) << row.source << ": " << row.text;
  }
}

TEST(ExtractDates, RequestLetterThenReplyLetterAndClarification) {
  // 004_c7657b710c87aae1: the request letter is quoted above the reply; clarification sought
  // on 6 June and given on 8 June.
  const std::string text =
      "FOI/AH/17/16\n\nDETAILS RELATING TO IT SECURITY OF OISC\n\n30 May 2017\n\nDear "
      "Sir/Madam\n\nI am writing to submit a Freedom of Information request.\n\nYours "
      "sincerely,\n\nRESPONSE\n\n23 June 2017\n\nDear [REDACTED],\n\nOn 6 June 2017 I "
      "acknowledged this request and sought clarification from you, over the meaning of "
      "'security events'. In a response dated 8 June 2017, you clarified that you were "
      "'interested in cyber-security incidents'.\n";
  const auto r = extract_dates(text);
  EXPECT_EQ(r.received.iso, "2017-05-30");
  EXPECT_EQ(r.responded.iso, "2017-06-23");
  EXPECT_EQ(r.clarified.iso, "2017-06-08");
  EXPECT_EQ(text.substr(r.clarified.span.begin, r.clarified.span.end - r.clarified.span.begin),
            "8 June 2017");
}

TEST(ExtractDates, InternalReviewDate) {
  // Wording of an internal-review outcome letter (not in the labelled corpus).
  const auto r = extract_dates(
      "Date received: 3 March 2021\nDate responded: 30 March 2021\nInternal review completed: "
      "28 April 2021\n");
  EXPECT_EQ(r.internal_review.iso, "2021-04-28");
  EXPECT_EQ(r.responded.iso, "2021-03-30");
}

BankHolidays test_holidays() {
  return BankHolidays::load(std::filesystem::path(FOILOG_SOURCE_DIR) / "data" /
                            "bank-holidays-england-wales.tsv");
}

TEST(WorkingDaysBetween, SkipsWeekendsAndBankHolidays) {
  const auto holidays = test_holidays();
  const auto d = [](int y, int m, int day) { return *make_date(y, m, day); };
  // dev006: received Fri 29 April 2022, answered Wed 25 May 2022 (2 May is a bank holiday).
  EXPECT_EQ(working_days_between(d(2022, 4, 29), d(2022, 5, 25), holidays), 17);
  // 000_8b57e2e7d86066a4: Thu 15 Oct 2020 -> Mon 19 Oct 2020.
  EXPECT_EQ(working_days_between(d(2020, 10, 15), d(2020, 10, 19), holidays), 2);
  // dev029: 10 June 2019 -> 25 July 2019, no bank holidays in between.
  EXPECT_EQ(working_days_between(d(2019, 6, 10), d(2019, 7, 25), holidays), 33);
  // Over Christmas 2020: 25 Dec (Fri), 28 Dec (Mon, Boxing Day substitute), 1 Jan 2021.
  EXPECT_EQ(working_days_between(d(2020, 12, 24), d(2021, 1, 4), holidays), 4);
  EXPECT_EQ(working_days_between(d(2020, 10, 19), d(2020, 10, 15), holidays), -2);
  EXPECT_EQ(working_days_between(d(2020, 10, 15), d(2020, 10, 15), holidays), 0);
}

double field_accuracy(const char* field, DateFact DatesResult::*member) {
  const auto docs = testing::load_labelled_corpus();
  int right = 0;
  for (const auto& d : docs) {
    const auto& label = d.label.at(field);
    const std::string want = label.is_null() ? "" : label.get<std::string>();
    const auto got = (extract_dates(d.text).*member).iso;
    if (got == want) {
      ++right;
    } else {
      std::cout << "[" << field << " miss] " << d.name << " want='" << want << "' got='" << got
                << "'\n";
    }
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(docs.size());
  std::cout << "[" << field << "] accuracy " << right << "/" << docs.size() << " = " << accuracy
            << "\n";
  return accuracy;
}

TEST(ExtractDates, CorpusReceivedAccuracy) {
  EXPECT_GE(field_accuracy("date_received", &DatesResult::received), 0.90);
}

TEST(ExtractDates, CorpusRespondedAccuracy) {
  EXPECT_GE(field_accuracy("date_responded", &DatesResult::responded), 0.90);
}

}  // namespace
}  // namespace foilog
