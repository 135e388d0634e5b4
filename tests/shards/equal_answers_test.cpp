// Every page and API answer that reads the index is the same from two xapian-tcpsrv shards as
// from one store: search results and their order, exact totals, facet counts, paging, documents,
// authorities, exemptions, feeds, patterns, the pre-filing check, exports and sitemaps.
#include <gtest/gtest.h>

#include <regex>

#include "render/url.h"
#include "shards/sharded_corpus.h"

namespace foilog::testing {
namespace {

// What may differ between two stores indexed a moment apart: when each file was read.
std::string masked(std::string body) {
  static const std::regex kTimestamp(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)");
  return std::regex_replace(body, kTimestamp, "<ingested_at>");
}

struct Answer {
  int status = 0;
  std::string type, body;
};

Answer answer(int port, const std::string& path) {
  const auto r = ShardedCorpus::get(port, path);
  if (!r) {
    return {-1, "", "transport error " + httplib::to_string(r.error())};
  }
  return {r->status, r->get_header_value("Content-Type"), masked(r->body)};
}

Answer post(int port, const std::string& path, const std::string& body, const char* type) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30, 0);
  const auto r = c.Post(path, body, type);
  if (!r) {
    return {-1, "", "transport error"};
  }
  return {r->status, r->get_header_value("Content-Type"), masked(r->body)};
}

// The first line that differs, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    ++i;
  }
  const std::size_t from = i > 120 ? i - 120 : 0;
  return "at byte " + std::to_string(i) + ":\n  one store: " + a.substr(from, 240) +
         "\n  shards:    " + b.substr(from, 240);
}

void expect_same(const std::string& path) {
  auto& corpus = ShardedCorpus::get();
  const Answer one = answer(corpus.single_server().port(), path);
  const Answer two = answer(corpus.sharded_server().port(), path);
  ASSERT_GT(one.status, 0) << path << ": " << one.body;
  EXPECT_EQ(one.status, two.status) << path << "\n" << two.body.substr(0, 400);
  EXPECT_EQ(one.type, two.type) << path;
  EXPECT_TRUE(one.body == two.body) << path << " differs " << first_difference(one.body, two.body);
}

std::vector<std::string> searches() {
  std::vector<std::string> qs = {
      "",
      "q=police",
      "q=information",
      "q=fire",
      "q=cctv",
      "q=SIEM",
      "q=polise",  // "did you mean"
      "q=%22fire+safety%22",
      "q=request+OR+cost",
      "q=outcome:refused",
      "q=exemption:s40",
      "q=year:2020",
      "q=data*",
      "q=information&sort=newest",
      "q=information&sort=oldest",
      "sort=oldest",
      "q=information&per_page=5&page=2",
      "q=information&per_page=3&page=4",
      "per_page=7&page=3",
      "per_page=100",
      "q=information&outcome=refused",
      "q=information&outcome=refused&outcome=partial",
      "exemption=s40",
      "exemption=s43&exemption=s12",
      "authority_type=police",
      "authority_type=nhs&outcome=granted",
      "regime=EIR",
      "year=2019&year=2020",
      "from=2019-01-01&to=2020-12-31",
      "q=information&mode=questions",
      "mode=questions&per_page=10&page=2",
      "q=cost&mode=questions&outcome=refused",
      "topic=it-cyber-security",
  };
  for (const auto& a : ShardedCorpus::get().authorities()) {
    qs.push_back("authority=" + web::url_encode(a));
  }
  return qs;
}

TEST(Shards, SplitHoldsEveryDocumentOnce) {
  auto& corpus = ShardedCorpus::get();
  ASSERT_GT(corpus.group(0).size(), 5U);
  ASSERT_GT(corpus.group(1).size(), 5U);
  EXPECT_EQ(corpus.group(0).size() + corpus.group(1).size(), corpus.documents());
  // The sharded server really is the one searching two shards: the total is all of them.
  const auto r = ShardedCorpus::get(corpus.sharded_server().port(), "/api/search");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["total"].get<std::size_t>(), corpus.documents());
}

