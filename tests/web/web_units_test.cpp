// Unit tests of the web layer's pure parts: the URL contract's parser, URL and HTML helpers,
// provision canonicalisation and the template loader's escaping contract.
#include <gtest/gtest.h>

#include <fstream>

#include "integration/command.h"
#include "render/html.h"
#include "render/templates.h"
#include "render/url.h"
#include "search/query_builder.h"
#include "search/search_request.h"
#include "util/error.h"

namespace foilog::web {
namespace {

SearchRequest parse(std::initializer_list<std::pair<const std::string, std::string>> p) {
  return parse_search_request(Params(p));
}

std::string param_of_error(std::initializer_list<std::pair<const std::string, std::string>> p) {
  try {
    (void)parse(p);
  } catch (const UsageError& e) {
    return e.param();
  }
  return "(no error)";
}

TEST(SearchRequest, ParsesEveryParameterOfTheContract) {
  const auto r = parse({{"q", "  body worn video "},
                        {"authority", "west-midlands-police"},
                        {"authority", "kent-police"},
                        {"exemption", "Section 31(1)(a)"},
                        {"outcome", "refused"},
                        {"from", "2020-01-01"},
                        {"to", "2020-12-31"},
                        {"sort", "newest"},
                        {"page", "3"},
                        {"per_page", "50"},
                        {"mode", "questions"},
                        {"utm_source", "ignored"}});
  EXPECT_EQ(r.q, "body worn video");
  EXPECT_EQ(r.filters[*facet_index("authority")],
            (std::vector<std::string>{"west-midlands-police", "kent-police"}));
  EXPECT_EQ(r.filters[*facet_index("exemption")], (std::vector<std::string>{"s31(1)(a)"}));
  EXPECT_EQ(r.from, "2020-01-01");
  EXPECT_EQ(r.sort, SortOrder::kNewest);
  EXPECT_EQ(r.page, 3);
  EXPECT_EQ(r.per_page, 50);
  EXPECT_EQ(r.mode, SearchMode::kQuestions);
  EXPECT_EQ(r.offset(), 100U);
}

TEST(SearchRequest, RoundTripsThroughItsParameters) {
  const auto r = parse({{"q", "a b"}, {"topic", "it-cyber-security"}, {"page", "2"}});
  Params back;
  for (const auto& [k, v] : to_params(r)) {
    back.emplace(k, v);
  }
  const auto again = parse_search_request(back);
  EXPECT_EQ(again.q, r.q);
  EXPECT_EQ(again.filters, r.filters);
  EXPECT_EQ(again.page, 2);
}

TEST(SearchRequest, EachBadValueNamesItsParameter) {
  EXPECT_EQ(param_of_error({{"page", "abc"}}), "page");
  EXPECT_EQ(param_of_error({{"page", "0"}}), "page");
  EXPECT_EQ(param_of_error({{"page", "2x"}}), "page");
  EXPECT_EQ(param_of_error({{"per_page", "101"}}), "per_page");
  EXPECT_EQ(param_of_error({{"sort", "random"}}), "sort");
  EXPECT_EQ(param_of_error({{"mode", "all"}}), "mode");
  EXPECT_EQ(param_of_error({{"from", "31/12/2020"}}), "from");
  EXPECT_EQ(param_of_error({{"to", "2020-02-30"}}), "to");
  EXPECT_EQ(param_of_error({{"from", "2021-01-01"}, {"to", "2020-01-01"}}), "from");
  EXPECT_EQ(param_of_error({{"q", std::string("a\0b", 3)}}), "q");
  EXPECT_EQ(param_of_error({{"q", "\xff\xfe"}}), "q");
  EXPECT_EQ(param_of_error({{"q", std::string(kMaxQueryBytes + 1, 'x')}}), "q");
  EXPECT_EQ(param_of_error({{"outcome", std::string(kMaxFilterValueBytes + 1, 'x')}}), "outcome");
  EXPECT_EQ(param_of_error({{"q", "a"}, {"q", "b"}}), "q");
  EXPECT_EQ(param_of_error({{"q", "fine"}}), "(no error)");
}

TEST(CanonicalProvision, HowPeopleTypeThem) {
  struct Case {
    const char* typed;
    const char* canonical;
  };
  for (const auto& c :
       {Case{"s31(1)(a)", "s31(1)(a)"}, Case{"S31(1)(a)", "s31(1)(a)"}, Case{"section 31", "s31"},
        Case{"Section 40(2)", "s40(2)"}, Case{"s.43", "s43"}, Case{"31", "s31"},
        Case{"Regulation 12(4)(b)", "reg12(4)(b)"}, Case{"reg 13", "reg13"},
        Case{"r12(5)(b)", "reg12(5)(b)"}}) {
    EXPECT_EQ(canonical_provision(c.typed), c.canonical) << c.typed;
  }
}

TEST(Url, EncodesEverythingButUnreserved) {
  EXPECT_EQ(url_encode("s31(1)(a)"), "s31%281%29%28a%29");
  EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(with_query("/search", {{"q", "x y"}, {"outcome", "refused"}}),
            "/search?q=x%20y&outcome=refused");
  EXPECT_EQ(with_query("/search", {}), "/search");
}

TEST(Html, EscapesTheFiveCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(Html, HighlightsEvidenceAndEscapesTheRest) {
  const std::string text = "Ref <FOI 1> dated 3 May";
  const auto out = highlight_text(text, {{4, 11, "Reference", "ev-ref"}, {18, 23, "Date", "ev-d"}});
  EXPECT_EQ(out,
            "Ref <mark class=\"evidence\" id=\"ev-ref\" title=\"Reference\">&lt;FOI 1&gt;</mark> "
            "dated <mark class=\"evidence\" id=\"ev-d\" title=\"Date\">3 May</mark>");
  // Overlapping and out-of-range spans are dropped, not mangled.
  const auto dropped =
      highlight_text("abcdef", {{0, 3, "a", "a"}, {2, 4, "b", "b"}, {5, 99, "c", "c"}});
  EXPECT_EQ(dropped, "<mark class=\"evidence\" id=\"a\" title=\"a\">abc</mark>def");
  // A span cutting a UTF-8 character is widened to whole characters.
  const std::string utf8 = "£500";  // £ is two bytes
  EXPECT_EQ(highlight_text(utf8, {{1, 3, "x", "x"}}),
            "<mark class=\"evidence\" id=\"x\" title=\"x\">£5</mark>00");
}

TEST(Templates, FindsEveryUnescapedUse) {
  EXPECT_EQ(unescaped_keys("{{a}} {{{b}}} {{& c}} {{&d}} {{#e}}{{/e}} {{ &f }}"),
            (std::vector<std::string>{"b", "c", "d", "f"}));
}

TEST(Templates, TheShippedTemplatesLoadAndOnlyAllowlistedKeysAreRaw) {
  const auto t = Templates::load(testing::source_dir() / "web" / "templates");
  for (const char* page : {"layout", "home", "search", "document", "authorities", "authority",
                           "exemptions", "exemption", "error", "feed"}) {
    EXPECT_TRUE(t.has(page)) << page;
  }
}

TEST(Templates, ABrokenOrUnsafeTemplateStopsTheLoad) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "layout.mustache") << "{{{body_html}}}";
  EXPECT_NO_THROW(Templates::load(dir.path()));
  std::ofstream(dir.path() / "bad.mustache") << "{{#open}} never closed";
  try {
    (void)Templates::load(dir.path());
    ADD_FAILURE() << "an unclosed section loaded";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.mustache"), std::string::npos) << e.what();
  }
  std::filesystem::remove(dir.path() / "bad.mustache");
  std::ofstream(dir.path() / "raw.mustache") << "<p>{{{title}}}</p>";
  try {
    (void)Templates::load(dir.path());
    ADD_FAILURE() << "an unescaped title loaded";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("title"), std::string::npos) << e.what();
  }
}

TEST(Templates, RendersEscapedValuesAndEmptyStringsAsFalse) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "layout.mustache") << "[{{{body_html}}}]";
  std::ofstream(dir.path() / "page.mustache")
      << "{{title}}|{{#href}}<a "
         "href=\"{{href}}\">{{/href}}|{{#n}}{{n}}{{/n}}|{{#items}}{{.}},{{/items}}";
  const auto t = Templates::load(dir.path());
  EXPECT_EQ(t.render_page("page",
                          {{"title", "<b>&'\""}, {"href", ""}, {"n", 3}, {"items", {"x", "<y>"}}}),
            "[&lt;b&gt;&amp;&apos;&quot;||3|x,&lt;y&gt;,]");
}

}  // namespace
}  // namespace foilog::web
