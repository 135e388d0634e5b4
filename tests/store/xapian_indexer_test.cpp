#include "store/xapian_indexer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "schema/schema.h"
#include "store_fixtures.h"

namespace foilog {
namespace {

using testing::labelled;
using testing::record_from_label;

Xapian::WritableDatabase in_memory() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// seeds/000_8b57e2e7d86066a4: Suffolk and Norfolk Constabularies, FOI 003477-20, s24(1) and
// s31(1), partial, seven numbered questions.
TEST(XapianIndexer, ResponseDocumentTermsValuesAndData) {
  const Record rec = record_from_label(labelled("000_8b57e2e7d86066a4"));
  XapianIndexer indexer;
  const auto docs = indexer.build(rec, 42, "2026-01-05T10:00:00Z");
  ASSERT_EQ(docs.size(), 1U + 7U);
  const auto& doc = docs[0].document;
  EXPECT_EQ(docs[0].id_term, "Q42");
  const struct {
    const char* term;
    bool present;
  } rows[] = {
      {"Q42", true},
      {"XTYPEdoc", true},
      {"XAUTHsuffolk-and-norfolk-constabularies", true},
      {"XATYPEpolice", true},
      {"XEXEMPTs24(1)", true},
      {"XEXEMPTs24", true},
      {"XEXEMPTs31(1)", true},
      {"XEXEMPTs31", true},
      {"XEXEMPTs40", false},
      {"XOUTCOMEpartial", true},
      {"XREGIMEFOIA", true},
      {"XYEAR2020", true},
      {"XREFfoi 003477-20", true},
      {"XKINDresponse", true},
      {"XTOPICsiem", true},
      {"seim", true},       // body text, unstemmed
      {"Zsolut", true},     // stemmed "solution"
      {"XAsuffolk", true},  // authority name, fielded
  };
  for (const auto& row : rows) {
    EXPECT_EQ(has_term(doc, row.term), row.present) << row.term;
  }
  EXPECT_EQ(doc.get_value(schema::slot::kDateResponded), "20201019");
  EXPECT_EQ(doc.get_value(schema::slot::kDateReceived), "20201015");
  EXPECT_EQ(doc.get_value(schema::slot::kYear), "2020");
  EXPECT_EQ(doc.get_value(schema::slot::kDocId), "42");
  EXPECT_EQ(doc.get_value(schema::slot::kSortDate), "20201019");
  EXPECT_EQ(doc.get_value(schema::slot::kOutcome), "partial");
  const auto data = nlohmann::json::parse(doc.get_data());
  EXPECT_EQ(data["id"], 42);
  EXPECT_EQ(data["reference"], "FOI 003477-20");
  EXPECT_EQ(data["exemptions"], nlohmann::json::array({"s24(1)", "s31(1)"}));
}

TEST(XapianIndexer, QuestionDocumentsCarryParentFacets) {
  const Record rec = record_from_label(labelled("000_8b57e2e7d86066a4"));
  XapianIndexer indexer;
  const auto docs = indexer.build(rec, 7, "");
  const auto& q1 = docs[1];
  EXPECT_EQ(q1.id_term, "Q7#1");
  EXPECT_TRUE(has_term(q1.document, "XTYPEquestion"));
  EXPECT_TRUE(has_term(q1.document, "XPARENT7"));
  EXPECT_TRUE(has_term(q1.document, "XAUTHsuffolk-and-norfolk-constabularies"));
  EXPECT_TRUE(has_term(q1.document, "seim"));  // "What SEIM ... solution"
  EXPECT_FALSE(has_term(q1.document, "XTYPEdoc"));
  EXPECT_FALSE(has_term(docs[5].document, "seim"));  // Q5 is about the contract end date
  const auto data = nlohmann::json::parse(q1.document.get_data());
  EXPECT_EQ(data["n"], 1);
  EXPECT_NE(data["question"].get<std::string>().find("SEIM"), std::string::npos);
}

// dev004's request numbers its items with a slip ('vi)' for iv)); duplicate numbers must still
// get distinct unique terms.
TEST(XapianIndexer, RepeatedQuestionNumbersGetDistinctKeys) {
  std::vector<Question> qs(4);
  qs[0].n = 1;
  qs[1].n = 2;
  qs[2].n = 2;
  qs[3].n = 2;
  EXPECT_EQ(question_keys(qs), (std::vector<std::string>{"1", "2", "2-2", "2-3"}));
}

TEST(XapianIndexer, ReplaceLeavesNoStaleQuestions) {
  auto db = in_memory();
  Record rec = record_from_label(labelled("000_8b57e2e7d86066a4"));
  XapianIndexer indexer;
  indexer.replace(db, rec, 3, "", false);
  EXPECT_EQ(db.get_doccount(), 8U);
  rec.questions.resize(2);
  indexer.replace(db, rec, 3, "", false);
  EXPECT_EQ(db.get_doccount(), 3U);
  EXPECT_EQ(db.get_termfreq("XPARENT3"), 2U);
  XapianIndexer::remove(db, 3);
  EXPECT_EQ(db.get_doccount(), 0U);
}

Xapian::doccount matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 10).get_matches_estimated();
}

