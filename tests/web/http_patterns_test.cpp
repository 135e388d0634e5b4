// The patterns page, compare page and exports over HTTP, checked against SQL written here
// independently of the figures module, and every figure's link against the count it shows.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "store/sqlite_db.h"
#include "web/served_corpus.h"

namespace foilog::testing {
namespace {

nlohmann::json get_json(const std::string& path) {
  auto res = ServedCorpus::get().get(path);
  EXPECT_TRUE(res && res->status == 200) << path;
  return res ? nlohmann::json::parse(res->body) : nlohmann::json();
}

std::map<std::string, nlohmann::json> rows_by(const nlohmann::json& table, const std::string& key) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& r : table["rows"])
    out[r[key].get<std::string>()] = r;
  return out;
}

TEST(HttpPatterns, AuthorityFiguresMatchSql) {
  const auto j = get_json("/patterns?format=json");
  const auto rows = rows_by(j["tables"]["authorities"], "authority_id");
  SqliteDb db(ServedCorpus::get().db() / "foilog.sqlite", true);
  auto st = db.prepare(
      "SELECT authority_id, outcome, COUNT(*) FROM documents WHERE authority_id IS NOT NULL "
      "GROUP BY authority_id, outcome");
  std::map<std::string, std::map<std::string, std::int64_t>> want;
  while (st.step())
    want[st.text(0)][st.text(1)] = st.int64(2);
  ASSERT_EQ(rows.size(), want.size());
  for (const auto& [authority, outcomes] : want) {
    const auto& row = rows.at(authority);
    std::int64_t total = 0, refusals = 0;
    for (const auto& [o, n] : outcomes) {
      EXPECT_EQ(row[o], std::to_string(n)) << authority << " " << o;
      total += n;
      if (o == "refused" || o == "ncnd" || o == "cost_limit" || o == "vexatious")
        refusals += n;
    }
    EXPECT_EQ(row["responses"], std::to_string(total)) << authority;
    char rate[16];
    std::snprintf(rate, sizeof rate, "%.4f", double(refusals) / double(total));
    EXPECT_EQ(row["refusal_rate"], rate) << authority;
  }
  // Median working days, computed in SQL by hand for every authority with timed responses.
  auto days = db.prepare(
      "SELECT authority_id, working_days FROM documents WHERE working_days IS NOT NULL "
      "AND authority_id IS NOT NULL ORDER BY authority_id, working_days");
  std::map<std::string, std::vector<std::int64_t>> per;
  while (days.step())
    per[days.text(0)].push_back(days.int64(1));
  for (const auto& [authority, v] : per) {
    const std::size_t n = v.size();
    const double m = n % 2 ? double(v[n / 2]) : (double(v[n / 2 - 1]) + double(v[n / 2])) / 2;
    const std::string shown = rows.at(authority)["median_working_days"];
    EXPECT_DOUBLE_EQ(std::stod(shown), m) << authority;
    EXPECT_EQ(rows.at(authority)["timed_responses"], std::to_string(n));
  }
}

TEST(HttpPatterns, ExemptionCountsMatchSql) {
  const auto j = get_json("/patterns?format=json");
  const auto rows = rows_by(j["tables"]["exemptions"], "provision");
  SqliteDb db(ServedCorpus::get().db() / "foilog.sqlite", true);
  auto st = db.prepare(
      "SELECT p, COUNT(DISTINCT document_id) FROM (SELECT document_id, provision AS p FROM "
      "document_exemptions UNION SELECT document_id, parent FROM document_exemptions) GROUP BY p");
  std::size_t checked = 0;
  while (st.step()) {
    ASSERT_TRUE(rows.count(st.text(0))) << st.text(0);
    EXPECT_EQ(rows.at(st.text(0))["responses_citing"], std::to_string(st.int64(1))) << st.text(0);
    ++checked;
  }
  EXPECT_EQ(checked, rows.size());
  EXPECT_GT(checked, 5U);
}

// "Every figure links to the responses behind it": on the page, each count that is a link goes
// to a search whose total is that count.
TEST(HttpPatterns, EveryCountOnThePageLinksToThatManyResponses) {
  auto res = ServedCorpus::get().get("/patterns");
  ASSERT_TRUE(res);
  const std::string& html = res->body;
  std::size_t checked = 0;
  const std::string marker =
      "<td class=\"govuk-table__cell govuk-table__cell--numeric\"><a href=\"";
  for (std::size_t p = 0; (p = html.find(marker, p)) != std::string::npos && checked < 60;) {
    p += marker.size();
    const std::size_t q = html.find('"', p);
    std::string href = html.substr(p, q - p);
    const std::size_t close = html.find("</a>", q);
    const std::string text = html.substr(q + 2, close - q - 2);
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])) ||
        text.find('%') != std::string::npos) {
      continue;
    }
    for (std::size_t a; (a = href.find("&amp;")) != std::string::npos;)
      href.replace(a, 5, "&");
    ASSERT_EQ(href.rfind("/search", 0), 0U) << href;
    const auto j =
        get_json("/api" + href + (href.find('?') == std::string::npos ? "?" : "&") + "per_page=1");
    EXPECT_EQ(std::to_string(j["total"].get<int>()), text) << href;
    ++checked;
  }
  EXPECT_GT(checked, 20U);
}

