// The publishing life of a response through a real `foilog serve`: upload -> review (not
// public) -> release (warnings confirmed) -> correct -> reindex -> the correction survives, and
// survives re-extracting the file; withdrawal of a response carrying a unique canary makes it
// vanish from every response at once, and the purge from every byte of the data directory. The
// same flow through the web forms, and the audit log of it all.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "publish/http_helpers.h"

namespace foilog::publish_testing {
namespace {

using nlohmann::json;

std::int64_t upload_and_release(const PublishServer& s, const std::string& token,
                                const std::string& name, const std::string& bytes,
                                const json& metadata = nullptr) {
  const auto up = api_upload(s, token, name, bytes, metadata);
  EXPECT_EQ(up->status, 201) << up->body;
  const std::int64_t id = json_of(up)["id"].get<std::int64_t>();
  const auto rel = api_json(s, "POST", "/api/publish/" + std::to_string(id) + "/release", token,
                            {{"confirm_warnings", true}});
  EXPECT_EQ(rel->status, 200) << rel->body;
  return id;
}

std::int64_t total(const PublishServer& s, const std::string& query) {
  const auto j = json_of(s.client()->Get("/api/search?" + query));
  return j["total"].get<std::int64_t>();
}

// Every file below dir holding needle.
std::vector<std::string> files_holding(const std::filesystem::path& dir,
                                       const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && has(slurp(e.path()), needle)) {
      out.push_back(e.path().filename().string());
    }
  }
  return out;
}

