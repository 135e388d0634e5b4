#include "extract/personal_data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace foilog {
namespace {

struct Expected {
  const char* kind;
  const char* covered;     // the text the span must cover
  const char* detail_has;  // a part of the detail
};

struct Case {
  const char* source;  // corpus file the snippet comes from
  const char* text;
  std::vector<Expected> expected;  // in text order; empty: nothing to report
};

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"dev005",
       "Ref: FOI/16114\n\nDear Mr Heenan.\n\nRE: FREEDOM OF INFORMATION ACT 2000",
       {{"private_name", "Mr Heenan", "Mr Heenan"}}},
      {"dev033",
       "1 October 2021\nDear Tarquin,\nFreedom of Information (Scotland) Act 2002",
       {{"private_name", "Tarquin", "Tarquin"}}},
      {"seeds/004", "Dear Sir/Madam\n\nI am writing to submit a request.", {}},
      {"seeds/004",
       "RESPONSE\n\n23 June 2017\n\nDear [REDACTED],\n\nI am the OISC's Information "
       "Officer",
       {}},
      {"dev007", "Request detail:\nDear Shropshire Fire and Rescue Service,\nI am writing", {}},
      {"generic greetings", "Dear Requester,\nDear Applicant\nDear FOI Team,", {}},
      {"dev033",
       "Information Assurance and Governance\n01334 462776\nxxx@xxxxxxxxxx.xx.xx\n",
       {{"phone", "01334 462776", "phone number"}}},
      {"dev030",
       "E-mail: louise.moss@ghc.nhs.uk\nIf you are not content",
       {{"email", "louise.moss@ghc.nhs.uk", "named person"}}},
      {"seeds/000",
       "6. The Information Security Advisors email address is "
       "InformationSecurity@suffolk.pnn.police.uk\n",
       {{"email", "InformationSecurity@suffolk.pnn.police.uk", "generic contact"}}},
      {"dev006",
       "or email: enquiries@shropshirefire.gov.uk\nTelephone: 0303 123 1113  \n",
       {{"email", "enquiries@shropshirefire.gov.uk", "generic contact"},
        {"phone", "0303 123 1113", "non-geographic"}}},
      {"seeds/000",
       "Cheshire\nSK9 5AF\nTelephone: 01625 545 700",
       {{"phone", "01625 545 700", "phone number"}}},
      {"mobile",
       "Call me on +44 (0)7700 900123 or 07700-900-456.",
       {{"phone", "+44 (0)7700 900123", "mobile"}, {"phone", "07700-900-456", "mobile"}}},
      // References, dates and counts are not phone numbers.
      {"seeds/000, dev009",
       "Reference N°: FOI 003477-20\n23/06/2023 12:00 am\n5,653 forms\n"
       "registered in Scotland, No: SC013532",
       {}},
      {"NI numbers",
       "NI number AB 12 34 56 C on file; HMRC's example QQ123456C is not real.",
       {{"ni_number", "AB 12 34 56 C", "National Insurance"}}},
  };
  return kCases;
}

TEST(FindPersonalData, Table) {
  for (const auto& c : cases()) {
    const std::string text = c.text;
    const auto warnings = find_personal_data(text);
    ASSERT_EQ(warnings.size(), c.expected.size()) << c.source << ": " << text;
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      const auto& w = warnings[i];
      EXPECT_EQ(w.kind, c.expected[i].kind) << c.source;
      EXPECT_EQ(text.substr(w.span.begin, w.span.end - w.span.begin), c.expected[i].covered)
          << c.source;
      EXPECT_NE(w.detail.find(c.expected[i].detail_has), std::string::npos)
          << c.source << ": " << w.detail;
    }
  }
}

}  // namespace
}  // namespace foilog
