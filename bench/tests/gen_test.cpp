// The generator is deterministic (same seed => byte-identical corpus, whatever the thread count
// or corpus size) and its labels are sane (README "Label format", values the taxonomies know,
// facts that the letter's text actually contains).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "gen/corpus_model.h"
#include "gen/corpus_writer.h"
#include "gen/letter.h"
#include "taxonomy/taxonomies.h"

namespace foilog::bench {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), dir).string()] = slurp(e.path());
    }
  }
  return files;
}

class GenTest : public ::testing::Test {
 protected:
  static const CorpusModel& model() {
    static const CorpusModel m(default_data_dir());
    return m;
  }
  fs::path scratch(const std::string& name) {
    const fs::path p = fs::temp_directory_path() /
                       ("foilog-bench-test-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    dirs_.push_back(p);
    return p;
  }
  void TearDown() override {
    for (const auto& d : dirs_) {
      fs::remove_all(d);
    }
  }

 private:
  std::vector<fs::path> dirs_;
};

TEST_F(GenTest, SameSeedGivesByteIdenticalCorpusWhateverTheThreads) {
  const fs::path a = scratch("a"), b = scratch("b");
  generate_corpus(model(), {300, 7, a, 1});
  generate_corpus(model(), {300, 7, b, 3});
  const auto ta = tree(a), tb = tree(b);
  EXPECT_EQ(ta.size(), 2u * 300 + 1);  // letters, labels, manifest
  EXPECT_TRUE(ta == tb);
  for (const auto& dir : fs::directory_iterator(a)) {
    if (dir.is_directory()) {
      EXPECT_LE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1000);
    }
  }
}

TEST_F(GenTest, DocumentDependsOnlyOnSeedAndIndex) {
  const auto d5 = generate_document(model(), 7, 5);
  EXPECT_EQ(d5.text, generate_document(model(), 7, 5).text);
  EXPECT_EQ(d5.label, generate_document(model(), 7, 5).label);
  EXPECT_NE(d5.text, generate_document(model(), 8, 5).text);
  EXPECT_NE(d5.text, generate_document(model(), 7, 6).text);
  EXPECT_EQ(document_stem(0), "d0000/doc0000000");
  EXPECT_EQ(document_stem(1234), "d0002/doc0001234");
}

TEST_F(GenTest, LabelsAreSaneAndMatchTheText) {
  const Taxonomies& tax = model().taxonomies();
  const std::set<std::string> outcomes = {"granted", "partial",    "refused",   "not_held",
                                          "ncnd",    "cost_limit", "vexatious", "other"};
  const std::set<std::string> regimes = {"FOIA", "EIR", "FOISA", "EIRS", "DPA"};
  std::size_t total_bytes = 0, min_bytes = SIZE_MAX, max_bytes = 0;
  std::set<std::string> authorities, seen_outcomes;
  const std::size_t n = 300;
  for (std::size_t i = 0; i < n; ++i) {
    const auto doc = generate_document(model(), 11, i);
    const auto& l = doc.label;
    SCOPED_TRACE("document " + std::to_string(i) + ": " + l.dump());
    total_bytes += doc.text.size();
    min_bytes = std::min(min_bytes, doc.text.size());
    max_bytes = std::max(max_bytes, doc.text.size());
    for (const char* key : {"authority", "reference", "date_received", "date_responded", "regimes",
                            "exemptions", "procedural", "outcome", "questions", "topics"}) {
      ASSERT_TRUE(l.contains(key)) << key;
    }
    const std::string authority = l["authority"].get<std::string>();
    ASSERT_NE(tax.authorities.resolve(authority), nullptr) << authority;
    EXPECT_NE(doc.text.find(authority), std::string::npos);
    authorities.insert(authority);
    if (!l["reference"].is_null()) {
      EXPECT_NE(doc.text.find(l["reference"].get<std::string>()), std::string::npos);
    }
    if (l["date_received"].is_string() && l["date_responded"].is_string()) {
      EXPECT_LT(l["date_received"].get<std::string>(), l["date_responded"].get<std::string>());
    }
    for (const auto& r : l["regimes"]) {
      EXPECT_TRUE(regimes.count(r.get<std::string>()));
    }
    const std::string act = l["regimes"].empty() ? "" : l["regimes"][0].get<std::string>();
    for (const auto& e : l["exemptions"]) {
      const std::string p = e.get<std::string>();
      if (!act.empty()) {
        const ExemptionInfo* info = tax.exemptions.find(act, p);
        ASSERT_NE(info, nullptr) << p;
        EXPECT_EQ(info->provision, p);
      }
    }
    const std::string outcome = l["outcome"].get<std::string>();
    EXPECT_TRUE(outcomes.count(outcome)) << outcome;
    seen_outcomes.insert(outcome);
    if (outcome == "granted" || outcome == "not_held") {
      EXPECT_TRUE(l["exemptions"].empty());
    } else {
      EXPECT_FALSE(l["exemptions"].empty());
    }
    const int q = l["questions"].get<int>();
    EXPECT_TRUE(q == 0 || (q >= 2 && q <= 12)) << q;
    ASSERT_EQ(l["topics"].size(), 1u);
    EXPECT_NE(tax.topics.by_id(l["topics"][0].get<std::string>()), nullptr);
  }
  EXPECT_GE(min_bytes, 1000u);
  EXPECT_LE(max_bytes, 21000u);
  const double mean = static_cast<double>(total_bytes) / static_cast<double>(n);
  EXPECT_GT(mean, 5000);
  EXPECT_LT(mean, 7000);
  EXPECT_GT(authorities.size(), 100u);  // Zipfian over ~400: many, not all
  EXPECT_GE(seen_outcomes.size(), 6u);
}

}  // namespace
}  // namespace foilog::bench