TEST(PublishFlow, UploadReviewReleaseCorrectReindexAndTheCorrectionSurvives) {
  auto& s = PublishServer::get();
  const auto up = api_upload(s, s.wmp_token(), "lighting.txt", letter("wombatlamp"),
                             {{"title", "Patrols by lamplight"}});
  ASSERT_EQ(up->status, 201) << up->body;
  const json u = json_of(up);
  EXPECT_EQ(u["status"], "review");
  EXPECT_EQ(u["record"]["title"], "Patrols by lamplight") << "metadata applied as a correction";
  EXPECT_EQ(u["record"]["authority_id"], "west-midlands-police");
  EXPECT_EQ(u["record"]["file"].get<std::string>().find('/'), std::string::npos)
      << "the upload's place in the data directory is not the client's business";
  bool email = false;
  for (const auto& w : u["warnings"]) {
    email = email || w["kind"] == "email";
  }
  EXPECT_TRUE(email) << u["warnings"].dump();
  const std::int64_t id = u["id"].get<std::int64_t>();
  const std::string doc = "/doc/" + std::to_string(id);
  const std::string api = "/api/publish/" + std::to_string(id);

  // In review: nowhere public.
  EXPECT_EQ(total(s, "q=wombatlamp"), 0);
  EXPECT_EQ(s.client()->Get(doc)->status, 404);
  EXPECT_EQ(s.client()->Get("/api/documents/" + std::to_string(id))->status, 404);
  EXPECT_EQ(listed_ids(s, s.wmp_token(), "?status=review").front(), id);
  // The same file again is the same upload.
  const auto again = api_upload(s, s.wmp_token(), "lighting.txt", letter("wombatlamp"));
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json_of(again)["id"], id);
  EXPECT_TRUE(json_of(again)["duplicate"].get<bool>());

  // Warnings need an explicit confirmation.
  const auto refused = api_json(s, "POST", api + "/release", s.wmp_token());
  EXPECT_EQ(refused->status, 409);
  EXPECT_EQ(total(s, "q=wombatlamp"), 0);
  const auto released =
      api_json(s, "POST", api + "/release", s.wmp_token(), {{"confirm_warnings", true}});
  ASSERT_EQ(released->status, 200) << released->body;
  EXPECT_EQ(json_of(released)["status"], "published");
  EXPECT_EQ(total(s, "q=wombatlamp"), 1) << "indexed before the reply";
  EXPECT_EQ(s.client()->Get(doc)->status, 200);
  EXPECT_EQ(api_json(s, "POST", api + "/release", s.wmp_token())->status, 409);

  // Correct three facts.
  const auto patched = api_json(s, "PATCH", api, s.wmp_token(),
                                {{"reference", "WMP-CORRECTED-77"},
                                 {"outcome", "refused"},
                                 {"exemptions", {"Section 31(1)(a)"}}});
  ASSERT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(json_of(patched)["record"]["reference"], "WMP-CORRECTED-77");
  EXPECT_EQ(total(s, "q=ref:WMP-CORRECTED-77"), 1);
  EXPECT_EQ(total(s, "q=wombatlamp&exemption=s31&outcome=refused"), 1);
  EXPECT_TRUE(has(s.client()->Get(doc)->body, "corrected by the authority"));
  const auto pub = json_of(s.client()->Get("/api/documents/" + std::to_string(id)));
  EXPECT_EQ(pub["reference"], "WMP-CORRECTED-77");
  EXPECT_EQ(pub["corrections"].size(), 4U) << pub["corrections"].dump();  // title + three
  // A bad value is refused naming the field, and changes nothing.
  const auto bad = api_json(s, "PATCH", api, s.wmp_token(), {{"date_received", "31/02/2024"}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json_of(bad)["error"]["parameter"], "date_received");
  // An authority cannot hand its response to another.
  EXPECT_EQ(api_json(s, "PATCH", api, s.wmp_token(), {{"authority", "canary-borough"}})->status,
            403);

  // Reindex rebuilds Xapian from SQLite: the corrected record is what comes back.
  PublishServer::must(s.cli("reindex"));
  EXPECT_EQ(total(s, "q=ref:WMP-CORRECTED-77"), 1);
  EXPECT_EQ(total(s, "q=wombatlamp&outcome=refused"), 1);
  EXPECT_EQ(json_of(s.client()->Get("/api/documents/" + std::to_string(id)))["reference"],
            "WMP-CORRECTED-77");
  EXPECT_TRUE(has(PublishServer::must(s.cli("check")), "ok"));

  // The label the correction stands for, by API and as exported files for `foilog eval`.
  const auto label = json_of(api_json(s, "GET", api + "/label", s.wmp_token()));
  EXPECT_EQ(label["reference"], "WMP-CORRECTED-77");
  EXPECT_EQ(label["outcome"], "refused");
  foilog::testing::TempDir out;
  PublishServer::must(s.cli("corrections export " + quote(out.path())));
  const json exported = json::parse(slurp(out.path() / ("doc-" + std::to_string(id) + ".json")));
  EXPECT_EQ(exported["reference"], "WMP-CORRECTED-77");
  EXPECT_EQ(exported["exemptions"], json::array({"s31(1)(a)"}));
  EXPECT_TRUE(has(slurp(out.path() / ("doc-" + std::to_string(id) + ".txt")), "wombatlamp"));

  // Every step is in the audit log, newest first, with who did it.
  const auto audit = json_of(api_json(s, "GET", "/api/publish/audit", s.wmp_token()));
  std::vector<std::string> actions;
  for (const auto& e : audit["entries"]) {
    if (e["document_id"] == id) {
      actions.push_back(e["action"]);
      EXPECT_TRUE(has(e["actor"].get<std::string>(), "(FOI team) for west-midlands-police"));
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"correct", "release", "upload"}));
}

TEST(PublishFlow, ACorrectionSurvivesReingestingTheFile) {
  auto& s = PublishServer::get();
  // A copy of a published West Midlands Police letter (and its label, whose source address
  // names the force), crawled into this store from a folder of the test's own.
  std::filesystem::path original;
  for (const auto candidate : listed_ids(s, s.wmp_token(), "?status=published")) {
    const std::string f = json_of(api_json(s, "GET", "/api/publish/" + std::to_string(candidate),
                                           s.wmp_token()))["record"]["file"];
    // The API names the file alone; the sample corpus holds it.
    for (const char* folder : {"corpus", "seeds"}) {
      if (const auto path = source_dir() / "data" / folder / f; std::filesystem::exists(path)) {
        original = path;
      }
    }
  }
  ASSERT_TRUE(std::filesystem::exists(original)) << original;
  const auto crawl = s.scratch("crawl");
  const auto file = crawl / original.filename();
  std::filesystem::copy_file(original, file);
  auto label = original;
  label.replace_extension(".json");
  if (std::filesystem::exists(label)) {
    std::filesystem::copy_file(label, crawl / label.filename());
  }
  // The API names files without their folders, so the copy is the one id the crawl added.
  const auto before = listed_ids(s, s.admin_token(), "?status=published");
  EXPECT_TRUE(has(PublishServer::must(s.cli("index --quiet " + quote(crawl))), "1 added"));
  std::int64_t id = 0;
  for (const auto candidate : listed_ids(s, s.admin_token(), "?status=published")) {
    if (std::find(before.begin(), before.end(), candidate) == before.end()) {
      id = candidate;
    }
  }
  ASSERT_GT(id, 0) << "the crawled copy is not in the store";
  const std::string api = "/api/publish/" + std::to_string(id);
  ASSERT_EQ(api_json(s, "PATCH", api, s.admin_token(), {{"reference", "WMP-REINGEST-9"}})->status,
            200);
  // The authority revises the file; the crawler reads it again.
  std::ofstream(file, std::ios::app) << "\nAddendum: the figures for zqxaddendum were revised.\n";
  const std::string out = PublishServer::must(s.cli("index --quiet " + quote(crawl)));
  EXPECT_TRUE(has(out, "1 replaced")) << out;
  const json doc = json_of(api_json(s, "GET", api, s.admin_token()));
  EXPECT_EQ(doc["record"]["reference"], "WMP-REINGEST-9");
  EXPECT_EQ(total(s, "q=zqxaddendum"), 1) << "the new text was extracted and indexed";
  EXPECT_EQ(total(s, "q=zqxaddendum+ref:WMP-REINGEST-9"), 1);
}