Xapian::Query phrase(const std::vector<std::string>& words, const std::string& type) {
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()),
                       Xapian::Query("XTYPE" + type));
}

// A question document's answer is searchable by its words but carries no positions (they were
// half the position table): a phrase in question mode is found in the question's wording, and
// the response document still finds it anywhere in the letter.
TEST(XapianIndexer, QuestionPhrasesAreMatchedInTheQuestionsWording) {
  Record rec;
  rec.text =
      "1. How many body worn video cameras does the force own?\n"
      "The force holds forty seven cameras in its central store.";
  rec.questions.resize(1);
  rec.questions[0].n = 1;
  rec.questions[0].text = "How many body worn video cameras does the force own?";
  rec.questions[0].answer = "The force holds forty seven cameras in its central store.";
  auto db = in_memory();
  XapianIndexer indexer;
  indexer.replace(db, rec, 1, "", false);
  EXPECT_EQ(matches(db, phrase({"body", "worn", "video"}, "question")), 1U);
  EXPECT_EQ(matches(db, phrase({"forty", "seven"}, "question")), 0U);
  EXPECT_EQ(matches(db, phrase({"forty", "seven"}, "doc")), 1U);
  const std::vector<std::string> words{"forty", "seven"};
  EXPECT_EQ(
      matches(db, Xapian::Query(Xapian::Query::OP_FILTER,
                                Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                                Xapian::Query("XTYPEquestion"))),
      1U);
}

// The spelling table is what QueryParser's FLAG_SPELLING_CORRECTION suggests from.
TEST(XapianIndexer, SpellingDataFromTheResponse) {
  testing::TempDir dir;  // on disk: the in-memory backend keeps no spelling table
  Xapian::WritableDatabase db((dir.path() / "x").string(), Xapian::DB_CREATE);
  XapianIndexer indexer;
  indexer.replace(db, record_from_label(labelled("000_8b57e2e7d86066a4")), 1, "");
  EXPECT_EQ(db.get_spelling_suggestion("vulnerible"),
            "vulnerable");                                  // "vulnerable computer systems"
  EXPECT_EQ(db.get_spelling_suggestion("ransomwear"), "");  // not a word of this letter
}

TEST(XapianIndexer, SortDateFallsBackToIngestDate) {
  Record rec = record_from_label(labelled("dev013"));  // dev013: no dates in the stored copy
  ASSERT_FALSE(rec.date_responded.known());
  XapianIndexer indexer;
  const auto docs = indexer.build(rec, 1, "2026-03-04T05:06:07Z");
  EXPECT_EQ(docs[0].document.get_value(schema::slot::kSortDate), "20260304");
  EXPECT_EQ(docs[0].document.get_value(schema::slot::kDateResponded), "");
}

}  // namespace
}  // namespace foilog
