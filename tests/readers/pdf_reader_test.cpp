#include "readers/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "fixtures.h"
#include "readers/page_furniture.h"
#include "readers/reader.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

using testing::make_text_pdf;

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string reason_for(const std::string& bytes, const std::string& name) {
  try {
    (void)read_document(bytes, name);
  } catch (const IngestError& e) {
    return e.reason();
  }
  return "no error";
}

// A three-page letter with the authority's letterhead on top and a page counter at the bottom
// of every page, like the PDF conversions behind data/corpus/dev033 (footer mid-text) and
// data/seeds/004 (repeated letterhead).
std::string three_page_letter() {
  const std::string head = "Borsetshire Constabulary - Freedom of Information Unit";
  return make_text_pdf(
      {{head, "Reference: FOI/2023/0412", "Dear Requester", "Thank you for your request.",
        "Page 1 of 3"},
       {head, "Section 31(1)(a) applies to question 2.", "The public interest test follows.",
        "Page 2 of 3"},
       {head, "Yours sincerely", "Information Governance", "Page 3 of 3"}},
      "/Title (Response to FOI 2023/0412) /Author (Information Governance) /Creator (Microsoft "
      "Word)");
}

TEST(PdfReader, RepeatedLetterheadAndPageCounterKeptOnce) {
  const DocumentText doc = read_document(three_page_letter(), "letter.pdf");
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_FALSE(doc.ocr);
  EXPECT_EQ(count(doc.text, "Borsetshire Constabulary - Freedom of Information Unit"), 1U)
      << doc.text;
  EXPECT_EQ(split_lines(doc.text).front(),
            "Borsetshire Constabulary - Freedom of Information Unit");
  EXPECT_EQ(count(doc.text, "Page 1 of 3"), 1U);
  EXPECT_EQ(count(doc.text, "Page 2 of 3"), 0U);
  EXPECT_EQ(count(doc.text, "Page 3 of 3"), 0U);
  for (const char* body : {"Reference: FOI/2023/0412", "Section 31(1)(a) applies to question 2.",
                           "The public interest test follows.", "Yours sincerely"}) {
    EXPECT_NE(doc.text.find(body), std::string::npos) << body;
  }
  EXPECT_EQ(doc.title, "Response to FOI 2023/0412");
  EXPECT_EQ(doc.metadata.at("pdf.author"), "Information Governance");
  EXPECT_EQ(doc.metadata.at("pdf.creator"), "Microsoft Word");
}

// Content-stream order differs from print order: the letterhead and reference box are drawn
// last and the table column by column. The text must follow the printed page.
TEST(PdfReader, TextFollowsThePrintedLayout) {
  testing::PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [5 0 R] /Count 1 >>");
  pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  pdf.add(testing::PdfWriter::stream(
      "",
      "BT /F1 11 Tf 72 650 Td (Dear Requester, thank you for your request.) Tj ET\n"
      "BT /F1 11 Tf 72 600 Td (Year) Tj 0 -14 Td (2021) Tj 0 -14 Td (2022) Tj ET\n"
      "BT /F1 11 Tf 200 600 Td (Incidents) Tj 0 -14 Td (14) Tj 0 -14 Td (9) Tj ET\n"
      "BT /F1 11 Tf 72 500 Td (Section 31\\(1\\)\\(a\\) applies to the remainder.) Tj ET\n"
      "BT /F1 14 Tf 72 740 Td (Borsetshire County Council) Tj ET\n"
      "BT /F1 9 Tf 400 740 Td (Our ref: FOI-1234) Tj ET"));
  pdf.add(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
      ">> >> /Contents 4 0 R >>");
  const DocumentText doc = read_document(pdf.finish(1), "layout.pdf");
  EXPECT_EQ(doc.text,
            "Borsetshire County Council | Our ref: FOI-1234\n\n"
            "Dear Requester, thank you for your request.\n\n"
            "Year | Incidents\n2021 | 14\n2022 | 9\n\n"
            "Section 31(1)(a) applies to the remainder.");
}

TEST(PdfReader, TruncatedAndDamagedFilesAreRefused) {
  const std::string pdf = three_page_letter();
  const std::string reason = reason_for(pdf.substr(0, pdf.size() / 2), "cut.pdf");
  EXPECT_TRUE(reason.starts_with("PDF is damaged: ")) << reason;
  EXPECT_NE(reason.find("truncated"), std::string::npos) << reason;
  const std::string garbage = reason_for("%PDF-1.4\nthis is not a pdf body\n%%EOF\n", "junk.pdf");
  EXPECT_TRUE(garbage.starts_with("PDF is damaged: ")) << garbage;
}

TEST(PdfReader, EncryptedPdfIsRefused) {
  if (std::system("command -v qpdf >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "qpdf is not installed (scripts/install-deps.sh --test)";
  }
  const testing::TempDir dir;
  const auto plain = dir.write("plain.pdf", three_page_letter());
  const auto locked = dir.path() / "locked.pdf";
  const std::string cmd =
      "qpdf --encrypt secret owner 256 -- '" + plain.string() + "' '" + locked.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(reason_for(testing::slurp(locked), "locked.pdf"), "PDF is encrypted");
}

TEST(PageFurniture, OnlyEdgeLinesRepeatedOnMostPagesAreDropped) {
  const std::vector<std::string> pages = {
      "Letterhead\nbody one\nYes\nPage 1 of 4\n",
      "Letterhead\nYes\nbody two\nPage 2 of 4\n",
      "LETTERHEAD\nbody three\nmore\nmore\nmore\nYes\nmiddle\nmore\nPage 3 of 4\n",
      "body four without letterhead\nend\nPage 4 of 4\n",
  };
  const JoinedPages joined = join_pages_without_furniture(pages);
  EXPECT_EQ(joined.text,
            "Letterhead\nbody one\nYes\nPage 1 of 4\n"
            "Yes\nbody two\n"
            "body three\nmore\nmore\nmore\nYes\nmiddle\nmore\n"
            "body four without letterhead\nend\n");
  // "Yes" sits at the edge of only two of four pages: not "most", so it stays.
  EXPECT_EQ(joined.removed_lines, 5U);
  // One page: nothing can repeat.
  EXPECT_EQ(join_pages_without_furniture({"Page 1 of 1\nx\n"}).removed_lines, 0U);
}

}  // namespace
}  // namespace foilog
