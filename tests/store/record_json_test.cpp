#include "extract/record_json.h"

#include <gtest/gtest.h>

#include "store_fixtures.h"
#include "util/error.h"

namespace foilog {
namespace {

using testing::labelled;
using testing::load_labelled_corpus;
using testing::record_from_label;

// Compares every field, so a key record_to_json forgets or record_from_json misreads fails.
void expect_same(const Record& a, const Record& b) {
  EXPECT_EQ(record_to_json(a, true), record_to_json(b, true));
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.authority_country, b.authority_country);
  EXPECT_EQ(a.authority_span, b.authority_span);
  EXPECT_EQ(a.working_days, b.working_days);
  EXPECT_EQ(a.within_limit, b.within_limit);
  ASSERT_EQ(a.questions.size(), b.questions.size());
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    EXPECT_EQ(a.questions[i].text_span, b.questions[i].text_span);
    EXPECT_EQ(a.questions[i].answer_span, b.questions[i].answer_span);
  }
}

// A record using every field, values taken from seeds/004_c7657b710c87aae1 (clarified request,
// s31(1)(a) refusal) and seeds/000_8b57e2e7d86066a4 (an email address in an answer).
Record full_record() {
  Record r;
  r.file = "data/seeds/004_c7657b710c87aae1.txt";
  r.text = "Our reference: FOI/AH/17/16\nclarification given 8 June 2017\nSection 31(1)(a)";
  r.format = "text";
  r.ocr = true;
  r.title = "Freedom of Information request";
  r.authority = "Office of the Immigration Services Commissioner";
  r.authority_id = "office-of-the-immigration-services-commissioner";
  r.authority_known = true;
  r.authority_type = "regulator";
  r.authority_country = "uk";
  r.authority_span = {3, 9};
  r.reference = "FOI/AH/17/16";
  r.reference_span = {15, 27};
  r.references = {"FOI/AH/17/16", "FS50662638"};
  r.decision_notices = {"FS50662638"};
  r.date_received = {"2017-05-30", {40, 50}};
  r.date_clarified = {"2017-06-08", {49, 60}};
  r.date_responded = {"2017-06-29", {}};
  r.date_internal_review = {};
  r.working_days = 15;
  r.within_limit = true;
  r.regimes = {"FOIA"};
  r.exemptions = {{"s31(1)(a)", "FOIA", "Law enforcement", "s31", false, false, {61, 77}},
                  {"s31(3)", "FOIA", "Law enforcement", "s31", false, true, {}}};
  r.procedural = {"s17"};
  r.outcome = "refused";
  r.outcome_span = {61, 77};
  r.questions = {
      {1, "What SEIM solution is used?", "Withheld", "refused", {"s31(1)(a)"}, {1, 5}, {}},
      {2, "Email of the IT lead?", "foi@example.org", "granted", {}, {}, {6, 9}}};
  r.topics = {"cyber security", "siem"};
  r.kind = "response";
  r.warnings = {{"email", "foi@example.org", {70, 85}}};
  return r;
}

TEST(RecordJson, FullRecordRoundTrips) {
  const Record r = full_record();
  expect_same(r, record_from_json(record_to_json(r, true)));
}