TEST(PublishFlow, AWithdrawnResponseIsGoneFromEveryResponseAtOnceAndThePurgeFromTheDisk) {
  auto& s = PublishServer::get();
  const std::string canary = "zqxwithdrawncanary";
  const std::string canary_ref = "CANARY-REF-X1";
  // A near copy of a published letter, so it also shows up as that letter's similar response.
  const std::int64_t twin = listed_ids(s, s.wmp_token(), "?status=published").back();
  const std::string twin_text =
      json_of(s.client()->Get("/api/documents/" + std::to_string(twin)))["text"];
  const std::int64_t id =
      upload_and_release(s, s.wmp_token(), "canary.txt",
                         twin_text + "\nThe " + canary + " figures were also released.\n",
                         {{"reference", canary_ref}, {"date_responded", "2030-01-01"}});
  const std::string sid = std::to_string(id);
  const std::int64_t authority_total = total(s, "authority=west-midlands-police");
  // Searches ask by a wildcard, so the page echoing the query never holds the whole canary.
  const std::string q = "zqxwithdrawn*";

  // Every public response that shows a published letter (the newest, by its date in 2030).
  const std::vector<std::string> pages = {
      "/",
      "/search?q=" + q,
      "/api/search?q=" + q,
      "/api/search?sort=newest",
      "/search?sort=newest",
      "/feed.atom",
      "/feed.atom?q=" + q,
      "/authority/west-midlands-police",
      "/authority/west-midlands-police/feed.atom",
      "/authority/west-midlands-police/embed",
      "/doc/" + std::to_string(twin),
      "/export/search?sort=newest",
      "/export/search?q=" + q + "&format=json",
      "/sitemap-docs-" + std::to_string(id / 50000) + ".xml",
  };
  // And where it may or may not have shown, but must not after.
  std::vector<std::string> after = pages;
  after.push_back("/search?q=" + q + "&mode=questions");
  after.push_back("/api/search?q=" + q + "&mode=questions");
  after.push_back("/authorities");
  after.push_back("/api/authorities");
  after.push_back("/patterns");
  // The pre-filing check, asked the twin's own words (the canary letter shares them).
  const json twin_doc = json_of(s.client()->Get("/api/documents/" + std::to_string(twin)));
  if (!twin_doc["questions"].empty()) {
    after.push_back("/check?draft=" +
                    httplib::detail::encode_query_param(twin_doc["questions"][0]["text"]));
  }
  for (const auto& p : pages) {
    const auto res = s.client()->Get(p);
    ASSERT_EQ(res->status, 200) << p;
    EXPECT_TRUE(has(res->body, canary) || has(res->body, canary_ref) ||
                has(res->body, "/doc/" + sid))
        << "before: " << p << " does not show the letter, so this test could not fail there";
  }
  EXPECT_EQ(json_of(s.client()->Get("/api/search?q=zqxwithdrawncanery"))["suggestion"], canary);
  ASSERT_EQ(s.client()->Get("/doc/" + sid)->status, 200);
  ASSERT_FALSE(files_holding(s.db(), canary).empty());

  const auto gone =
      api_json(s, "DELETE", "/api/publish/" + sid, s.wmp_token(), {{"reason", "personal data"}});
  ASSERT_EQ(gone->status, 200) << gone->body;
  EXPECT_EQ(json_of(gone)["status"], "withdrawn");

  // From the moment the call returned.
  for (const auto& p : after) {
    const auto res = s.client()->Get(p);
    ASSERT_EQ(res->status, 200) << p;
    EXPECT_FALSE(has(res->body, canary)) << "after: " << p;
    EXPECT_FALSE(has(res->body, canary_ref)) << "after: " << p;
    EXPECT_FALSE(has(res->body, "/doc/" + sid + "\"")) << "after: " << p;
  }
  EXPECT_TRUE(json_of(s.client()->Get("/api/search?q=zqxwithdrawncanery"))["suggestion"].is_null());
  EXPECT_EQ(total(s, "authority=west-midlands-police"), authority_total - 1);
  for (const std::string& p :
       {"/doc/" + sid, "/api/documents/" + sid, "/doc/" + sid + "/original"}) {
    const auto res = s.client()->Get(p);
    EXPECT_EQ(res->status, 410) << p;
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store") << p;
    EXPECT_FALSE(has(res->body, canary)) << p;
  }
  // The authority still sees it, withdrawn, with why.
  const json mine = json_of(api_json(s, "GET", "/api/publish/" + sid, s.wmp_token()));
  EXPECT_EQ(mine["status"], "withdrawn");
  EXPECT_EQ(mine["withdrawn_reason"], "personal data");
  EXPECT_EQ(api_json(s, "PATCH", "/api/publish/" + sid, s.wmp_token(), {{"title", "x"}})->status,
            409);

  // Withdrawn is not erased: the bytes are still in the files until the purge.
  EXPECT_FALSE(files_holding(s.db(), canary).empty());
  const auto purged = api_json(s, "POST", "/api/publish/" + sid + "/purge", s.wmp_token());
  ASSERT_EQ(purged->status, 200) << purged->body;
  EXPECT_FALSE(json_of(purged)["purged_at"].is_null());
  EXPECT_EQ(files_holding(s.db(), canary), std::vector<std::string>{});
  EXPECT_EQ(files_holding(s.db(), canary_ref), std::vector<std::string>{});
  EXPECT_TRUE(has(PublishServer::must(s.cli("check")), "ok"));
  EXPECT_EQ(s.client()->Get("/doc/" + std::to_string(twin))->status, 200) << "the rest stays";
  EXPECT_GT(total(s, "authority=west-midlands-police"), 0);
  EXPECT_EQ(s.client()->Get("/doc/" + sid)->status, 410);
}

