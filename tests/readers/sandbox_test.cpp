#include "readers/sandbox.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

// How many children ran a task: each appends a line to the file named by its bytes.
int attempts_in(const std::filesystem::path& attempts) {
  std::ifstream in(attempts);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
  }
  return n;
}

const SandboxTask kSpin("test-spin", [](std::string_view attempts, const std::string&) {
  std::ofstream(std::string(attempts), std::ios::app) << "child\n";
  volatile std::uint64_t spin = 0;
  for (;;) {
    spin = spin + 1;  // a parser working hard past the limit
  }
  return std::string();
});

TEST(Sandbox, ASlowChildIsKilledAtTheWallLimitAndNotRunAgain) {
  const testing::TempDir dir;
  const auto attempts = dir.path() / "attempts";
  SandboxLimits limits;
  limits.wall_seconds = 1;
  try {
    (void)run_sandboxed(attempts.string(), "slow.pdf", limits, kSpin);
    ADD_FAILURE() << "no IngestError";
  } catch (const IngestError& e) {
    EXPECT_EQ(e.file(), "slow.pdf");
    EXPECT_EQ(e.reason(), "parser killed after 1 s");
  }
  EXPECT_EQ(attempts_in(attempts), 1);
}

// State the parent changes at run time, and a lock it holds while a child runs. A fork would
// copy both as they are (the lock held for ever in the child: the ASan allocator's hang); a
// program started by exec has neither.
int g_parent_state = 0;
std::mutex g_parent_lock;

const SandboxTask kReportInheritance("test-report-inheritance", [](std::string_view,
                                                                   const std::string&) {
  const bool lock_free = g_parent_lock.try_lock();
  if (lock_free) {
    g_parent_lock.unlock();
  }
  return std::to_string(g_parent_state) + (lock_free ? " free" : " held");
});

TEST(Sandbox, TheChildIsAFreshProgramThatInheritsNoStateOrLocks) {
  g_parent_state = 42;
  // Another thread holds the lock while this one starts the child, as a thread inside malloc
  // did in the ASan suite.
  std::promise<void> locked;
  std::promise<void> done;
  std::thread holder([&] {
    const std::lock_guard held(g_parent_lock);
    locked.set_value();
    done.get_future().wait();
  });
  locked.get_future().wait();
  EXPECT_EQ(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportInheritance), "0 free");
  done.set_value();
  holder.join();
}

const SandboxTask kNoisy("test-noisy", [](std::string_view bytes, const std::string&) {
  std::printf("a library printing to standard output\n");
  std::fflush(stdout);
  return std::string(bytes);
});

TEST(Sandbox, WhatAChildPrintsIsNotTakenForItsResult) {
  EXPECT_EQ(run_sandboxed("the text", "x.pdf", SandboxLimits{}, kNoisy), "the text");
}

// Bytes "SECONDS:TEXT": sleeps, then answers TEXT.
const SandboxTask kSleepThenEcho("test-sleep-then-echo", [](std::string_view bytes,
                                                            const std::string&) {
  const auto colon = bytes.find(':');
  std::this_thread::sleep_for(std::chrono::seconds(std::stoi(std::string(bytes.substr(0, colon)))));
  return std::string(bytes.substr(colon + 1));
});

TEST(Sandbox, ChildrenStartedAtOnceOnSeveralThreadsEachAnswerAsSoonAsTheyEnd) {
  // A child that inherited another's result pipe would keep it open: that other's parent
  // thread would then wait for this slow child's exit, not its own child's.
  using Clock = std::chrono::steady_clock;
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  std::vector<double> seconds(4);
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([i, &results, &seconds] {
      const auto start = Clock::now();
      const std::string bytes = (i == 0 ? "4:" : "0:") + std::to_string(i);
      results[i] = run_sandboxed(bytes, "x.pdf", SandboxLimits{}, kSleepThenEcho);
      seconds[i] = std::chrono::duration<double>(Clock::now() - start).count();
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], std::to_string(i));
    if (i > 0) {
      EXPECT_LT(seconds[i], 3.0) << "child " << i << " waited for the slow one";
    }
  }
}

// The pid of the process that forked the child: the launcher.
const SandboxTask kReportLauncher("test-report-launcher", [](std::string_view, const std::string&) {
  return std::to_string(::getppid());
});

TEST(Sandbox, OneLauncherForksEveryChildAndANewOneReplacesItIfItDies) {
  const pid_t launcher = std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher));
  EXPECT_NE(launcher, ::getpid());
  EXPECT_EQ(std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher)), launcher);

  ASSERT_EQ(::kill(launcher, SIGKILL), 0);
  const pid_t replacement = std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher));
  EXPECT_NE(replacement, launcher);
  EXPECT_EQ(std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher)), replacement);
}

TEST(Sandbox, ChildrenAreCollectedWhenTheIndexerIgnoresSigchld) {
  // A supervisor may start foilog with SIGCHLD ignored, and exec keeps it ignored: a launcher
  // started so would find its children reaped by the kernel before it could report on them.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction before {};
  ASSERT_EQ(::sigaction(SIGCHLD, &ignore, &before), 0);
  const pid_t launcher = std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher));
  ASSERT_EQ(::kill(launcher, SIGKILL), 0);  // the next one starts with SIGCHLD ignored
  EXPECT_NE(std::stoi(run_sandboxed("", "x.pdf", SandboxLimits{}, kReportLauncher)), launcher);
  EXPECT_EQ(run_sandboxed("the text", "x.pdf", SandboxLimits{}, kNoisy), "the text");
  ::sigaction(SIGCHLD, &before, nullptr);
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