TEST(RecordJson, DocumentedKeysAndNulls) {
  Record r = full_record();
  r.working_days.reset();
  r.within_limit.reset();
  const auto j = record_to_json(r);
  for (const char* key : {"file",
                          "title",
                          "format",
                          "ocr",
                          "authority",
                          "authority_id",
                          "authority_known",
                          "authority_type",
                          "reference",
                          "references",
                          "date_received",
                          "date_clarified",
                          "date_responded",
                          "date_internal_review",
                          "working_days",
                          "within_limit",
                          "regimes",
                          "exemptions",
                          "procedural",
                          "outcome",
                          "questions",
                          "topics",
                          "decision_notices",
                          "kind",
                          "warnings",
                          "spans"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_FALSE(j.contains("text"));
  EXPECT_TRUE(j["date_internal_review"].is_null());
  EXPECT_TRUE(j["working_days"].is_null());
  EXPECT_TRUE(j["within_limit"].is_null());
  EXPECT_EQ(j["spans"]["reference"], nlohmann::json::array({15, 27}));
  EXPECT_FALSE(j["spans"].contains("date_responded"));  // found outside the text
  EXPECT_EQ(j["exemptions"][0]["parent"], "s31");
  EXPECT_EQ(j["exemptions"][1]["ncnd"], true);
  EXPECT_EQ(j["questions"][1]["answer"], "foi@example.org");
  EXPECT_EQ(j["warnings"][0]["span"], nlohmann::json::array({70, 85}));
}

TEST(RecordJson, EveryLabelledDocumentRoundTrips) {
  const auto docs = load_labelled_corpus();
  ASSERT_GE(docs.size(), 40U);
  for (const auto& doc : docs) {
    SCOPED_TRACE(doc.name);
    const Record r = record_from_label(doc);
    expect_same(r, record_from_json(record_to_json(r, true)));
  }
}

// The store keeps a question's text and answer once: where they are the bytes at their span,
// the stored form leaves them out and reading puts them back.
TEST(RecordJson, StoredFormLeavesOutWhatTheSpansHold) {
  Record r = full_record();
  r.text = "1. What SEIM solution is used?\nWe use Splunk.\n2. Email of the IT lead?\nWithheld.";
  const auto span_of = [&r](const std::string& s) {
    const auto at = r.text.find(s);
    return Span{at, at + s.size()};
  };
  r.questions[0].text_span = span_of(r.questions[0].text);
  r.questions[0].answer = "We use Splunk.";
  r.questions[0].answer_span = span_of(r.questions[0].answer);
  r.questions[1].text_span = span_of(r.questions[1].text);
  r.questions[1].answer = "foi@example.org";  // not what its span holds: kept
  r.questions[1].answer_span = span_of("Withheld.");
  const auto stored = stored_record_json(r);
  EXPECT_FALSE(stored["questions"][0].contains("text"));
  EXPECT_FALSE(stored["questions"][0].contains("answer"));
  EXPECT_FALSE(stored["questions"][1].contains("text"));
  EXPECT_EQ(stored["questions"][1]["answer"], "foi@example.org");
  expect_same(r, record_from_json(stored));
  EXPECT_EQ(record_from_json(stored).questions[0].answer, "We use Splunk.");
  // A span past the end of the text cannot be read back: the error names the question.
  auto damaged = stored;
  damaged["text"] = "short";
  try {
    (void)record_from_json(damaged);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("questions[0].text"), std::string::npos) << e.what();
  }
}

TEST(RecordJson, MissingKeysKeepDefaults) {
  const Record r = record_from_json({{"file", "dev001.txt"}});
  EXPECT_EQ(r.file, "dev001.txt");
  EXPECT_FALSE(r.working_days.has_value());
  EXPECT_TRUE(r.questions.empty());
}

struct BadShape {
  const char* what;
  nlohmann::json json;
  const char* named;  // the key path the error must name
};

TEST(RecordJson, BadShapesNameTheKey) {
  const BadShape cases[] = {
      {"not an object", nlohmann::json::array({1, 2}), "expected an object"},
      {"file a number", {{"file", 3}}, "file must be a string"},
      {"ocr a string", {{"ocr", "yes"}}, "ocr must be true or false"},
      {"working_days text", {{"working_days", "15"}}, "working_days must be an integer"},
      {"regimes a string", {{"regimes", "FOIA"}}, "regimes must be an array of strings"},
      {"question n text",
       {{"questions", nlohmann::json::array({{{"n", 1}}, {{"n", "2"}}})}},
       "questions[1].n must be an integer"},
      {"exemption span short",
       {{"exemptions", nlohmann::json::array({{{"provision", "s40(2)"}, {"span", {4}}}})}},
       "exemptions[0].span must be a [begin, end] pair"},
      {"spans negative", {{"spans", {{"reference", {-1, 4}}}}}, "spans.reference must be"},
      {"warning not object",
       {{"warnings", nlohmann::json::array({"email"})}},
       "warnings[0] must be an object"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    try {
      (void)record_from_json(c.json);
      ADD_FAILURE() << "no DataError";
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(c.named), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace foilog