TEST(PublishFlow, TheWebFormsCarryAResponseFromUploadToPurge) {
  auto& s = PublishServer::get();
  const WebSession web = sign_in(s, s.wmp_token());
  auto c = s.client();
  const auto form = [&](const std::string& path, httplib::Params fields) {
    fields.emplace("csrf", web.csrf);
    return c->Post(path, web.headers(), form_encode(fields), "application/x-www-form-urlencoded");
  };
  httplib::MultipartFormDataItems items = {
      {"csrf", web.csrf, "", ""},
      {"file", letter("koalalantern", "WEB-REF-1"), "web letter.txt", "text/plain"}};
  const auto up = c->Post("/publish/upload", web.headers(), items);
  ASSERT_EQ(up->status, 303) << up->body;
  const std::string review = up->get_header_value("Location");
  ASSERT_EQ(review.rfind("/publish/doc/", 0), 0U) << review;
  const std::string id = review.substr(std::string("/publish/doc/").size());

  const auto page = c->Get(review, web.headers());
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(has(page->body, "E-mail address")) << "the warning is listed";
  EXPECT_TRUE(has(page->body, "href=\"#ev-warning-0\"")) << "and its place in the letter";
  EXPECT_TRUE(has(page->body, "id=\"ev-warning-0\""));
  EXPECT_TRUE(has(page->body, review + "/change/reference"));
  EXPECT_FALSE(has(page->body, review + "/change/authority")) << "not for an authority";

  // Change the reference through its form; a wrong date is refused with an error summary.
  EXPECT_EQ(c->Get(review + "/change/date_received", web.headers())->status, 200);
  const auto wrong =
      form(review + "/change/date_received", {{"day", "31"}, {"month", "2"}, {"year", "2024"}});
  EXPECT_EQ(wrong->status, 400);
  EXPECT_TRUE(has(wrong->body, "govuk-error-summary"));
  EXPECT_TRUE(has(wrong->body, "value=\"31\"")) << "what was typed is kept";
  const auto changed = form(review + "/change/reference", {{"value", "WEB-REF-CORRECTED"}});
  EXPECT_EQ(changed->status, 303);
  EXPECT_TRUE(has(c->Get(review, web.headers())->body, "WEB-REF-CORRECTED"));
  EXPECT_EQ(form(review + "/change/topics", {{"value", "no-such-topic"}})->status, 400)
      << "an unknown topic id";

  // Publishing with warnings unconfirmed re-shows the page with an error; confirmed, it is out.
  const auto unconfirmed = form(review + "/release", {});
  EXPECT_EQ(unconfirmed->status, 400);
  EXPECT_TRUE(has(unconfirmed->body, "Confirm that you have checked every warning"));
  const auto released = form(review + "/release", {{"confirm_warnings", "yes"}});
  ASSERT_EQ(released->status, 303);
  EXPECT_EQ(c->Get(released->get_header_value("Location"), web.headers())->status, 200);
  EXPECT_EQ(total(s, "q=koalalantern"), 1);

  // Withdraw needs a reason; then purge.
  EXPECT_EQ(form(review + "/withdraw", {{"reason", "  "}})->status, 400);
  const auto withdrawn = form(review + "/withdraw", {{"reason", "sent to the wrong person"}});
  ASSERT_EQ(withdrawn->status, 303);
  const auto done = c->Get(withdrawn->get_header_value("Location"), web.headers());
  EXPECT_TRUE(has(done->body, "Response withdrawn"));
  EXPECT_EQ(total(s, "q=koalalantern"), 0);
  const auto purged = form(review + "/purge", {});
  ASSERT_EQ(purged->status, 303);
  EXPECT_TRUE(
      has(c->Get(purged->get_header_value("Location"), web.headers())->body, "Text removed"));
  EXPECT_EQ(files_holding(s.db(), "koalalantern"), std::vector<std::string>{});
  EXPECT_EQ(c->Get("/doc/" + id)->status, 410);

  // The audit page lists it all.
  const auto audit = c->Get("/publish/audit", web.headers());
  for (const char* action : {"upload", "correct", "release", "withdraw", "purge", "sign_in"}) {
    EXPECT_TRUE(has(audit->body, std::string(">") + action + "<")) << action;
  }
}