TEST(HttpPatterns, CsvDownloadsAreRfc4180WithTheFiltersInTheName) {
  auto res = ServedCorpus::get().get("/patterns?format=csv&table=authorities&outcome=refused");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"foilog-patterns-authorities-outcome-refused.csv\"");
  std::istringstream lines(res->body);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("\"authority_id\",\"authority\",\"responses\",\"granted\"", 0), 0U);
  EXPECT_EQ(header.back(), '\r');
  // Filtered to refusals, every row's refused column is its responses column.
  std::string line;
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    if (line.empty())
      continue;
    ++rows;
  }
  EXPECT_GT(rows, 0U);
  for (const std::string& table :
       std::vector<std::string>{"outcomes", "exemptions", "authority_types", "periods", "matrix"}) {
    auto t = ServedCorpus::get().get("/patterns?format=csv&table=" + table);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->status, 200) << table;
  }
  EXPECT_EQ(ServedCorpus::get().get("/patterns?format=csv&table=nope")->status, 400);
  EXPECT_EQ(ServedCorpus::get().get("/patterns?format=xml")->status, 400);
  EXPECT_EQ(ServedCorpus::get().get("/patterns?min_responses=0")->status, 400);
}

TEST(HttpPatterns, SearchExportHasEveryMatchAndDefusesFormulas) {
  const int total = get_json("/api/search?per_page=1")["total"];
  auto csv = ServedCorpus::get().get("/export/search?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"foilog-search.csv\"");
  std::size_t lines = 0;
  for (std::size_t p = 0; (p = csv->body.find("\r\n", p)) != std::string::npos; p += 2)
    ++lines;
  EXPECT_EQ(lines, static_cast<std::size_t>(total) + 1);
  auto json = ServedCorpus::get().get("/export/search?format=json");
  const auto rows = nlohmann::json::parse(json->body);
  EXPECT_EQ(rows.size(), static_cast<std::size_t>(total));
  EXPECT_TRUE(rows[0].contains("exemptions") && rows[0]["exemptions"].is_array());
  auto formula = ServedCorpus::get().get("/export/search?format=csv&q=canary-formula");
  ASSERT_TRUE(formula);
  EXPECT_NE(formula->body.find("\"'=HYPERLINK(\"\"http://example.invalid\"\""), std::string::npos)
      << formula->body;
  EXPECT_EQ(formula->get_header_value("Content-Disposition"),
            "attachment; filename=\"foilog-search-q-canary-formula.csv\"");
  EXPECT_EQ(ServedCorpus::get().get("/export/search?format=xls")->status, 400);
}

TEST(HttpPatterns, PagesRenderWithChartsAndTables) {
  for (const std::string& path :
       std::vector<std::string>{"/patterns", "/patterns?period=month", "/patterns?q=police",
                                "/patterns?outcome=refused&min_responses=2"}) {
    auto res = ServedCorpus::get().get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_NE(res->body.find("<svg"), std::string::npos) << path;
    EXPECT_NE(res->body.find("role=\"img\""), std::string::npos) << path;
    EXPECT_NE(res->body.find("<table"), std::string::npos) << path;
  }
}

TEST(HttpPatterns, CompareTakesTwoToSixAuthorities) {
  const auto auths = get_json("/api/authorities")["authorities"];
  ASSERT_GE(auths.size(), 3U);
  const std::string a = auths[0]["id"], b = auths[1]["id"];
  auto one = ServedCorpus::get().get("/compare?authority=" + a);
  EXPECT_EQ(one->status, 400);
  EXPECT_NE(one->body.find("‘authority’"), std::string::npos);
  auto two = ServedCorpus::get().get("/compare?authority=" + a + "&authority=" + b);
  ASSERT_EQ(two->status, 200);
  auto escaped = [](std::string n) {
    for (std::size_t a; (a = n.find('\'')) != std::string::npos;)
      n.replace(a, 1, "&apos;");
    return n;
  };
  EXPECT_NE(two->body.find(escaped(auths[0]["name"])), std::string::npos);
  EXPECT_NE(two->body.find(escaped(auths[1]["name"])), std::string::npos);
  const auto j = get_json("/compare?format=json&authority=" + a + "&authority=" + b);
  EXPECT_LE(j["tables"]["authorities"]["rows"].size(), 2U);
  std::string seven;
  for (int i = 0; i < 7; ++i)
    seven += "&authority=a" + std::to_string(i);
  EXPECT_EQ(ServedCorpus::get().get("/compare?" + seven.substr(1))->status, 400);
}

}  // namespace
}  // namespace foilog::testing

namespace foilog::testing {
namespace {

TEST(ExportCommand, DumpsEveryResponseAsCsvOrJsonLines) {
  const auto db = ServedCorpus::get().db();
  SqliteDb sqlite(db / "foilog.sqlite", true);
  auto st = sqlite.prepare("SELECT COUNT(*) FROM documents WHERE status = 'published'");
  ASSERT_TRUE(st.step());
  const auto count = static_cast<std::size_t>(st.int64(0));
  const auto csv = run_command(foilog_bin() + " export --db " + quote(db));
  ASSERT_EQ(csv.status, 0) << csv.output;
  std::size_t lines = 0;
  for (std::size_t p = 0; (p = csv.output.find("\r\n", p)) != std::string::npos; p += 2)
    ++lines;
  EXPECT_EQ(lines, count + 1);
  EXPECT_EQ(csv.output.rfind("\"id\",\"url\",\"reference\"", 0), 0U);
  EXPECT_NE(csv.output.find("\"'=HYPERLINK("), std::string::npos);
  const auto jsonl = run_command(foilog_bin() + " export --format jsonl --db " + quote(db));
  ASSERT_EQ(jsonl.status, 0);
  std::istringstream in(jsonl.output);
  std::string line;
  std::size_t objects = 0;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("outcome") && j["exemptions"].is_array());
    ++objects;
  }
  EXPECT_EQ(objects, count);
  EXPECT_EQ(run_command(foilog_bin() + " export --format xml --db " + quote(db)).status, 2);
}

}  // namespace
}  // namespace foilog::testing
