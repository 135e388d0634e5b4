#include "readers/sandbox.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "fixtures.h"
#include "readers/serialise.h"
#include "sandbox_reason.h"
#include "util/error.h"

namespace foilog {
namespace {

TEST(Serialise, RoundTripsEveryField) {
  DocumentText doc;
  doc.text = std::string("line\nwith \0 nul", 15);
  doc.format = "pdf";
  doc.title = "T";
  doc.ocr = true;
  doc.metadata = {{"pdf.author", "A"}, {"pdf.creator", ""}};
  doc.notes = {"one", "two"};
  const std::string bytes = serialise(doc);
  const auto back = deserialise(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->text, doc.text);
  EXPECT_EQ(back->format, doc.format);
  EXPECT_EQ(back->title, doc.title);
  EXPECT_EQ(back->ocr, doc.ocr);
  EXPECT_EQ(back->metadata, doc.metadata);
  EXPECT_EQ(back->notes, doc.notes);
  EXPECT_FALSE(deserialise(bytes.substr(0, bytes.size() - 1)).has_value());
}

TEST(Sandbox, TextPdfReadInChild) {
  const testing::TempDir dir;
  const auto p = dir.write("letter.pdf",
                           testing::make_text_pdf({{"Dear Requester", "Section 40(2) applies."}}));
  const DocumentText doc = read_document_sandboxed(p);
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.text, "Dear Requester\nSection 40(2) applies.");
}

TEST(Sandbox, SparseTwoGigabyteFileRefusedBySizeWithoutReading) {
  const testing::TempDir dir;
  const auto p = dir.path() / "huge.pdf";
  std::ofstream(p).put('%');
  std::filesystem::resize_file(p, 2147483648ULL);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(sandbox_reason(p), "file too large: 2147483648 bytes (limit 268435456)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(Sandbox, EmptyBinaryMissingEncrypted) {
  const testing::TempDir dir;
  EXPECT_EQ(sandbox_reason(dir.write("empty.pdf", "")), "empty file");
  std::string binary(2048, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) {
    binary[i] = static_cast<char>(i * 31 % 251);
  }
  EXPECT_EQ(sandbox_reason(dir.write("blob.bin", binary)), "not a document: binary data");
  EXPECT_EQ(sandbox_reason(dir.path() / "missing.pdf"), "file not found");
  const std::string pdf = testing::make_text_pdf({{"x"}});
  EXPECT_TRUE(sandbox_reason(dir.write("cut.pdf", pdf.substr(0, pdf.size() - 40)))
                  .starts_with("PDF is damaged"));
}

TEST(Sandbox, DecompressionBombIsKilledAtTheCpuLimit) {
  const testing::TempDir dir;
  // ~4 GB of whitespace when inflated, 26 MB on disk.
  const auto p = dir.write("bomb.pdf", testing::make_bomb_pdf(16u << 20));
  SandboxLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 10;
  limits.memory_bytes = 512u << 20;
  const auto start = std::chrono::steady_clock::now();
  const std::string reason = sandbox_reason(p, limits);
  EXPECT_EQ(reason, "parser exceeded 1 s CPU limit");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(11));
}

TEST(Sandbox, WallClockLimitKillsASlowParser) {
  const testing::TempDir dir;
  const auto p = dir.write("bomb.pdf", testing::make_bomb_pdf(16u << 20));
  SandboxLimits limits;
  limits.cpu_seconds = 30;
  limits.wall_seconds = 1;
  EXPECT_EQ(sandbox_reason(p, limits), "parser killed after 1 s");
}

// How many children a run_sandboxed call forked: each appends a line to `attempts`.
int attempts_in(const std::filesystem::path& attempts) {
  std::ifstream in(attempts);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
  }
  return n;
}

void note_attempt(const std::filesystem::path& attempts) {
  std::ofstream(attempts, std::ios::app) << "child\n";
}

TEST(Sandbox, AChildBlockedWithoutUsingCpuIsForkedOnceMore) {
  const testing::TempDir dir;
  const auto attempts = dir.path() / "attempts";
  SandboxLimits limits;
  limits.wall_seconds = 1;
  // The first child waits without running, as one stuck on a lock inherited at fork() does;
  // the second answers at once.
  const std::string result = run_sandboxed("x", "stuck.eml", limits, [&](std::string_view) {
    const bool first = attempts_in(attempts) == 0;
    note_attempt(attempts);
    if (first) {
      std::this_thread::sleep_for(std::chrono::seconds(30));
    }
    return std::string("read");
  });
  EXPECT_EQ(result, "read");
  EXPECT_EQ(attempts_in(attempts), 2);
}

TEST(Sandbox, ASlowChildUsingCpuIsNotForkedAgain) {
  const testing::TempDir dir;
  const auto attempts = dir.path() / "attempts";
  SandboxLimits limits;
  limits.wall_seconds = 1;
  try {
    (void)run_sandboxed("x", "slow.pdf", limits, [&](std::string_view) {
      note_attempt(attempts);
      volatile std::uint64_t spin = 0;
      for (;;) {
        spin = spin + 1;  // a parser working hard past the limit
      }
      return std::string();
    });
    ADD_FAILURE() << "no IngestError";
  } catch (const IngestError& e) {
    EXPECT_EQ(e.reason(), "parser killed after 1 s");
  }
  EXPECT_EQ(attempts_in(attempts), 1);
}

// Renders a text PDF to greyscale pixels and wraps them as an image-only ("scanned") PDF.
std::string scanned_pdf() {
  constexpr int kWidthPt = 360;
  constexpr int kHeightPt = 90;
  const std::string text_pdf = testing::make_text_pdf(
      {{"Freedom of Information Request", "Information not held"}}, "", kWidthPt, kHeightPt, 18);
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(text_pdf.data(), static_cast<int>(text_pdf.size())));
  const std::unique_ptr<poppler::page> page(doc->create_page(0));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(page.get(), 200, 200);
  std::vector<unsigned char> gray;
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                      static_cast<std::ptrdiff_t>(y) * image.bytes_per_row();
    gray.insert(gray.end(), row, row + image.width());
  }
  return testing::make_image_pdf(gray, image.width(), image.height(), kWidthPt, kHeightPt);
}

TEST(Sandbox, ScannedPdfIsReadByOcr) {
  const testing::TempDir dir;
  const auto p = dir.write("scan.pdf", scanned_pdf());
  const DocumentText doc = read_document_sandboxed(p);
  EXPECT_TRUE(doc.ocr);
  EXPECT_NE(doc.text.find("Freedom of Information Request"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("Information not held"), std::string::npos) << doc.text;
  ASSERT_FALSE(doc.notes.empty());
  EXPECT_NE(doc.notes.back().find("OCR"), std::string::npos);
}

}  // namespace
}  // namespace foilog
