// R10 on Xapian 1.4.22: snippets escape the letter's text exactly once, whether or not it is
// shorter than the snippet, whether or not a query word is in it, and never carry empty markers.
#include <gtest/gtest.h>
#include <xapian.h>

#include "pages/search_view.h"

namespace foilog::web {
namespace {

Xapian::MSet mset_for(const std::vector<std::string>& terms) {
  static Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  for (const auto& t : terms) {
    d.add_term(t);
  }
  db.add_document(d);
  Xapian::Enquire e(db);
  std::vector<Xapian::Query> qs;
  for (const auto& t : terms) {
    qs.emplace_back(t);
  }
  e.set_query(Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
  return e.get_mset(0, 10);
}

TEST(Snippet, ShortTextWithMarkupIsEscapedOnceWithOrWithoutAMatch) {
  const auto mset = mset_for({"police", "x"});
  for (const std::string text :
       {"<b>x</b>", "<b>nothing matches</b>", "<b>police</b> & co", "<script>alert(1)</script>"}) {
    for (const bool query : {true, false}) {
      const std::string html = snippet_html(mset, text, query);
      EXPECT_EQ(html.find('<', 0) == std::string::npos || html.find("<mark>") != std::string::npos,
                true)
          << text << " -> " << html;
      EXPECT_NE(html.find("&lt;"), std::string::npos) << text << " -> " << html;
      EXPECT_EQ(html.find("&amp;lt;"), std::string::npos) << "escaped twice: " << html;
      EXPECT_EQ(html.find("<mark></mark>"), std::string::npos) << html;
      // Apart from the markers, no markup at all.
      std::string rest = html;
      for (const std::string m : {"<mark>", "</mark>"}) {
        for (auto at = rest.find(m); at != std::string::npos; at = rest.find(m)) {
          rest.erase(at, m.size());
        }
      }
      EXPECT_EQ(rest.find('<'), std::string::npos) << text << " -> " << html;
    }
  }
  EXPECT_NE(snippet_html(mset, "<b>x</b>", true).find("&lt;b&gt;"), std::string::npos);
}

TEST(Snippet, LongTextIsCutAndStillEscaped) {
  const auto mset = mset_for({"police"});
  std::string filler;
  for (int i = 0; i < 200; ++i) {
    filler += "word ";
  }
  const std::string text = filler + "<i>police</i> " + filler;
  const std::string html = snippet_html(mset, text, true);
  EXPECT_LT(html.size(), 600U);
  EXPECT_NE(html.find("<mark>police</mark>&lt;/i&gt;"), std::string::npos) << html;
  EXPECT_EQ(html.find("<i>"), std::string::npos) << html;
}

}  // namespace
}  // namespace foilog::web
