#include <gtest/gtest.h>

#include "fixtures.h"
#include "readers/reader.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

std::string response_eml(const std::string& pdf) {
  return "From: Information Rights Team <foi@borsetshire.police.uk>\r\n"
         "To: Jo Requester <request-1234@whatdotheyknow.com>\r\n"
         "Subject: =?UTF-8?Q?FOI_2023/0412_=E2=80=93_response?=\r\n"
         "Date: Tue, 14 Mar 2023 16:05:11 +0000\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
         "\r\n"
         "--outer\r\n"
         "Content-Type: text/html; charset=windows-1252\r\n"
         "Content-Transfer-Encoding: quoted-printable\r\n"
         "\r\n"
         "<html><body><p>Dear Jo</p><p>Please find our response attached =96 the fee is =A3=\r\n"
         "0.</p><script>x()</script></body></html>\r\n"
         "--outer\r\n"
         "Content-Type: application/pdf; name=\"FOI-2023-0412.pdf\"\r\n"
         "Content-Disposition: attachment; filename=\"FOI-2023-0412.pdf\"\r\n"
         "Content-Transfer-Encoding: base64\r\n"
         "\r\n" +
         testing::base64(pdf) +
         "\r\n"
         "--outer\r\n"
         "Content-Type: image/png; name=\"logo.png\"\r\n"
         "Content-Disposition: attachment; filename=\"logo.png\"\r\n"
         "Content-Transfer-Encoding: base64\r\n"
         "\r\n"
         "iVBORw0KGgo=\r\n"
         "--outer--\r\n";
}

TEST(EmailReader, HtmlBodyAndPdfAttachment) {
  const std::string pdf = testing::make_text_pdf(
      {{"Freedom of Information Act 2000", "Section 12 applies: the cost limit is exceeded."}});
  const DocumentText doc = read_document(response_eml(pdf), "response.eml");
  EXPECT_EQ(doc.format, "email");
  EXPECT_EQ(doc.title, "FOI 2023/0412 \xE2\x80\x93 response");
  EXPECT_EQ(doc.metadata.at("email.subject"), doc.title);
  EXPECT_EQ(doc.metadata.at("email.date"), "2023-03-14");
  EXPECT_NE(doc.metadata.at("email.from").find("foi@borsetshire.police.uk"), std::string::npos);
  EXPECT_NE(doc.metadata.at("email.to").find("request-1234@whatdotheyknow.com"), std::string::npos);
  EXPECT_TRUE(
      doc.text.starts_with("Dear Jo\n\nPlease find our response attached \xE2\x80\x93 the "
                           "fee is \xC2\xA3"
                           "0."))
      << doc.text;
  EXPECT_EQ(doc.text.find("x()"), std::string::npos);
  const auto marker = doc.text.find("--- attachment: FOI-2023-0412.pdf ---\n");
  ASSERT_NE(marker, std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("Section 12 applies: the cost limit is exceeded.", marker),
            std::string::npos);
  EXPECT_EQ(doc.text.find("logo.png"), std::string::npos);
  bool noted_logo = false;
  for (const auto& n : doc.notes) {
    noted_logo = noted_logo || n.find("logo.png") != std::string::npos;
  }
  EXPECT_TRUE(noted_logo);
}

TEST(EmailReader, PlainTextBodyPreferredOverHtml) {
  const std::string eml =
      "From: foi@council.gov.uk\nTo: a@b.c\nSubject: Re: request\nDate: 2 Jan 2024 09:00:00 "
      "+0000\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\n"
      "Content-Type: text/plain; charset=utf-8\n\nThe information is not held.\n--b\n"
      "Content-Type: text/html\n\n<p>HTML copy</p>\n--b--\n";
  const DocumentText doc = read_document(eml, "reply.eml");
  EXPECT_EQ(doc.text, "The information is not held.");
  EXPECT_EQ(doc.metadata.at("email.date"), "2024-01-02");
}

const char* kDocumentXml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:r><w:t>Our ref: FOI </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2024/117</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">You asked:</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>How many drones do you own?</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t>What did they cost?</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2023</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>&#163;4,000</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>Withheld under section</w:t></w:r><w:del><w:r><w:delText> 40(2)</w:delText></w:r></w:del><w:ins><w:r><w:t> 43(2)</w:t></w:r></w:ins><w:r><w:tab/><w:t>end</w:t></w:r></w:p>
</w:body></w:document>)";

const char* kCoreXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>FOI 2024/117 response</dc:title><dc:creator>J Smith</dc:creator><cp:lastModifiedBy>FOI Officer</cp:lastModifiedBy>
</cp:coreProperties>)";

const char* kCommentsXml = R"(<?xml version="1.0"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:comment w:id="0"><w:p><w:r><w:t>check with legal</w:t></w:r></w:p></w:comment>
<w:comment w:id="1"><w:p><w:r><w:t>redact name</w:t></w:r></w:p></w:comment>
</w:comments>)";

const char* kHeaderXml = R"(<?xml version="1.0"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Borsetshire Fire and Rescue Service</w:t></w:r></w:p></w:hdr>)";

TEST(DocxReader, ParagraphsTablesListsAndProperties) {
  const testing::TempDir dir;
  const auto path = dir.path() / "response.docx";
  testing::write_zip(path, {{"[Content_Types].xml", "<Types/>"},
                            {"word/document.xml", kDocumentXml},
                            {"word/header1.xml", kHeaderXml},
                            {"word/header2.xml", kHeaderXml},  // same header, another section
                            {"word/comments.xml", kCommentsXml},
                            {"docProps/core.xml", kCoreXml}});
  const DocumentText doc = read_document(testing::slurp(path), path.string());
  EXPECT_EQ(doc.format, "docx");
  EXPECT_EQ(doc.text,
            "Borsetshire Fire and Rescue Service\n\n"
            "Our ref: FOI 2024/117\n"
            "You asked:\n"
            "- How many drones do you own?\n"
            "- What did they cost?\n"
            "Year | Cost\n"
            "2023 | \xC2\xA3"
            "4,000\n\n"
            "Withheld under section 43(2)\tend");
  EXPECT_EQ(doc.title, "FOI 2024/117 response");
  EXPECT_EQ(doc.metadata.at("docx.author"), "J Smith");
  EXPECT_EQ(doc.metadata.at("docx.last_modified_by"), "FOI Officer");
  EXPECT_EQ(doc.metadata.at("docx.comments"), "2");
  EXPECT_EQ(doc.text.find("check with legal"), std::string::npos);
}

TEST(DocxReader, OtherOfficeZipsAndBrokenZipsAreRefused) {
  const testing::TempDir dir;
  const auto xlsx = dir.path() / "data.docx";  // misnamed spreadsheet
  testing::write_zip(xlsx, {{"xl/workbook.xml", "<workbook/>"}});
  try {
    (void)read_document(testing::slurp(xlsx), "data.docx");
    ADD_FAILURE() << "expected IngestError";
  } catch (const IngestError& e) {
    EXPECT_EQ(e.reason(), "unsupported format: .xlsx");
  }
  try {
    (void)read_document(std::string("PK\x03\x04 truncated", 14), "broken.docx");
    ADD_FAILURE() << "expected IngestError";
  } catch (const IngestError& e) {
    EXPECT_TRUE(e.reason().starts_with("DOCX is damaged")) << e.reason();
  }
}

}  // namespace
}  // namespace foilog