TEST(Shards, SearchPagesAndApiAreTheSame) {
  for (const auto& q : searches()) {
    expect_same("/search?" + q);
    expect_same("/api/search?" + q);
    expect_same("/feed.atom?" + q);
  }
}

TEST(Shards, DocumentsAreTheSame) {
  const std::size_t n = ShardedCorpus::get().documents();
  for (std::size_t id = 1; id <= n + 1; ++id) {  // n + 1: the 404 too
    expect_same("/doc/" + std::to_string(id));
    expect_same("/api/documents/" + std::to_string(id));
    expect_same("/doc/" + std::to_string(id) + "/original");
  }
}

TEST(Shards, AuthoritiesAndExemptionsAreTheSame) {
  expect_same("/");
  expect_same("/authorities");
  expect_same("/api/authorities");
  expect_same("/exemptions");
  expect_same("/api/exemptions");
  for (const auto& a : ShardedCorpus::get().authorities()) {
    const std::string slug = web::url_encode(a);
    expect_same("/authority/" + slug);
    expect_same("/authority/" + slug + "?q=information");
    expect_same("/authority/" + slug + "/feed.atom");
    expect_same("/authority/" + slug + "/embed");
  }
  for (const char* e : {"s40", "s40(2)", "s43", "s12", "s31", "reg12(5)(b)", "s21"}) {
    expect_same(std::string("/exemption/") + e);
  }
}

TEST(Shards, PatternsAndCompareAreTheSame) {
  for (const std::string q :
       {"", "q=information", "authority_type=nhs", "period=month", "min_responses=2"}) {
    expect_same("/patterns?" + q);
    expect_same("/patterns?format=json&" + q);
    expect_same("/patterns?format=csv&" + q);
  }
  const auto& authorities = ShardedCorpus::get().authorities();
  std::string compare = "/compare?";
  int n = 0;
  for (const auto& a : authorities) {
    if (n++ < 3) {
      compare += "authority=" + web::url_encode(a) + "&";
    }
  }
  expect_same(compare);
  expect_same(compare + "q=information");
}

TEST(Shards, PriorAnswersAreTheSame) {
  const std::vector<std::string> drafts = {
      "1. How many CCTV cameras do you operate?\n2. Who supplied them and what did they cost?",
      "Please provide the number of fire safety inspections carried out in 2019.",
      "Which SIEM product do you use for cyber security monitoring?",
      "How much did you spend on agency staff and consultants last year?",
  };
  auto& corpus = ShardedCorpus::get();
  for (const auto& d : drafts) {
    expect_same("/check?draft=" + web::url_encode(d));
    const std::string body = nlohmann::json({{"draft", d}}).dump();
    const Answer one = post(corpus.single_server().port(), "/api/check", body, "application/json");
    const Answer two = post(corpus.sharded_server().port(), "/api/check", body, "application/json");
    EXPECT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.status, two.status);
    EXPECT_TRUE(one.body == two.body) << d << first_difference(one.body, two.body);
  }
  expect_same("/check?draft=" + web::url_encode(drafts[0]) + "&authority_type=police");
}

TEST(Shards, ExportsAndSitemapsAreTheSame) {
  for (const std::string q : {"", "q=information", "outcome=refused"}) {
    expect_same("/export/search?format=csv&" + q);
    expect_same("/export/search?format=json&" + q);
  }
  expect_same("/sitemap.xml");
  expect_same("/sitemap-pages.xml");
  expect_same("/sitemap-docs-0.xml");
  expect_same("/robots.txt");
}

TEST(Shards, PublishingIsRefusedWithAReason) {
  auto& corpus = ShardedCorpus::get();
  const auto r = ShardedCorpus::get(corpus.sharded_server().port(), "/api/publish");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("several shards"), std::string::npos) << r->body;
}

}  // namespace
}  // namespace foilog::testing