TEST(PublishFlow, AManifestGivesEachUploadedFileItsFacts) {
  auto& s = PublishServer::get();
  const WebSession web = sign_in(s, s.canary_token());
  httplib::MultipartFormDataItems items = {
      {"csrf", web.csrf, "", ""},
      {"file", letter("emuone", "X1"), "first.txt", "text/plain"},
      {"file", letter("emutwo", "X2"), "second letter.txt", "text/plain"},
      {"file", "", "empty.txt", "text/plain"},
      {"manifest",
       "file,reference,date_received,title\nfirst.txt,LOG/2019/001,01/02/2019,First\n"
       "second letter.txt,LOG/2019/002,,Second\n",
       "log.csv", "text/csv"}};
  const auto res = s.client()->Post("/publish/upload", web.headers(), items);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(has(res->body, "2 responses uploaded"));
  EXPECT_TRUE(has(res->body, "empty.txt: the file is empty"));
  EXPECT_TRUE(has(res->body, "LOG/2019/001"));
  const auto listed = json_of(api_json(s, "GET", "/api/publish?status=review", s.canary_token()));
  std::map<std::string, std::string> refs;
  for (const auto& d : listed["documents"]) {
    refs[d["reference"]] = d["title"];
  }
  EXPECT_EQ(refs["LOG/2019/001"], "First");
  EXPECT_EQ(refs["LOG/2019/002"], "Second");
  // They joined Canary Borough Council's log (an authority the table lacks).
  for (const auto& d : listed["documents"]) {
    EXPECT_EQ(d["authority_id"], "canary-borough");
  }
}

}  // namespace
}  // namespace foilog::publish_testing
