#include "readers/text_reader.h"

#include <gtest/gtest.h>

#include "readers/format.h"
#include "readers/reader.h"
#include "support/corpus.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

std::string reason_for(std::string_view bytes, const std::string& name) {
  try {
    (void)read_document(bytes, name);
  } catch (const IngestError& e) {
    EXPECT_EQ(e.file(), name);
    return e.reason();
  }
  return "no error";
}

TEST(PlainText, Windows1252IsConvertedToUtf8) {
  // Typical legacy export: curly apostrophe 0x92, pound 0xA3, quotes 0x93/0x94, en dash 0x96.
  const std::string bytes =
      "Dear Requester\r\nThe Council\x92s cost limit is \xA3"
      "450 \x96 see \x93section 12\x94.\r\n";
  const DocumentText doc = read_document(bytes, "letter.txt");
  EXPECT_EQ(doc.format, "text");
  EXPECT_TRUE(is_valid_utf8(doc.text));
  EXPECT_EQ(doc.text,
            "Dear Requester\nThe Council\xE2\x80\x99s cost limit is \xC2\xA3"
            "450 \xE2\x80\x93 see "
            "\xE2\x80\x9Csection 12\xE2\x80\x9D.");
  ASSERT_FALSE(doc.notes.empty());
  EXPECT_NE(doc.notes.front().find("windows-1252"), std::string::npos);
}

TEST(PlainText, MostlyUtf8WithAStrayByteIsRepaired) {
  const std::string bytes =
      "Caf\xC3\xA9 \xE2\x80\x93 costs \xA3"
      "600";
  const DocumentText doc = read_document(bytes, "mixed.txt");
  EXPECT_EQ(doc.text,
            "Caf\xC3\xA9 \xE2\x80\x93 costs \xC2\xA3"
            "600");
}

TEST(PlainText, Utf16WithByteOrderMarkIsText) {
  const std::string bytes("\xFF\xFEO\0K\0 \0\xA3\0", 10);
  EXPECT_EQ(read_document(bytes, "utf16.txt").text, "OK \xC2\xA3");
}

TEST(PlainText, HtmlFragmentsAreCleanedKeepingCellsAndLists) {
  // data/seeds/002_c951553b7efd2612.txt, "Table 1" row: cells separated by a tab.
  const std::string row =
      "<p>Cyber Security</p> <p><i>Protecting the Council infrastructure</i></p> <ul "
      "style=\"list-style-type: none\"> \xE2\x80\xA2 core infrastructure \xE2\x80\xA2 physical "
      "security \t<p>Information about:</p> <ul style=\"list-style-type: none\"> \xE2\x80\xA2 "
      "Description/Type \xE2\x80\xA2 Manufacturer";
  EXPECT_TRUE(has_html_tag(row));
  EXPECT_EQ(clean_html_line(row),
            "Cyber Security Protecting the Council infrastructure \xE2\x80\xA2 core infrastructure "
            "\xE2\x80\xA2 physical security | Information about: \xE2\x80\xA2 Description/Type "
            "\xE2\x80\xA2 Manufacturer");
  // A single fragment with real list items keeps one item per line.
  EXPECT_EQ(clean_html_line("<ul><li>servers</li><li>switches</li></ul>"), "- servers\n- switches");
}

TEST(PlainText, AngleBracketsThatAreNotTagsStay) {
  const char* rows[] = {
      "<https://www.coventry.gov.uk/contractsregister>",  // data/seeds/002 autolink
      "cases where the age was <18 or > 65",
      "Contact <foi@example.gov.uk> for a review",
  };
  for (const char* line : rows) {
    EXPECT_FALSE(has_html_tag(line)) << line;
  }
}

TEST(PlainText, MarkdownLinksBecomeTheirText) {
  const std::pair<const char*, const char*> rows[] = {
      // data/seeds/002_c951553b7efd2612.txt, ICO decision notices written as links
      {"Decision Notices [IC-106031-D4Y0](#) [FS50662638](#), [FS50600199](#)",
       "Decision Notices IC-106031-D4Y0 FS50662638, FS50600199"},
      {"accessed at: <https://www.coventry.gov.uk/contractsregister>",
       "accessed at: https://www.coventry.gov.uk/contractsregister"},
      {"see [our log](https://x.gov.uk/foi_(2020) \"FOI log\") now", "see our log now"},
      {"a [bracket] alone stays", "a [bracket] alone stays"},
      {"![Force logo](logo.png) Police", "Force logo Police"},
  };
  for (const auto& [in, out] : rows) {
    EXPECT_EQ(strip_markdown_links(in), out);
  }
}

TEST(Markdown, DropsMarkupKeepsListItems) {
  const std::string md =
      "# Freedom of Information Request 2289\n"
      "\n"
      "**Request:** the *number* of __fires__ involving e-bikes.\n"
      "\n"
      "* Question one\n"
      "+ Question two\n"
      "1. Numbered stays numbered\n"
      "\n"
      "---\n"
      "| Year | Fires |\n"
      "|------|------:|\n"
      "| 2023 | 4 |\n"
      "> Quoted [guidance](https://ico.org.uk/x) with `code` and snake_case_name\n"
      "[ico]: https://ico.org.uk\n";
  const DocumentText doc = read_document(md, "response.md");
  EXPECT_EQ(doc.format, "markdown");
  EXPECT_EQ(doc.title, "Freedom of Information Request 2289");
  EXPECT_EQ(doc.text,
            "Freedom of Information Request 2289\n\n"
            "Request: the number of fires involving e-bikes.\n\n"
            "- Question one\n"
            "- Question two\n"
            "1. Numbered stays numbered\n\n"
            "Year | Fires\n"
            "2023 | 4\n"
            "Quoted guidance with code and snake_case_name");
}

