#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/evaluation.h"
#include "cli/subcommands.h"
#include "ingest/extract_file.h"
#include "ingest/ingester.h"
#include "util/error.h"

namespace foilog::cli {
namespace {

constexpr const char* kHelp = R"(usage: foilog eval [OPTIONS] DIR...

Runs extraction over every document in DIR that has a label file NAME.json beside it and prints,
per field, accuracy (or precision, recall and F1 for sets) and the documents it got wrong.

  --min FIELD=VALUE   fail (exit 1) when FIELD scores below VALUE; repeatable. Fields:
                      reference authority date_received date_responded regimes exemptions
                      procedural outcome questions (sets are scored by F1)
  --data DIR          taxonomy directory (default: the source tree's data/)
  --json              print the scores as JSON instead of a table

Exit status: 0, or 1 when a minimum is not met or a labelled document cannot be read.
)";

std::map<std::string, double> parse_minimums(const std::vector<std::string>& specs) {
  std::map<std::string, double> mins;
  for (const auto& s : specs) {
    const auto eq = s.find('=');
    char* end = nullptr;
    const double v = eq == std::string::npos ? -1 : std::strtod(s.c_str() + eq + 1, &end);
    if (eq == std::string::npos || end == s.c_str() + eq + 1 || *end != '\0' || v < 0 || v > 1) {
      throw UsageError("--min", "expects FIELD=VALUE with VALUE from 0 to 1, got '" + s + "'");
    }
    mins[s.substr(0, eq)] = v;
  }
  return mins;
}

}  // namespace

int cmd_eval(int argc, char** argv) {
  const Args args(argc, argv, {"min", "data", "db"}, {"help", "json"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().empty()) {
    throw UsageError("DIR", "give at least one directory of labelled documents");
  }
  const auto mins = parse_minimums(args.all("min"));
  const Taxonomies tax = Taxonomies::load(args.has("data") ? std::filesystem::path(args.get("data"))
                                                           : default_data_dir());
  std::vector<std::filesystem::path> roots(args.positionals().begin(), args.positionals().end());
  std::vector<LabelledRecord> docs;
  int status = 0;
  for (const auto& file : collect_documents(roots)) {
    auto label_path = file;
    label_path.replace_extension(".json");
    if (!std::filesystem::is_regular_file(label_path)) {
      continue;
    }
    std::ifstream in(label_path);
    auto label = nlohmann::json::parse(in, nullptr, false);
    if (label.is_discarded() || !label.is_object()) {
      std::cerr << "foilog eval: " << label_path.string() << ": not a JSON object; skipped\n";
      status = 1;
      continue;
    }
    try {
      docs.push_back({file.string(), std::move(label), extract_file(file, tax, "")});
    } catch (const IngestError& e) {
      std::cerr << "foilog eval: " << e.what() << "\n";
      status = 1;
    }
  }
  const auto scores = evaluate(docs, tax.authorities);
  for (const auto& min : mins) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    const auto& field = min.first;
    if (std::none_of(scores.begin(), scores.end(),
                     [&](const FieldScore& s) { return s.field == field; })) {
      throw UsageError("--min", "unknown field '" + field + "' (see --help)");
    }
  }

  if (args.has("json")) {
    nlohmann::json out = nlohmann::json::object();
    out["documents"] = docs.size();
    for (const auto& s : scores) {
      nlohmann::json f = {
          {"score", s.score}, {"correct", s.correct}, {"total", s.total}, {"misses", s.misses}};
      if (s.is_set) {
        f["precision"] = s.precision;
        f["recall"] = s.recall;
        f["f1"] = s.score;
      }
      out["fields"][s.field] = f;
    }
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%zu labelled documents\n\n%-16s %-9s %6s %6s %6s %8s\n", docs.size(), "field",
                "metric", "score", "P", "R", "docs ok");
    for (const auto& s : scores) {
      if (s.is_set) {
        std::printf("%-16s %-9s %6.3f %6.3f %6.3f %4zu/%-3zu\n", s.field.c_str(), "F1", s.score,
                    s.precision, s.recall, s.correct, s.total);
      } else {
        std::printf("%-16s %-9s %6.3f %6s %6s %4zu/%-3zu\n", s.field.c_str(), "accuracy", s.score,
                    "", "", s.correct, s.total);
      }
    }
    for (const auto& s : scores) {
      if (!s.misses.empty()) {
        std::printf("\n%s: %zu wrong\n", s.field.c_str(), s.misses.size());
        for (const auto& m : s.misses) {
          std::printf("  %s\n", m.c_str());
        }
      }
    }
  }
  for (const auto& s : scores) {
    const auto it = mins.find(s.field);
    if (it != mins.end() && s.score + 1e-9 < it->second) {
      std::fprintf(stderr, "foilog eval: %s scored %.3f, below the minimum %.3f\n", s.field.c_str(),
                   s.score, it->second);
      status = 1;
    }
  }
  return status;
}

}  // namespace foilog::cli
