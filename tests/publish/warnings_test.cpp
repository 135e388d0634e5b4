// The pre-publication checks on files the tests make: a PDF with text under a drawn black box,
// invisible and cropped-away text and an author in its properties; spreadsheets with hidden and
// very hidden sheets, hidden rows and columns, pivot caches, external links and macros; Word
// files with comments, tracked changes and hidden text; and the personal data an upload's text
// holds. Each detector is also shown staying quiet on a clean file.
#include <gtest/gtest.h>

#include <algorithm>

#include "integration/command.h"
#include "publish/fixtures.h"
#include "publish/upload.h"
#include "readers/inspect.h"
#include "readers/xlsx_reader.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"

namespace foilog {
namespace {

using namespace publish_testing;

std::vector<const Warning*> of_kind(const std::vector<Warning>& ws, const std::string& kind) {
  std::vector<const Warning*> out;
  for (const auto& w : ws) {
    if (w.kind == kind) {
      out.push_back(&w);
    }
  }
  return out;
}

std::string kinds(const std::vector<Warning>& ws) {
  std::string out;
  for (const auto& w : ws) {
    out += w.kind + ": " + w.detail + "\n";
  }
  return out;
}

const std::string kLetter = pdf_text(72, 720, "Freedom of Information response FOI/2024/0099") +
                            pdf_text(72, 700, "Dear Requester, the information is below.");

TEST(PdfChecks, TextUnderABlackBoxIsFoundAndNamed) {
  // "Hiddenname" and the number are drawn, then covered; "Visibleword" is not.
  const std::string pdf =
      make_pdf(kLetter + pdf_text(72, 650, "Officer Hiddenname 07700900123") +
               pdf_black_box(68, 644, 260, 20) + pdf_text(72, 600, "Visibleword stays readable"));
  const auto warnings = inspect_file(pdf, "redacted.pdf");
  const auto hidden = of_kind(warnings, "pdf_hidden_text");
  ASSERT_EQ(hidden.size(), 1U) << kinds(warnings);
  EXPECT_NE(hidden[0]->detail.find("Hiddenname"), std::string::npos) << hidden[0]->detail;
  EXPECT_NE(hidden[0]->detail.find("page 1"), std::string::npos);
  EXPECT_EQ(hidden[0]->detail.find("Visibleword"), std::string::npos);
  EXPECT_EQ(hidden[0]->detail.find("Freedom"), std::string::npos);
}

TEST(PdfChecks, AnOrdinaryLetterHasNoHiddenText) {
  const auto warnings = inspect_file(make_pdf(kLetter), "plain.pdf");
  EXPECT_TRUE(warnings.empty()) << kinds(warnings);
  // A black box over nothing (a real redaction, text removed) is fine too.
  const auto redacted = inspect_file(make_pdf(kLetter + pdf_black_box(68, 644, 260, 20)), "r.pdf");
  EXPECT_TRUE(redacted.empty()) << kinds(redacted);
}

TEST(PdfChecks, InvisibleTextIsFound) {
  const auto warnings =
      inspect_file(make_pdf(kLetter + pdf_text(72, 600, "Ghostlyword payroll", 3)), "ghost.pdf");
  const auto invisible = of_kind(warnings, "pdf_invisible_text");
  ASSERT_EQ(invisible.size(), 1U) << kinds(warnings);
  EXPECT_NE(invisible[0]->detail.find("Ghostlyword"), std::string::npos);
  EXPECT_TRUE(of_kind(warnings, "pdf_hidden_text").empty());
}

TEST(PdfChecks, APageCroppedToHideContentIsFound) {
  const auto warnings = inspect_file(
      make_pdf(kLetter + pdf_text(72, 100, "Below the crop"), "/CropBox [0 0 612 500]"),
      "cropped.pdf");
  EXPECT_EQ(of_kind(warnings, "pdf_offpage_text").size(), 1U) << kinds(warnings);
}

TEST(PdfChecks, TextDrawnOutsideThePageIsFoundInPlainAndCompressedStreams) {
  // Left of the page, above it, and moved off by a transformation: poppler's text extraction
  // drops all three, so neither the reviewer nor the index would ever see them.
  const std::string off = pdf_text(-400, 700, "Leftside Secretname") +
                          pdf_text(72, 900, "Abovepage Payroll") + "q 1 0 0 1 0 -2000 cm " +
                          pdf_text(72, 300, "Shifted Informant") + "Q\n";
  for (const bool flate : {false, true}) {
    const auto warnings = inspect_file(make_pdf(kLetter + off, "", "", flate), "offpage.pdf");
    const auto found = of_kind(warnings, "pdf_offpage_text");
    ASSERT_EQ(found.size(), 1U) << kinds(warnings) << " flate=" << flate;
    for (const char* word : {"Secretname", "Payroll", "Informant"}) {
      EXPECT_NE(found[0]->detail.find(word), std::string::npos) << found[0]->detail;
    }
    EXPECT_NE(found[0]->detail.find("3 pieces"), std::string::npos) << found[0]->detail;
    EXPECT_EQ(found[0]->detail.find("Freedom"), std::string::npos) << found[0]->detail;
  }
}

TEST(PdfChecks, TextNearTheEdgeOrMovedBackOntoThePageIsNotReported) {
  // A line that starts just left of the page but runs onto it, and one moved away by cm and
  // restored by Q before it is drawn, are both visible.
  const std::string content = kLetter + pdf_text(-10, 500, "Marginline runs onto the page") +
                              "q 1 0 0 1 0 -2000 cm Q " + pdf_text(72, 300, "Restored line");
  for (const bool flate : {false, true}) {
    const auto warnings = inspect_file(make_pdf(content, "", "", flate), "edge.pdf");
    EXPECT_TRUE(of_kind(warnings, "pdf_offpage_text").empty()) << kinds(warnings);
  }
}

TEST(PdfChecks, CommentsInsideACompressedObjectStreamAreFound) {
  // PDF 1.5 writers pack annotations into object streams, where the raw bytes show nothing.
  const std::string packed = "8 0 << /Type /Annot /Subtype /Text /Contents (Check with legal) >>";
  const std::string objstm = pdf_stream_object(packed, true, "/Type /ObjStm /N 1 /First 4");
  const auto warnings = inspect_file(make_pdf(kLetter, "", "", true, {objstm}), "notes.pdf");
  ASSERT_EQ(of_kind(warnings, "comments").size(), 1U) << kinds(warnings);
  EXPECT_NE(of_kind(warnings, "comments")[0]->detail.find("1 comment"), std::string::npos);
}

TEST(PdfChecks, PropertiesThatNamePeopleAreFound) {
  const auto warnings = inspect_file(
      make_pdf(kLetter, "", "/Author (Jane Caseworker) /Subject (Draft for legal)"), "meta.pdf");
  const auto meta = of_kind(warnings, "metadata");
  ASSERT_EQ(meta.size(), 1U) << kinds(warnings);
  EXPECT_NE(meta[0]->detail.find("Jane Caseworker"), std::string::npos);
  EXPECT_NE(meta[0]->detail.find("Draft for legal"), std::string::npos);
}

TEST(SpreadsheetChecks, HiddenAndVeryHiddenSheetsAreFound) {
  const std::string xlsx =
      make_xlsx({{"Summary", "", {{"Quarter", "Requests"}, {"Q1", "41"}}, {}, false},
                 {"Staff", "hidden", {{"Name", "Salary"}, {"Jane Smith", "41000"}}, {}, false},
                 {"Notes", "veryHidden", {{"Do not publish"}}, {}, false}});
  const auto warnings = inspect_file(xlsx, "answer.xlsx");
  const auto hidden = of_kind(warnings, "hidden_sheet");
  ASSERT_EQ(hidden.size(), 2U) << kinds(warnings);
  EXPECT_NE(hidden[0]->detail.find("“Staff” is hidden"), std::string::npos) << hidden[0]->detail;
  EXPECT_NE(hidden[1]->detail.find("“Notes” is very hidden"), std::string::npos);
  // The text shown for review includes the hidden sheets, so their personal data is seen.
  const DocumentText doc = read_xlsx(xlsx, "answer.xlsx");
  EXPECT_NE(doc.text.find("Jane Smith | 41000"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("Sheet: Staff (hidden)"), std::string::npos);
}

TEST(SpreadsheetChecks, HiddenRowsColumnsPivotCachesAndLinksAreFound) {
  const std::string xlsx =
      make_xlsx({{"Data", "", {{"A", "B", "C"}, {"1", "2", "3"}, {"4", "5", "6"}}, {2, 3}, true}},
                true, true);
  const auto warnings = inspect_file(xlsx, "data.xlsx");
  ASSERT_EQ(of_kind(warnings, "hidden_rows").size(), 1U) << kinds(warnings);
  EXPECT_NE(of_kind(warnings, "hidden_rows")[0]->detail.find("2 hidden rows"), std::string::npos);
  ASSERT_EQ(of_kind(warnings, "hidden_columns").size(), 1U);
  EXPECT_NE(of_kind(warnings, "hidden_columns")[0]->detail.find("1 hidden column"),
            std::string::npos);
  EXPECT_EQ(of_kind(warnings, "pivot_cache").size(), 1U);
  ASSERT_EQ(of_kind(warnings, "external_link").size(), 1U);
  EXPECT_NE(of_kind(warnings, "external_link")[0]->detail.find("salaries.xlsx"), std::string::npos);
}

TEST(SpreadsheetChecks, ADataModelAndDataConnectionsAreFound) {
  const std::string xlsx = make_xlsx(
      {{"Summary", "", {{"Total"}, {"12"}}, {}, false}}, false, false,
      {{"xl/model/item.data", std::string("\x00\x01binary tables", 15)},
       {"xl/connections.xml",
        "<?xml version=\"1.0\"?><connections "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><connection id=\"1\" "
        "name=\"HR\"><dbPr connection=\"Provider=SQLOLEDB;Data Source=hr-db01\"/></connection>"
        "</connections>"}});
  const auto warnings = inspect_file(xlsx, "summary.xlsx");
  EXPECT_EQ(of_kind(warnings, "data_model").size(), 1U) << kinds(warnings);
  EXPECT_EQ(of_kind(warnings, "data_connection").size(), 1U) << kinds(warnings);
}

TEST(SpreadsheetChecks, ACleanWorkbookHasNoWarnings) {
  const auto warnings = inspect_file(
      make_xlsx({{"Answer", "", {{"Year", "Cost"}, {"2023", "1200"}}, {}, false}}), "clean.xlsx");
  EXPECT_TRUE(warnings.empty()) << kinds(warnings);
}

TEST(WordChecks, CommentsTrackedChangesHiddenTextAndAuthorAreFound) {
  const std::string docx = make_docx(
      {"Dear Requester,", "The information is attached."},
      "<w:p><w:del w:author=\"J\"><w:r><w:delText>the informant was Mr Grey</w:delText></w:r>"
      "</w:del></w:p><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret aside</w:t></w:r></w:p>",
      "<w:comment w:id=\"0\" w:author=\"Legal team\"><w:p><w:r><w:t>Check s40 before sending"
      "</w:t></w:r></w:p></w:comment>",
      "<dc:creator>Pat Officer</dc:creator>");
  const auto warnings = inspect_file(docx, "letter.docx");
  ASSERT_EQ(of_kind(warnings, "comments").size(), 1U) << kinds(warnings);
  EXPECT_NE(of_kind(warnings, "comments")[0]->detail.find("Legal team"), std::string::npos);
  ASSERT_EQ(of_kind(warnings, "tracked_changes").size(), 1U);
  EXPECT_NE(of_kind(warnings, "tracked_changes")[0]->detail.find("informant was Mr Grey"),
            std::string::npos);
  ASSERT_EQ(of_kind(warnings, "hidden_text").size(), 1U);
  EXPECT_NE(of_kind(warnings, "hidden_text")[0]->detail.find("secret aside"), std::string::npos);
  ASSERT_EQ(of_kind(warnings, "metadata").size(), 1U);
  EXPECT_NE(of_kind(warnings, "metadata")[0]->detail.find("Pat Officer"), std::string::npos);
  EXPECT_TRUE(inspect_file(make_docx({"Dear Requester,", "Attached."}), "clean.docx").empty());
}

TEST(Checks, RunInTheSandboxWithTheSameResults) {
  const std::string pdf =
      make_pdf(kLetter + pdf_text(72, 650, "Officer Hiddenname") + pdf_black_box(68, 644, 260, 20));
  const auto direct = inspect_file(pdf, "a.pdf");
  const auto sandboxed = inspect_file_sandboxed(pdf, "a.pdf");
  ASSERT_EQ(direct.size(), sandboxed.size());
  for (std::size_t i = 0; i < direct.size(); ++i) {
    EXPECT_EQ(direct[i].kind, sandboxed[i].kind);
    EXPECT_EQ(direct[i].detail, sandboxed[i].detail);
  }
  EXPECT_THROW((void)inspect_file_sandboxed(std::string("%PDF-1.4 garbage"), "bad.pdf"),
               IngestError);
}

class Uploads : public ::testing::Test {
 protected:
  static const Taxonomies& taxonomies() {
    static const Taxonomies loaded = Taxonomies::load(default_data_dir());
    return loaded;
  }
  testing::TempDir dir_;
};

TEST_F(Uploads, PersonalDataInTheTextBecomesWarningsWithTheirPlaces) {
  const std::string letter =
      "Our reference: FOI-2024-0007\n\nDear Mr Heenan,\n\nThank you for your request received "
      "on 4 March 2024.\n\nYour National Insurance number AB 12 34 56 C was on the form. Please "
      "contact jane.smith@example.org or 07700 900123.\n\nInformation Rights Team\nWest Midlands "
      "Police\n20 March 2024\n";
  const auto up = web::prepare_upload("reply.txt", letter, taxonomies(), "west-midlands-police",
                                      "West Midlands Police", dir_.path());
  std::vector<std::string> found;
  for (const auto& w : up.record.warnings) {
    found.push_back(w.kind);
    ASSERT_FALSE(w.span.empty()) << w.kind;
    EXPECT_LE(w.span.end, up.record.text.size());
  }
  for (const char* kind : {"private_name", "ni_number", "email", "phone"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), kind), found.end()) << kind;
  }
  EXPECT_EQ(up.record.authority_id, "west-midlands-police");
  EXPECT_TRUE(up.path.string().find("west-midlands-police") != std::string::npos);
}

TEST_F(Uploads, ASpreadsheetIsReadAndItsHiddenSheetReported) {
  const std::string xlsx =
      make_xlsx({{"Answer", "", {{"FOI response reference FOI-77"}, {"Cost", "1200"}}, {}, false},
                 {"Staff", "hidden", {{"Jane Smith", "jane.smith@example.org"}}, {}, false}});
  const auto up = web::prepare_upload("answer.xlsx", xlsx, taxonomies(), "west-midlands-police",
                                      "West Midlands Police", dir_.path());
  EXPECT_EQ(up.record.format, "xlsx");
  std::vector<std::string> found;
  for (const auto& w : up.record.warnings) {
    found.push_back(w.kind);
  }
  EXPECT_NE(std::find(found.begin(), found.end(), "hidden_sheet"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "email"), found.end());
}

TEST_F(Uploads, SpreadsheetsFoilogCannotInspectAreRefused) {
  for (const char* name : {"old.xls", "calc.ods", "binary.xlsb"}) {
    try {
      (void)web::prepare_upload(name, "a,b\n1,2\n", taxonomies(), "", "", dir_.path());
      FAIL() << name << " was accepted";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("cannot check"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW((void)web::prepare_upload("empty.txt", "", taxonomies(), "", "", dir_.path()),
               UsageError);
}

TEST(SafeFileName, KeepsABasenameOfPlainCharacters) {
  EXPECT_EQ(web::safe_file_name("../../etc/My Letter (final).PDF"), "My_Letter_final_.pdf");
  EXPECT_EQ(web::safe_file_name("C:\\Users\\x\\reply.docx"), "reply.docx");
  EXPECT_EQ(web::safe_file_name(".hidden"), "hidden");
  EXPECT_EQ(web::safe_file_name("..."), "upload");
  EXPECT_EQ(web::safe_file_name(std::string(300, 'a') + ".txt").size(), 100U);
}

}  // namespace
}  // namespace foilog
