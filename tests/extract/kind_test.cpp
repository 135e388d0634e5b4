#include "extract/kind.h"

#include <gtest/gtest.h>

#include "support/corpus.h"

namespace foilog {
namespace {

struct KindCase {
  const char* source;  // where the snippet comes from
  const char* title;
  const char* text;
  const char* expected;
};

const KindCase kCases[] = {
    // seeds/002: a notice the council applies to every ICT request, dated as a page.
    {"seeds/002", "",
     "FREEDOM OF INFORMATION REQUESTS RELATING TO ICT, CYBER/ICT SECURITY, CYBER ATTACKS\n\n"
     "APPLICATION OF FOIA SECTION 31 – LAW ENFORCEMENT\n\nThis information is exempt from "
     "disclosure under Section 31(1)(a).\nDespite genuine requests for information, some "
     "individuals may intend to misuse information.\n\nLast updated: 2024",
     "standing_refusal"},
    // seeds/000: a reply that offers a review in its boilerplate is still a response.
    {"seeds/000", "",
     "I write in connection with your request for information received by Suffolk and Norfolk "
     "Constabularies on 15 October 2020.\nIn all possible circumstances Norfolk and Suffolk "
     "Constabulary will aim to respond within 40 working days of receipt of your request for an "
     "internal review.",
     "response"},
    // dev006: the internal review is only offered.
    {"dev006", "Outdoor Fires",
     "Response detail:\nThank you for your Freedom of Information request. If you are unhappy "
     "with the way your request for information has been handled, you can complain or request "
     "an internal review of the decision.",
     "response"},
    // dev021: a log record that names no Act.
    {"dev021", "",
     "Case Number 4687\nRequest Date 24/03/2016\nDetails of the Request\nHas any of the Trust's "
     "IT equipment been infected?\nDetails of the Response\nNone of the Trust's IT equipment has "
     "been infected.",
     "response"},
    // Review outcome letters (wording as ICO guidance letters are written).
    {"review outcome", "Internal review: FOI 2289",
     "You requested an internal review of our response to your request. I have now completed "
     "the internal review and uphold the original decision.",
     "internal_review"},
    {"review outcome, no title", "",
     "Dear Requester\nThank you for your email in which you asked for an internal review of "
     "our handling of FOI 1234. The internal review has now been completed. The original "
     "decision is upheld.",
     "internal_review"},
    // dev005's page chrome alone: not an FOI response.
    {"dev005 chrome", "Customer Service Form",
     "General enquiry\nA safe and well visit for you..\nQuick poll\nHow often do you test your "
     "smoke alarm?\nAccessibility",
     "other"},
};

TEST(ClassifyKind, Table) {
  for (const auto& c : kCases) {
    EXPECT_EQ(classify_kind(c.text, c.title), c.expected) << c.source;
  }
}

TEST(ClassifyKind, LabelledCorpus) {
  // Only seeds/002 is a standing refusal; every other labelled document answers one request.
  for (const auto& d : testing::load_labelled_corpus()) {
    const bool standing = d.name.starts_with("002_");
    EXPECT_EQ(classify_kind(d.text, ""), standing ? "standing_refusal" : "response") << d.name;
  }
}

}  // namespace
}  // namespace foilog
