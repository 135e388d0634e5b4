// The pre-filing check over HTTP (POST /api/check, the /check form) and its measured quality
// (foilog eval-check on tests/check-eval, the target recall@5 >= 0.9).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "web/served_corpus.h"

namespace foilog::testing {
namespace {

httplib::Result post_json(const nlohmann::json& body) {
  return ServedCorpus::get().client()->Post("/api/check", body.dump(), "application/json");
}

bool finds(const nlohmann::json& question, const std::string& reference) {
  for (const auto& m : question["matches"]) {
    if (m["reference"] == reference)
      return true;
  }
  return false;
}

TEST(HttpCheck, RewordedSeedQuestionsFindTheSeed) {
  const std::string draft =
      "Dear Sir or Madam,\n\nUnder the FOI Act I would like to know:\n"
      "1. Which SIEM product does your force run?\n"
      "2. Who is your managed security service provider and when does that contract end?\n"
      "3. How many cyber security breaches have you had in the last two years?\n\nThanks";
  auto res = post_json({{"draft", draft}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto j = nlohmann::json::parse(res->body);
  ASSERT_EQ(j["questions"].size(), 3U);
  for (const auto& q : j["questions"]) {
    EXPECT_TRUE(finds(q, "FOI 003477-20")) << q.dump(1);
    for (const char* key : {"text", "matches", "summary"})
      EXPECT_TRUE(q.contains(key));
    for (const auto& m : q["matches"]) {
      for (const char* key : {"document_id", "reference", "authority", "date_responded", "question",
                              "answer", "outcome", "exemptions", "score"}) {
        EXPECT_TRUE(m.contains(key)) << key;
      }
    }
    EXPECT_GT(q["summary"]["asked"].get<int>(), 0);
    EXPECT_NE(q["summary"]["text"].get<std::string>().find("Asked"), std::string::npos);
  }
}

TEST(HttpCheck, FiltersRestrictToTheAuthorityAsked) {
  const std::string draft = "How many cyber attacks have you had?";
  auto all = nlohmann::json::parse(post_json({{"draft", draft}})->body);
  auto one = nlohmann::json::parse(
      post_json({{"draft", draft}, {"authority", {"devon-county-council"}}})->body);
  ASSERT_FALSE(all["questions"][0]["matches"].empty());
  for (const auto& m : one["questions"][0]["matches"]) {
    EXPECT_EQ(m["authority"], "Devon County Council");
  }
  auto type =
      nlohmann::json::parse(post_json({{"draft", draft}, {"authority_type", "police"}})->body);
  for (const auto& m : type["questions"][0]["matches"]) {
    EXPECT_NE(m["authority"], "Devon County Council");
  }
}

TEST(HttpCheck, BoilerplateEmptyAndOversizedDraftsGetAClearMessage) {
  struct Case {
    std::string draft;
    const char* words;
  };
  for (const auto& c :
       {Case{"Dear Sir/Madam,\nUnder the Freedom of Information Act please provide the "
             "following information.\nYours faithfully",
             "holds no question"},
        Case{"   \n ", "is empty"}, Case{std::string(101 * 1024, 'x'), "KB"}}) {
    auto res = post_json({{"draft", c.draft}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    const auto j = nlohmann::json::parse(res->body);
    EXPECT_EQ(j["error"]["parameter"], "draft");
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.words), std::string::npos)
        << j.dump();
  }
  EXPECT_EQ(
      ServedCorpus::get().client()->Post("/api/check", "not json", "application/json")->status,
      400);
}

TEST(HttpCheck, AHundredQuestionsAnswerWithoutHanging) {
  std::string draft;
  const char* topics[] = {"cyber attacks", "fire engines", "CCTV cameras", "drones",
                          "covid fines",   "misconduct",   "parking",      "staff pay"};
  for (int i = 1; i <= 100; ++i) {
    draft += std::to_string(i) + ". How many " + topics[i % 8] + " did you have in " +
             std::to_string(2000 + i % 25) + "?\n";
  }
  auto res = post_json({{"draft", draft}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body)["questions"].size(), 100U);
  draft += "101. And the last one about libraries?\n";
  const auto more = nlohmann::json::parse(post_json({{"draft", draft}})->body);
  EXPECT_EQ(more["questions"].size(), 100U);
  EXPECT_EQ(more["questions_dropped"], 1);
}

TEST(HttpCheck, TheFormWorksWithoutJavaScript) {
  auto form = ServedCorpus::get().get("/check");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("<textarea"), std::string::npos);
  httplib::Params p = {{"draft", "1. What SIEM do you use?\n2. When does the contract end?"}};
  auto res = ServedCorpus::get().client()->Post("/check", p);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("FOI 003477-20"), std::string::npos);
  EXPECT_NE(res->body.find("Asked"), std::string::npos);
  httplib::Params empty = {{"draft", "Dear Sir, please provide the information. Regards"}};
  auto bad = ServedCorpus::get().client()->Post("/check", empty);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
  // Other paths still refuse bodies before reading them.
  EXPECT_EQ(ServedCorpus::get().client()->Post("/search", p)->status, 405);
}

TEST(EvalCheck, RecallAtFiveMeetsTheTarget) {
  const auto r = run_command(foilog_bin() + " eval-check --min recall5=0.9 --db " +
                             quote(ServedCorpus::get().db()) + " " +
                             quote(source_dir() / "tests" / "check-eval" / "drafts.json"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("recall@5"), std::string::npos);
  std::cout << r.output;
  // The minimum is enforced: an impossible one fails.
  const auto strict = run_command(foilog_bin() + " eval-check --min recall5=1.01 --db " +
                                  quote(ServedCorpus::get().db()) + " " +
                                  quote(source_dir() / "tests" / "check-eval" / "drafts.json"));
  EXPECT_EQ(strict.status, 1);
}

}  // namespace
}  // namespace foilog::testing
