// R7 at the sandbox: the hostile files that sandbox_test.cpp and the CLI test do not already
// cover, and the caps' timing. Each file must come back as one IngestError naming the file and
// the reason, and a parser past its CPU, wall-clock or memory cap must be killed within the cap
// plus 5 s. (The end-to-end run over all of R7's files is tests/fuzz/hostile_files_test.sh.)
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fixtures.h"
#include "readers/sandbox.h"
#include "sandbox_reason.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kGrace = std::chrono::seconds(5);  // R7: killed within cap + 5 s

// An /Encrypt dictionary whose check values fit no password (the empty user password included):
// poppler can open the file only as locked. Built by hand so the test needs no qpdf.
std::string encrypted_pdf() {
  testing::PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [] /Count 0 >>");
  pdf.add("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + std::string(64, '4') + "> /U <" +
          std::string(64, '5') + "> >>");
  std::string bytes = pdf.finish(1);
  const std::string root = "/Root 1 0 R";
  bytes.replace(bytes.find(root), root.size(),
                root +
                    " /Encrypt 3 0 R /ID [<0123456789abcdef0123456789abcdef> "
                    "<0123456789abcdef0123456789abcdef>]");
  return bytes;
}

TEST(HostileFiles, EncryptedPdfIsReportedFromTheSandbox) {
  const testing::TempDir dir;
  EXPECT_EQ(sandbox_reason(dir.write("locked.pdf", encrypted_pdf())), "PDF is encrypted");
}

// Structures that send a naive parser round in circles: a page tree that is its own kid, an
// xref chain whose /Prev points back into itself, a form XObject that draws itself. Poppler
// must give up on each (an error naming the reason) well inside the default caps.
TEST(HostileFiles, PdfsThatLoopTheParserEndInAnError) {
  const testing::TempDir dir;
  std::vector<std::pair<std::string, std::string>> files;
  {
    testing::PdfWriter pdf;
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
    files.emplace_back("page-tree-loop.pdf", pdf.finish(1));
  }
  {
    testing::PdfWriter pdf;
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [] /Count 0 >>");
    std::string bytes = pdf.finish(1);
    const std::string root = "/Root 1 0 R";
    bytes.replace(bytes.find(root), root.size(), root + " /Prev 9");
    files.emplace_back("xref-prev-loop.pdf", bytes);
  }
  {
    testing::PdfWriter pdf;
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>");
    pdf.add(
        testing::PdfWriter::stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                                   "/Resources << /XObject << /X1 3 0 R >> >>",
                                   "/X1 Do"));
    pdf.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << "
        "/X1 3 0 R >> >> /Contents 5 0 R >>");
    pdf.add(testing::PdfWriter::stream("", "/X1 Do"));
    files.emplace_back("form-draws-itself.pdf", pdf.finish(1));
  }
  SandboxLimits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 20;
  for (const auto& [name, bytes] : files) {
    const auto start = Clock::now();
    const std::string reason = sandbox_reason(dir.write(name, bytes), limits);
    EXPECT_NE(reason, "no error") << name;
    EXPECT_FALSE(reason.empty()) << name;
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(limits.cpu_seconds) + kGrace) << name;
  }
}

TEST(HostileFiles, InvalidUtf8TextIsReadNotRefused) {
  // Not an error by design (README): bytes that are not UTF-8 are read as Windows-1252, so the
  // text the extractors see is valid UTF-8 and the letter is indexed.
  const testing::TempDir dir;
  const DocumentText doc =
      read_document_sandboxed(dir.write("latin1.txt",
                                        "Cost \xA3"
                                        "450 \xFF\xFE \xC3( under section 12.\n"));
  EXPECT_TRUE(is_valid_utf8(doc.text));
  EXPECT_NE(doc.text.find("\xC2\xA3"
                          "450"),
            std::string::npos)
      << doc.text;
}

TEST(HostileFiles, CpuCapKillsWithinCapPlusFiveSeconds) {
  const testing::TempDir dir;
  const auto p = dir.write("bomb.pdf", testing::make_bomb_pdf(16u << 20));
  SandboxLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 60;  // so only the CPU cap can stop it
  const auto start = Clock::now();
  EXPECT_EQ(sandbox_reason(p, limits), "parser exceeded 1 s CPU limit");
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(limits.cpu_seconds) + kGrace);
}

TEST(HostileFiles, WallClockCapKillsWithinCapPlusFiveSeconds) {
  const testing::TempDir dir;
  const auto p = dir.write("bomb.pdf", testing::make_bomb_pdf(16u << 20));
  SandboxLimits limits;
  limits.cpu_seconds = 60;
  limits.wall_seconds = 1;
  const auto start = Clock::now();
  EXPECT_EQ(sandbox_reason(p, limits), "parser killed after 1 s");
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(limits.wall_seconds) + kGrace);
}

// A parser that keeps allocating (and touching) memory, as a decompression bomb's output.
const SandboxTask kHungry("test-hungry", [](std::string_view, const std::string&) {
  std::vector<std::string> held;
  for (;;) {
    held.emplace_back(std::size_t{16} << 20, 'x');
  }
  return std::string();
});

TEST(HostileFiles, MemoryCapKillsWithinFiveSeconds) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "RLIMIT_AS is not applied under AddressSanitizer (readers/sandbox.cpp)";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  GTEST_SKIP() << "RLIMIT_AS is not applied under AddressSanitizer (readers/sandbox.cpp)";
#endif
#endif
  SandboxLimits limits;
  limits.memory_bytes = std::size_t{256} << 20;
  const auto start = Clock::now();
  std::string reason;
  try {
    (void)run_sandboxed("", "hungry.pdf", limits, kHungry);
  } catch (const IngestError& e) {
    EXPECT_EQ(e.file(), "hungry.pdf");
    reason = e.reason();
  }
  EXPECT_EQ(reason, "parser ran out of memory (limit 256 MB)");
  EXPECT_LT(Clock::now() - start, kGrace);
}

}  // namespace
}  // namespace foilog
