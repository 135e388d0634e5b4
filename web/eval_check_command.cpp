// `foilog eval-check [--db DIR] [--min recall5=X] [--min mrr=X] FILE`: measures the pre-filing
// check on an evaluation set of drafts (tests/check-eval/drafts.json): for each draft question,
// the prior questions it should find ({file, n}: the document's file stem and question number).
// Prints recall@5 and MRR, the questions it missed, and how often a draft about something the
// corpus never covers was told it had been asked before. Exit 1 below a given minimum.
#include "eval_check_command.h"

#include <xapian.h>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "check/prior_answers.h"
#include "cli/args.h"
#include "cli/subcommands.h"
#include "schema/schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace foilog::web {
namespace {

constexpr const char* kHelp =
    R"(usage: foilog eval-check [--db DIR] [--min recall5=X] [--min mrr=X] FILE

Scores the pre-filing check (/check) against FILE (see tests/check-eval/README.md) over the
store in DIR, which must hold the documents the file names. Prints recall@5, MRR and the misses.
)";

using Key = std::pair<std::int64_t, int>;  // SQLite document id, question number

std::map<std::string, std::int64_t> ids_by_stem(SqliteDb& db) {
  std::map<std::string, std::int64_t> out;
  auto st = db.prepare("SELECT id, path FROM documents");
  while (st.step()) {
    out[std::filesystem::path(st.text(1)).stem().string()] = st.int64(0);
  }
  return out;
}

double parse_min(const std::string& spec, const std::string& name) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || spec.substr(0, eq) != name) {
    return -1;
  }
  try {
    return std::stod(spec.substr(eq + 1));
  } catch (const std::exception&) {
    throw UsageError("--min", "expects FIELD=NUMBER, e.g. recall5=0.9");
  }
}

}  // namespace

int cmd_eval_check(int argc, char** argv) {
  const cli::Args args(argc, argv, {"db", "min", "data"}, {"help"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().size() != 1) {
    throw UsageError("FILE", "give one evaluation file (tests/check-eval/drafts.json)");
  }
  const std::string file = args.positionals()[0];
  std::ifstream in(file);
  if (!in) {
    throw DataError(file + ": cannot read the evaluation file");
  }
  const auto set = nlohmann::json::parse(in, nullptr, false);
  if (set.is_discarded() || !set.contains("drafts")) {
    throw DataError(file + ": not an evaluation file (a JSON object with \"drafts\")");
  }
  double min_recall = -1, min_mrr = -1;
  for (const auto& m : args.all("min")) {
    const double r = parse_min(m, "recall5");
    const double q = parse_min(m, "mrr");
    if (r < 0 && q < 0) {
      throw UsageError("--min", "knows recall5 and mrr (got " + m + ")");
    }
    min_recall = std::max(min_recall, r);
    min_mrr = std::max(min_mrr, q);
  }
  const std::filesystem::path dir = args.get("db", cli::kDefaultDb);
  const std::filesystem::path data = args.get("data", std::string(FOILOG_SOURCE_DIR) + "/data");
  SqliteDb db(dir / schema::file::kSqlite, true);
  const auto stems = ids_by_stem(db);
  Xapian::Database xapian((dir / schema::file::kXapian).string());
  PriorAnswers prior(xapian, (data / "check-stopwords.txt").string());

  double recall_sum = 0, rr_sum = 0;
  std::size_t questions = 0, split_mismatches = 0;
  std::vector<std::string> misses;
  for (const auto& d : set["drafts"]) {
    const std::string id = d.value("id", "?");
    const auto result = prior.check(d.at("draft").get<std::string>(), {});
    const auto& expected_questions = d.at("questions");
    const bool aligned = result.questions.size() == expected_questions.size();
    if (!aligned) {
      ++split_mismatches;
    }
    for (std::size_t i = 0; i < expected_questions.size(); ++i) {
      std::set<Key> want;
      for (const auto& e : expected_questions[i].at("expect")) {
        const auto it = stems.find(e.at("file").get<std::string>());
        if (it == stems.end()) {
          throw DataError(file + ": draft " + id + " expects " + e.at("file").get<std::string>() +
                          ", which is not in " + dir.string());
        }
        want.insert({it->second, e.at("n").get<int>()});
      }
      // Ranked matches: the aligned question's, or (when the splitter saw a different number of
      // questions) every question's, interleaved by rank.
      std::vector<Key> ranked;
      if (aligned) {
        for (const auto& m : result.questions[i].matches) {
          ranked.push_back({m.document_id, m.data.value("n", 0)});
        }
      } else {
        for (std::size_t r = 0; r < 5; ++r) {
          for (const auto& q : result.questions) {
            if (r < q.matches.size()) {
              ranked.push_back({q.matches[r].document_id, q.matches[r].data.value("n", 0)});
            }
          }
        }
      }
      std::size_t found = 0;
      double rr = 0;
      for (std::size_t r = 0; r < ranked.size() && r < 5; ++r) {
        if (want.count(ranked[r]) != 0) {
          ++found;
          if (rr == 0) {
            rr = 1.0 / static_cast<double>(r + 1);
          }
        }
      }
      const double recall =
          static_cast<double>(found) / static_cast<double>(std::min<std::size_t>(want.size(), 5));
      recall_sum += recall;
      rr_sum += rr;
      ++questions;
      if (found == 0) {
        misses.push_back(id + " question " + std::to_string(i + 1));
      }
    }
  }
  std::size_t false_claims = 0, negatives = 0;
  for (const auto& d : set.value("negative", nlohmann::json::array())) {
    const std::string draft = d.is_string() ? d.get<std::string>() : d.value("draft", "");
    ++negatives;
    if (prior.check(draft, {}).summary.asked > 0) {
      ++false_claims;
    }
  }
  const double recall = questions == 0 ? 0 : recall_sum / static_cast<double>(questions);
  const double mrr = questions == 0 ? 0 : rr_sum / static_cast<double>(questions);
  std::cout << std::fixed << std::setprecision(3);
  std::cout << set["drafts"].size() << " drafts, " << questions << " questions\n";
  std::cout << "recall@5  " << recall << "\nMRR       " << mrr << "\n";
  std::cout << "split into a different number of questions: " << split_mismatches << " drafts\n";
  std::cout << "negative drafts told they were asked before: " << false_claims << " of "
            << negatives << "\n";
  if (!misses.empty()) {
    std::cout << "not found in the top 5:";
    for (const auto& m : misses) {
      std::cout << " " << m << ";";
    }
    std::cout << "\n";
  }
  int status = 0;
  if (min_recall >= 0 && recall < min_recall) {
    std::cout << "recall@5 " << recall << " is below the minimum " << min_recall << "\n";
    status = 1;
  }
  if (min_mrr >= 0 && mrr < min_mrr) {
    std::cout << "MRR " << mrr << " is below the minimum " << min_mrr << "\n";
    status = 1;
  }
  return status;
}

}  // namespace foilog::web
