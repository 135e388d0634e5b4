#include <cstdio>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "commands.h"
#include "gen/corpus_model.h"
#include "gen/corpus_writer.h"
#include "util/error.h"

namespace foilog::bench {
namespace {

constexpr const char* kHelp =
    R"(usage: foilog-bench gen --docs N --seed S [--threads T] [--data DIR] DIR

Writes N synthetic FOI responses (plain-text letters, 1-20 KB, mean about 6 KB) and a label file
NAME.json beside each (README "Label format"), 500 documents per subdirectory, then
DIR/MANIFEST.json. The same seed gives byte-identical files whatever the thread count, and
document i is the same whatever N.

  --docs N      number of documents (default 1000)
  --seed S      corpus seed (default 1)
  --threads T   writer threads (default: the number of cores)
  --data DIR    taxonomy directory (default: the source tree's data/)
  --json        print the summary as JSON
)";

}  // namespace

int cmd_gen(int argc, char** argv) {
  const cli::Args args(argc, argv, {"docs", "seed", "threads", "data"}, {"help", "json"});
  if (args.has("help")) {
    std::cout << kHelp;
    return 0;
  }
  if (args.positionals().size() != 1) {
    throw UsageError("DIR", "give exactly one output directory");
  }
  GenerateOptions options;
  options.docs = static_cast<std::uint64_t>(args.get_int("docs", 1000, 1, 100'000'000));
  options.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 1L << 62));
  options.threads = static_cast<unsigned>(
      args.get_int("threads", std::max(1u, std::thread::hardware_concurrency()), 1, 64));
  options.dir = args.positionals().front();
  const CorpusModel model(args.has("data") ? std::filesystem::path(args.get("data"))
                                           : default_data_dir());
  const GenerateSummary s = generate_corpus(model, options);
  if (args.has("json")) {
    std::cout << nlohmann::json{{"docs", s.docs},
                                {"text_bytes", s.text_bytes},
                                {"seconds", s.seconds},
                                {"authorities", model.authority_count()}}
                     .dump(1)
              << "\n";
  } else {
    std::printf("generated %llu documents (%.1f MB of text, mean %.1f KB) in %.1f s into %s\n",
                static_cast<unsigned long long>(s.docs), static_cast<double>(s.text_bytes) / 1e6,
                static_cast<double>(s.text_bytes) / 1024.0 / static_cast<double>(s.docs), s.seconds,
                options.dir.c_str());
  }
  return 0;
}

}  // namespace foilog::bench