TEST(Markdown, LiteralAsterisksAndUnderscoresStay) {
  const char* line = "Cost is 5 * 3 * 2 hours for snake_case_name, a lone * and 2*3";
  EXPECT_EQ(read_document(line, "calc.md").text, line);
}

TEST(Format, DetectsFromContentBeforeName) {
  EXPECT_EQ(detect_format("%PDF-1.7\n...", "saved-as.txt"), DocumentFormat::kPdf);
  EXPECT_EQ(detect_format("<!DOCTYPE html><html><body>x</body></html>", "page.txt"),
            DocumentFormat::kHtml);
  EXPECT_EQ(detect_format("From: FOI Team <foi@example.gov.uk>\nSubject: Your request\n\nHi",
                          "message.txt"),
            DocumentFormat::kEmail);
  // dev006/dev009-style disclosure-log fields are not e-mail headers.
  EXPECT_EQ(
      detect_format("Reference: 1299\nReceived: 23/06/2023\nResponded: 07/07/2023\n", "log.txt"),
      DocumentFormat::kText);
  EXPECT_EQ(detect_format("# Title\n", "notes.md"), DocumentFormat::kMarkdown);
  EXPECT_EQ(detect_format("plain words", "page.htm"), DocumentFormat::kHtml);
}

TEST(Format, BadInputGetsAReasonAUserCanActOn) {
  EXPECT_EQ(reason_for("", "empty.txt"), "empty file");
  EXPECT_EQ(reason_for(" \r\n\t\n", "blank.txt"), "empty file");
  std::string binary;
  for (int i = 0; i < 4096; ++i) {
    binary += static_cast<char>((i * 7919 + 13) % 256);
  }
  EXPECT_EQ(reason_for(binary, "blob.txt"), "not a document: binary data");
  EXPECT_EQ(reason_for(std::string("abc\0def", 7), "nul.html"), "not a document: binary data");
  EXPECT_EQ(reason_for("a,b\n1,2\n", "sheet.xlsx"), "unsupported format: .xlsx");
  EXPECT_EQ(reason_for("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.doc"),
            "unsupported format: legacy Office document (.doc/.xls); save as .docx or PDF");
  EXPECT_EQ(reason_for("just words", "letter.pdf"), "PDF is damaged: no %PDF- header");
}

TEST(Format, DocumentPathsByExtension) {
  EXPECT_TRUE(is_document_path("data/corpus/dev001.txt"));
  EXPECT_TRUE(is_document_path("x/Response.PDF"));
  EXPECT_TRUE(is_document_path("a.docx"));
  EXPECT_TRUE(is_document_path("a.eml"));
  EXPECT_TRUE(is_document_path("a.htm"));
  EXPECT_TRUE(is_document_path("a.md"));
  EXPECT_FALSE(is_document_path("data/corpus/dev001.json"));
  EXPECT_FALSE(is_document_path("sheet.xlsx"));
  EXPECT_FALSE(is_document_path("._letter.pdf"));   // macOS resource fork
  EXPECT_FALSE(is_document_path("~$letter.docx"));  // Word lock file
  EXPECT_FALSE(is_document_path("README"));
}

// Every labelled document reads as valid, normalised UTF-8 and keeps its printed reference.
TEST(Corpus, LabelledDocumentsReadCleanly) {
  const auto docs = testing::load_labelled_corpus();
  ASSERT_GE(docs.size(), 40U);
  int references = 0;
  int kept = 0;
  for (const auto& d : docs) {
    const DocumentText doc = read_document(d.text, d.path.string());
    EXPECT_EQ(doc.format, "text") << d.name;
    EXPECT_TRUE(is_valid_utf8(doc.text)) << d.name;
    EXPECT_EQ(doc.text.find('\r'), std::string::npos) << d.name;
    EXPECT_EQ(doc.text.find("<p>"), std::string::npos) << d.name;
    EXPECT_GT(doc.text.size(), d.text.size() / 2) << d.name << ": reader lost text";
    const auto& ref = d.label["reference"];
    if (ref.is_string() && !ref.get<std::string>().empty()) {
      ++references;
      if (doc.text.find(ref.get<std::string>()) != std::string::npos) {
        ++kept;
      } else {
        ADD_FAILURE() << d.name << ": reference " << ref << " lost";
      }
    }
  }
  EXPECT_EQ(kept, references);
}

TEST(Corpus, SeedWithHtmlTableAndDoubledLetterhead) {
  const auto docs = testing::load_labelled_corpus();
  for (const auto& d : docs) {
    const DocumentText doc = read_document(d.text, d.path.string());
    if (d.name.starts_with("002_")) {
      EXPECT_EQ(doc.text.find("<ul"), std::string::npos);
      EXPECT_NE(doc.text.find("IT Infrastructure \xE2\x80\x93 Hardware"), std::string::npos);
      EXPECT_NE(doc.text.find(" | Information about:"), std::string::npos);
      EXPECT_NE(doc.text.find("IC-106031-D4Y0 FS50662638, FS50600199"), std::string::npos);
    }
    if (d.name.starts_with("004_")) {
      EXPECT_EQ(split_lines(doc.text).front(), "OFFICE OF THE IMMIGRATION SERVICES COMMISSIONER");
    }
  }
}

}  // namespace
}  // namespace foilog
