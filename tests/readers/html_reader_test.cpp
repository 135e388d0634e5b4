#include "readers/html_reader.h"

#include <gtest/gtest.h>

#include "readers/reader.h"
#include "util/text.h"

namespace foilog {
namespace {

bool contains(const std::string& s, std::string_view needle) {
  return s.find(needle) != std::string::npos;
}

// Shaped like the disclosure-log pages in data/corpus (dev001 starts "Skip to content", dev009
// ends with cookie-banner text, dev020 has "Show mobile menu"/"Search Site" chrome, dev026 has
// a table flattened to run-on lines).
const char* kPage = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>FOI 211A/20 - Restriction breach forms | West Midlands Police</title>
<link rel="canonical" href="https://www.example.police.uk/foi/211a-20">
<style>body { color: red }</style>
<script>var tracking = "Skip me";</script>
</head><body>
<a class="govuk-skip-link" href="#main">Skip to content</a>
<header class="site-header"><a href="/">Home</a> Show mobile menu</header>
<nav><ul><li>Home</li><li>Search Site</li></ul></nav>
<div id="cookie-banner"><p>We use cookies to improve this site.</p><button>Accept</button></div>
<main id="main">
<h1>Coronavirus &ndash; Restriction Breach Forms</h1>
<h2>Request</h2>
<p>Please provide:</p>
<ol><li>the number of forms</li><li>how many were acted on</li></ol>
<h2>Response</h2>
<p>The cost of&nbsp;compliance exceeds the <strong>appropriate limit</strong>.<br>See below.</p>
<table>
<tr><th>Year</th><th>Cause</th><th>Total</th></tr>
<tr><td>2018/19</td><td>Assault</td><td>12</td></tr>
<tr><td></td><td></td><td></td></tr>
</table>
<ul><li>Attachment one<ul><li>nested part</li></ul></li></ul>
<form><label>Was this page helpful?</label><input type="submit"></form>
<div role="contentinfo">Copyright footer by role</div>
<p hidden>hidden text</p>
</main>
<footer><p>&copy; 2020 Site footer</p></footer>
<noscript>Enable JavaScript</noscript>
</body></html>)";

TEST(HtmlReader, KeepsContentAndDropsChrome) {
  const DocumentText doc = read_document(kPage, "page.html");
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.title, "FOI 211A/20 - Restriction breach forms | West Midlands Police");
  EXPECT_EQ(doc.metadata.at("source_url"), "https://www.example.police.uk/foi/211a-20");
  for (const char* kept :
       {"Coronavirus \xE2\x80\x93 Restriction Breach Forms", "- 1. the number of forms",
        "- 2. how many were acted on",
        "The cost of compliance exceeds the appropriate limit.\nSee below.",
        "Year | Cause | Total\n2018/19 | Assault | 12\n", "- Attachment one\n  - nested part"}) {
    EXPECT_TRUE(contains(doc.text, kept)) << "missing: " << kept << "\n---\n" << doc.text;
  }
  for (const char* dropped : {"Skip to content", "Show mobile menu", "Search Site", "cookies",
                              "Accept", "tracking", "color: red", "helpful", "Copyright footer",
                              "hidden text", "Site footer", "JavaScript", "| |"}) {
    EXPECT_FALSE(contains(doc.text, dropped)) << "kept chrome: " << dropped << "\n---\n"
                                              << doc.text;
  }
  EXPECT_EQ(split_lines(doc.text).front(), "Coronavirus \xE2\x80\x93 Restriction Breach Forms");
}

TEST(HtmlReader, TitleFallsBackToFirstH1AndArticleHeaderIsContent) {
  const std::string page =
      "<html><body><header role=\"banner\">Council banner</header><article><header><h1>FOI "
      "F15151</h1><p>Released Date 7 April 2015</p></header><p>Body</p><footer>Published by the "
      "FOI team</footer></article></body></html>";
  const DocumentText doc = read_document(page, "x.html");
  EXPECT_EQ(doc.title, "FOI F15151");
  EXPECT_EQ(doc.text,
            "FOI F15151\n\nReleased Date 7 April 2015\n\nBody\n\nPublished by the FOI team");
}

TEST(HtmlReader, LegacyCharsetDeclaredInMeta) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=windows-1252\"></head><body><p>Fees \x96 \xA3"
      "450</p></body></html>";
  const DocumentText doc = read_document(page, "legacy.htm");
  EXPECT_EQ(doc.text,
            "Fees \xE2\x80\x93 \xC2\xA3"
            "450");
}

TEST(HtmlReader, PreservesPreformattedLines) {
  const DocumentText doc =
      read_document("<html><body><pre>Q1  12\nQ2   3</pre></body></html>", "pre.html");
  EXPECT_EQ(doc.text, "Q1  12\nQ2   3");
}

}  // namespace
}  // namespace foilog
