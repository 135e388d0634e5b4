// HTTP tests against a real `foilog serve` over the sample corpus: every page type, every facet,
// paging, sorting, the JSON shape, feeds, reference lookups, synonyms and error statuses.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "web/served_corpus.h"

namespace foilog::testing {
namespace {

nlohmann::json get_json(const std::string& path) {
  auto res = ServedCorpus::get().get(path);
  EXPECT_TRUE(res) << path;
  if (!res) {
    return {};
  }
  EXPECT_EQ(res->status, 200) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return nlohmann::json::parse(res->body);
}

std::string url_encode(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

TEST(HttpPages, EveryPageTypeAnswers200WithOneH1) {
  const auto first = get_json("/api/search?per_page=1");
  ASSERT_FALSE(first["results"].empty());
  const std::string doc = first["results"][0]["url"];
  const std::string authority = get_json("/api/authorities")["authorities"][0]["id"];
  for (const std::string& path : std::vector<std::string>{
           std::string("/"), std::string("/search"), std::string("/search?q=police"),
           std::string("/search?mode=questions&q=information"), doc, std::string("/authorities"),
           "/authority/" + authority, std::string("/exemptions"), std::string("/exemption/s31"),
           std::string("/healthz")}) {
    auto res = ServedCorpus::get().get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    if (path != "/healthz") {
      EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
      std::size_t h1 = 0;
      for (std::size_t p = 0; (p = res->body.find("<h1", p)) != std::string::npos; ++p) {
        ++h1;
      }
      EXPECT_EQ(h1, 1U) << path;
      EXPECT_NE(res->body.find("id=\"main-content\""), std::string::npos) << path;
    }
  }
}

TEST(HttpPages, SearchJsonHasTheDocumentedShape) {
  const auto j = get_json("/api/search?q=police&per_page=3");
  for (const char* key : {"total", "page", "per_page", "results", "facets", "suggestion"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 3);
  ASSERT_FALSE(j["results"].empty());
  for (const auto& r : j["results"]) {
    for (const char* key : {"id", "url", "reference", "authority", "authority_id", "date_responded",
                            "outcome", "exemptions", "topics", "snippet"}) {
      EXPECT_TRUE(r.contains(key)) << key;
    }
  }
  for (const char* facet :
       {"authority", "authority_type", "exemption", "topic", "outcome", "regime", "year"}) {
    ASSERT_TRUE(j["facets"].contains(facet)) << facet;
    for (const auto& v : j["facets"][facet]) {
      EXPECT_TRUE(v.contains("value") && v.contains("label") && v.contains("count"));
    }
  }
}

// Every facet count is what clicking it gives: the total of the search with that value added.
TEST(HttpPages, EveryFacetCountEqualsTheTotalAfterClickingIt) {
  for (const std::string& base :
       std::vector<std::string>{std::string("q=information"), std::string("")}) {
    const auto j = get_json("/api/search?per_page=1&" + base);
    std::size_t checked = 0;
    for (const auto& [facet, values] : j["facets"].items()) {
      for (const auto& v : values) {
        const auto clicked = get_json("/api/search?per_page=1&" + base + "&" + facet + "=" +
                                      url_encode(v["value"].get<std::string>()));
        EXPECT_EQ(clicked["total"], v["count"]) << facet << "=" << v["value"];
        ++checked;
      }
    }
    EXPECT_GT(checked, 20U);
  }
}

TEST(HttpPages, ValuesInOneFacetCombineWithOrFacetsWithAnd) {
  const auto j = get_json("/api/search?per_page=1");
  const auto& outcomes = j["facets"]["outcome"];
  ASSERT_GE(outcomes.size(), 2U);
  const std::string a = outcomes[0]["value"], b = outcomes[1]["value"];
  const auto both = get_json("/api/search?per_page=1&outcome=" + a + "&outcome=" + b);
  EXPECT_EQ(both["total"], outcomes[0]["count"].get<int>() + outcomes[1]["count"].get<int>());
  // Within the OR, the outcome facet still shows every outcome's own count (disjunctive).
  EXPECT_EQ(both["facets"]["outcome"].size(), outcomes.size());
  // AND across facets: outcome a within one authority is at most either alone.
  const std::string auth = j["facets"]["authority"][0]["value"];
  const auto anded = get_json("/api/search?per_page=1&outcome=" + a + "&authority=" + auth);
  EXPECT_LE(anded["total"].get<int>(), outcomes[0]["count"].get<int>());
  EXPECT_LE(anded["total"].get<int>(), j["facets"]["authority"][0]["count"].get<int>());
}

TEST(HttpPages, PagingVisitsEveryDocumentOnceAndTotalIsExact) {
  const auto all = get_json("/api/search?per_page=1");
  const int total = all["total"];
  ASSERT_GT(total, 30);
  std::set<int> seen;
  for (int page = 1; page <= (total + 6) / 7; ++page) {
    const auto j = get_json("/api/search?per_page=7&sort=newest&page=" + std::to_string(page));
    EXPECT_EQ(j["total"], total);
    for (const auto& r : j["results"]) {
      EXPECT_TRUE(seen.insert(r["id"].get<int>()).second) << "id twice: " << r["id"];
    }
  }
  EXPECT_EQ(static_cast<int>(seen.size()), total);
  // Past the end: an empty page, not an error.
  const auto past = get_json("/api/search?per_page=7&page=" + std::to_string(total));
  EXPECT_TRUE(past["results"].empty());
}

TEST(HttpPages, SortNewestAndOldestOrderByDate) {
  for (const std::string& sort : std::vector<std::string>{"newest", "oldest"}) {
    const auto j = get_json("/api/search?per_page=100&sort=" + sort);
    std::string prev;
    for (const auto& r : j["results"]) {
      if (!r["date_responded"].is_string()) {
        continue;
      }
      const std::string d = r["date_responded"];
      if (!prev.empty()) {
        EXPECT_TRUE(sort == "newest" ? d <= prev : d >= prev) << sort << ": " << prev << " " << d;
      }
      prev = d;
    }
    EXPECT_FALSE(prev.empty());
  }
}

TEST(HttpPages, AReferenceTypedAsPrintedFindsThatLetterFirst) {
  for (const std::string& ref :
       std::vector<std::string>{"FOI 003477-20", "FOI/AH/17/16", "211A/20"}) {
    const auto j = get_json("/api/search?q=" + url_encode(ref));
    ASSERT_FALSE(j["results"].empty()) << ref;
    EXPECT_EQ(j["results"][0]["reference"], ref);
  }
  const auto field = get_json("/api/search?q=" + url_encode("ref:\"FOI 003477-20\""));
  ASSERT_EQ(field["total"], 1);
}

TEST(HttpPages, SiemFindsTheSeedThatSpellsItSeim) {
  const auto j = get_json("/api/search?q=SIEM");
  bool found = false;
  for (const auto& r : j["results"]) {
    found = found || r["reference"] == "FOI 003477-20";
  }
  EXPECT_TRUE(found) << j.dump();
}

TEST(HttpPages, PhrasesStemmingBooleansAndFieldPrefixes) {
  const int all = get_json("/api/search?per_page=1")["total"];
  const int cyber = get_json("/api/search?q=cyber")["total"];
  const int not_cyber = get_json("/api/search?q=" + url_encode("NOT cyber"))["total"];
  EXPECT_GT(cyber, 0);
  EXPECT_EQ(cyber + not_cyber, all);
  // Stemming: "attacks" finds letters that say "attack".
  EXPECT_GT(get_json("/api/search?q=attacks")["total"].get<int>(), 0);
  EXPECT_GT(get_json("/api/search?q=" + url_encode("\"law enforcement\""))["total"].get<int>(), 0);
  const auto refused = get_json("/api/search?q=" + url_encode("outcome:cost_limit"));
  const auto facet = get_json("/api/search?outcome=cost_limit");
  EXPECT_EQ(refused["total"], facet["total"]);
  EXPECT_EQ(get_json("/api/search?q=" + url_encode("exemption:s31"))["total"],
            get_json("/api/search?exemption=s31")["total"]);
  EXPECT_GT(get_json("/api/search?q=" + url_encode("authority:midlands"))["total"].get<int>(), 0);
  EXPECT_GT(get_json("/api/search?q=cyb*")["total"].get<int>(), 0);
}

TEST(HttpPages, SpellingSuggestion) {
  const auto j = get_json("/api/search?q=polise");
  ASSERT_TRUE(j["suggestion"].is_string()) << j.dump();
  EXPECT_EQ(j["suggestion"], "police");
}

TEST(HttpPages, QuestionModeReturnsQuestionsWithAnswers) {
  const auto j = get_json("/api/search?mode=questions&q=SIEM");
  ASSERT_FALSE(j["results"].empty());
  EXPECT_TRUE(j["results"][0].contains("question"));
  EXPECT_TRUE(j["results"][0].contains("answer"));
  EXPECT_EQ(j["mode"], "questions");
}

TEST(HttpPages, DateRangeFilters) {
  const auto all = get_json("/api/search?per_page=100");
  const auto ranged = get_json("/api/search?per_page=100&from=2020-01-01&to=2020-12-31");
  EXPECT_LT(ranged["total"].get<int>(), all["total"].get<int>());
  EXPECT_GT(ranged["total"].get<int>(), 0);
}

TEST(HttpPages, DocumentApiAndPageShowTheRecord) {
  const auto first = get_json("/api/search?q=" + url_encode("FOI 003477-20"));
  const std::string id = std::to_string(first["results"][0]["id"].get<int>());
  const auto doc = get_json("/api/documents/" + id);
  EXPECT_EQ(doc["reference"], "FOI 003477-20");
  EXPECT_TRUE(doc.contains("text"));
  EXPECT_FALSE(doc["source"].contains("path"));
  // The file's name only: a server path would show the machine's layout.
  EXPECT_EQ(doc["file"].get<std::string>().find('/'), std::string::npos) << doc["file"];
  EXPECT_FALSE(doc["file"].get<std::string>().empty());
  auto page = ServedCorpus::get().get("/doc/" + id);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("govuk-summary-list"), std::string::npos);
  EXPECT_NE(page->body.find("class=\"exemption-link\" href=\"/exemption/s24%281%29\""),
            std::string::npos);
  EXPECT_NE(page->body.find("<mark class=\"evidence\" id=\"ev-reference\""), std::string::npos);
  EXPECT_NE(page->body.find("Similar responses"), std::string::npos);
  auto original = ServedCorpus::get().get("/doc/" + id + "/original");
  ASSERT_TRUE(original);
  EXPECT_EQ(original->status, 200);
  EXPECT_NE(original->body.find("FOI 003477-20"), std::string::npos);
}

TEST(HttpPages, FeedsAreWellFormedAtomWithPaging) {
  for (const std::string& path :
       std::vector<std::string>{"/feed.atom?per_page=5", "/feed.atom?q=police&per_page=2"}) {
    auto res = ServedCorpus::get().get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    pugi::xml_document xml;
    const auto parsed = xml.load_string(res->body.c_str());
    ASSERT_TRUE(parsed) << parsed.description() << "\n" << res->body;
    const auto feed = xml.child("feed");
    ASSERT_TRUE(feed);
    EXPECT_TRUE(feed.find_child_by_attribute("link", "rel", "next")) << path;
    EXPECT_TRUE(feed.child("entry"));
  }
  const auto authority = get_json("/api/authorities")["authorities"][0]["id"];
  auto res = ServedCorpus::get().get("/authority/" + authority.get<std::string>() + "/feed.atom");
  ASSERT_TRUE(res);
  pugi::xml_document xml;
  EXPECT_TRUE(xml.load_string(res->body.c_str()));
}

TEST(HttpPages, AuthorityAndExemptionListsAndPages) {
  const auto auths = get_json("/api/authorities");
  ASSERT_FALSE(auths["authorities"].empty());
  int sum = 0;
  for (const auto& a : auths["authorities"]) {
    sum += a["responses"].get<int>();
  }
  int facet_sum = 0;
  const auto everything = get_json("/api/search?per_page=1");
  for (const auto& v : everything["facets"]["authority"]) {
    facet_sum += v["count"].get<int>();
  }
  EXPECT_EQ(sum, facet_sum);
  const auto ex = get_json("/api/exemptions");
  ASSERT_FALSE(ex["exemptions"].empty());
  auto page = ServedCorpus::get().get("/exemption/s31");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<h1 class=\"govuk-heading-l\">s31 Law enforcement</h1>"),
            std::string::npos);
  EXPECT_EQ(ServedCorpus::get().get("/authority/no-such-authority")->status, 404);
  EXPECT_EQ(ServedCorpus::get().get("/exemption/s999")->status, 404);
}

TEST(HttpPages, BadParametersGive400NamingTheParameter) {
  struct Case {
    std::string query, param;
  };
  for (const auto& c :
       {Case{"page=abc", "page"}, Case{"page=0", "page"}, Case{"per_page=1000", "per_page"},
        Case{"sort=sideways", "sort"}, Case{"mode=x", "mode"}, Case{"from=2020-13-45", "from"},
        Case{"from=2021-01-01&to=2020-01-01", "from"}, Case{"q=%FF%FE", "q"}, Case{"q=a%00b", "q"},
        Case{"q=" + std::string(3000, 'a'), "q"}}) {
    auto html = ServedCorpus::get().get("/search?" + c.query);
    ASSERT_TRUE(html) << c.query;
    EXPECT_EQ(html->status, 400) << c.query;
    EXPECT_NE(html->body.find("govuk-error-summary"), std::string::npos) << c.query;
    EXPECT_NE(html->body.find("‘" + c.param + "’"), std::string::npos) << c.query;
    auto json = ServedCorpus::get().get("/api/search?" + c.query);
    ASSERT_TRUE(json);
    EXPECT_EQ(json->status, 400);
    EXPECT_EQ(nlohmann::json::parse(json->body)["error"]["parameter"], c.param) << c.query;
  }
}

TEST(HttpPages, UnknownPagesAre404InTheRightFormat) {
  auto html = ServedCorpus::get().get("/no/such/page");
  EXPECT_EQ(html->status, 404);
  EXPECT_NE(html->body.find("Page not found"), std::string::npos);
  auto json = ServedCorpus::get().get("/api/documents/999999");
  EXPECT_EQ(json->status, 404);
  EXPECT_EQ(nlohmann::json::parse(json->body)["error"]["status"], 404);
  EXPECT_EQ(ServedCorpus::get().get("/doc/999999")->status, 404);
}

TEST(HttpPages, HostileQueriesNeverGive500) {
  for (const std::string& q : std::vector<std::string>{
           "\"unbalanced", "((((", "a*", "AND OR NOT", "authority:", "nosuchfield:value",
           "' OR 1=1 --", "x OR authority:y", std::string(1500, '(')}) {
    auto res = ServedCorpus::get().get("/search?q=" + url_encode(q));
    ASSERT_TRUE(res) << q;
    EXPECT_TRUE(res->status == 200 || res->status == 400) << q << " -> " << res->status;
  }
  // A facet value is only ever that facet's value.
  EXPECT_EQ(get_json("/api/search?authority=" + url_encode("' OR 1=1 --"))["total"], 0);
}

}  // namespace
}  // namespace foilog::testing

