// The content-stream interpreter behind the off-page text check: where each text-showing
// operator draws, through text positioning, transformations and the graphics-state stack.
#include "readers/pdf_content.h"

#include <gtest/gtest.h>

#include "readers/pdf_streams.h"

namespace foilog {
namespace {

TEST(PdfContent, PlacesTextByTdTmAndTheLeading) {
  const auto d = drawn_text(
      "BT /F1 10 Tf 100 200 Td (Hello) Tj 14 TL T* (Next) Tj ET "
      "BT 2 0 0 2 300 400 Tm /F1 10 Tf (Big) Tj ET");
  ASSERT_EQ(d.size(), 3U);
  EXPECT_EQ(d[0].text, "Hello");
  EXPECT_DOUBLE_EQ(d[0].left, 100);
  EXPECT_DOUBLE_EQ(d[0].bottom, 200 - 2.5);
  EXPECT_DOUBLE_EQ(d[0].top, 210);
  EXPECT_DOUBLE_EQ(d[0].right, 100 + 25);  // 5 glyphs at half the size each
  EXPECT_EQ(d[1].text, "Next");
  EXPECT_DOUBLE_EQ(d[1].left, 100);  // T* returns to the line start, 14 pt lower
  EXPECT_DOUBLE_EQ(d[1].bottom, 186 - 2.5);
  EXPECT_DOUBLE_EQ(d[2].left, 300);  // Tm scales the text: 10 pt drawn at 20
  EXPECT_DOUBLE_EQ(d[2].top, 420);
}

TEST(PdfContent, FollowsTheTransformationStack) {
  const auto d = drawn_text(
      "q 1 0 0 1 0 -1000 cm BT /F1 12 Tf 72 700 Td (Away) Tj ET Q "
      "BT /F1 12 Tf 72 700 Td (Back) Tj ET "
      "q 0.5 0 0 0.5 0 0 cm q 1 0 0 1 100 0 cm Q BT /F1 12 Tf 72 700 Td "
      "(Half) Tj ET Q");
  ASSERT_EQ(d.size(), 3U);
  EXPECT_DOUBLE_EQ(d[0].bottom, -300 - 3);
  EXPECT_DOUBLE_EQ(d[1].bottom, 700 - 3);
  EXPECT_DOUBLE_EQ(d[2].left, 36);  // the inner translation was undone by its Q
  EXPECT_DOUBLE_EQ(d[2].bottom, 350 - 1.5);
}

TEST(PdfContent, ReadsEveryStringSpellingAndSkipsInlineImages) {
  const auto d = drawn_text(
      "BT /F1 10 Tf 0 0 Td [(Ke) -120 (rned)] TJ (a \\(nested (pair)\\) \\101) Tj <48 69 7> Tj "
      "(x) ' 1 2 (y) \" ET "
      "BI /W 2 /H 2 /BPC 8 /CS /G ID \x01(Tj) BT\x02 EI "
      "BT 5 5 Td (After) Tj ET % (Comment) Tj\n");
  ASSERT_EQ(d.size(), 6U);
  EXPECT_EQ(d[0].text, "Kerned");
  EXPECT_EQ(d[1].text, "a (nested (pair)) A");
  EXPECT_EQ(d[2].text, "Hip");
  EXPECT_EQ(d[3].text, "x");
  EXPECT_EQ(d[4].text, "y");
  EXPECT_EQ(d[5].text, "After");
}

TEST(PdfContent, SurvivesMalformedStreams) {
  EXPECT_TRUE(drawn_text("").empty());
  EXPECT_TRUE(drawn_text("Tj TJ ' \" cm Tm Td Q Q Q ((((( <<< >>> ]]] [[[").size() <= 4);
  EXPECT_NO_THROW(
      static_cast<void>(drawn_text("BT 1e308 1e308 1e308 1e308 1e308 1e308 Tm (x) Tj")));
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      out += s;
    }
    return out;
  };
  // A deep stack is capped, not grown without bound; unmatched Qs are ignored.
  EXPECT_EQ(drawn_text(repeat("q ", 100000) + "BT (x) Tj" + repeat(" Q", 100010)).size(), 1U);
  EXPECT_EQ(drawn_text(repeat("BT (x) Tj ET ", 50), 10).size(), 10U);
}

TEST(PdfStreams, DecodesPlainAndFlateStreamsAndSkipsOtherFilters) {
  const std::string pdf =
      "1 0 obj\n<< /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n"
      "2 0 obj\n<< /Length 3 /Filter /DCTDecode >>\nstream\n\xff\xd8\xff\nendstream\nendobj\n"
      "3 0 obj\n<< /Length 3 /Filter [/FlateDecode /DCTDecode] >>\nstream\nabc\nendstream\n";
  const auto streams = pdf_streams(pdf, 1 << 20);
  ASSERT_EQ(streams.size(), 1U);
  EXPECT_EQ(streams[0].data, "BT ET");
  EXPECT_TRUE(pdf_dict_has("<< /Type/ObjStm >>", "/Type", "/ObjStm"));
  EXPECT_TRUE(pdf_dict_has("<< /Type /ObjStm >>", "/Type", "/ObjStm"));
  EXPECT_FALSE(pdf_dict_has("<< /Type /ObjStmX >>", "/Type", "/ObjStm"));
}

TEST(PdfStreams, StopsAtTheDecodedBudget) {
  const std::string big(5000, 'x');
  const std::string pdf = "<< /Length 5000 >>\nstream\n" + big + "\nendstream\n" +
                          "<< /Length 5000 >>\nstream\n" + big + "\nendstream\n";
  bool truncated = false;
  const auto streams = pdf_streams(pdf, 6000, &truncated);
  ASSERT_EQ(streams.size(), 2U);
  EXPECT_EQ(streams[0].data.size() + streams[1].data.size(), 6000U);
  static_cast<void>(pdf_streams(pdf, 5000, &truncated));
  EXPECT_TRUE(truncated);
}

}  // namespace
}  // namespace foilog