namespace foilog::testing {
namespace {

// The <loc> of every entry of a sitemap or sitemap index.
std::vector<std::string> locs_of(const std::string& xml, const char* entry) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str())) << xml.substr(0, 300);
  std::vector<std::string> out;
  for (const auto& node : doc.document_element().children(entry)) {
    out.emplace_back(node.child_value("loc"));
  }
  return out;
}

TEST(HttpPages, TheSitemapsListEveryPublishedResponseAndRobotsPointsToThem) {
  auto& served = ServedCorpus::get();
  const auto robots = served.get("/robots.txt");
  ASSERT_EQ(robots->status, 200);
  EXPECT_NE(robots->body.find("Sitemap: "), std::string::npos);
  EXPECT_NE(robots->body.find("Disallow: /publish"), std::string::npos);
  const auto index = served.get("/sitemap.xml");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "application/xml; charset=utf-8");
  std::set<std::string> docs;
  std::size_t pages = 0;
  for (const auto& loc : locs_of(index->body, "sitemap")) {
    const std::string path = loc.substr(loc.find('/', loc.find("//") + 2));
    const auto part = served.get(path);
    ASSERT_EQ(part->status, 200) << path;
    for (const auto& url : locs_of(part->body, "url")) {
      if (url.find("/doc/") != std::string::npos) {
        EXPECT_TRUE(docs.insert(url).second) << url << " listed twice";
      } else {
        ++pages;
      }
    }
  }
  const int published = get_json("/api/search?per_page=1")["total"].get<int>();
  EXPECT_EQ(docs.size(), static_cast<std::size_t>(published));
  EXPECT_GE(pages, 4U + 5U) << "the fixed pages and the authorities' logs";
  EXPECT_EQ(served.get("/sitemap-docs-99999.xml")->status, 404);
}

}  // namespace
}  // namespace foilog::testing
